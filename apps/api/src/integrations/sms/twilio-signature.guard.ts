import {
  type CanActivate,
  type ExecutionContext,
  ForbiddenException,
  Injectable,
  Logger,
  NotFoundException,
} from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { problem } from '../../platform/http/problem-details.js';
import { type TwilioParams, TwilioWebhookVerifier } from './twilio-webhook.verifier.js';

export const TWILIO_SIGNATURE_HEADER = 'x-twilio-signature';

/**
 * Lets a request through only when its X-Twilio-Signature validates: the guard of every Twilio webhook route,
 * which is @Public() (Twilio has no access token) — this guard is its authentication.
 *
 * Without Twilio configured the answer is 404, not 403: this deployment has no such endpoint (no number points
 * at it), there is no token a caller could sign with, and a 403 would invite retries of a request that can
 * never succeed.
 */
@Injectable()
export class TwilioSignatureGuard implements CanActivate {
  private readonly logger = new Logger('TwilioWebhook');

  constructor(private readonly verifier: TwilioWebhookVerifier) {}

  canActivate(execution: ExecutionContext): boolean {
    if (!this.verifier.configured) {
      throw new NotFoundException(problem(404, { detail: 'Twilio webhooks are not enabled on this server.' }));
    }
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const header = request.headers[TWILIO_SIGNATURE_HEADER];
    const params = signedParams(request);
    const url = this.verifier.urlFor(request);
    if (params && typeof header === 'string' && this.verifier.verify({ url, params, signature: header })) {
      return true;
    }
    // A wrong PUBLIC_URL fails every webhook the same way: the URL we checked is what to compare with the
    // number's webhook setting in the Twilio console.
    this.logger.warn({ url, hasSignature: typeof header === 'string' }, 'refused a webhook: invalid Twilio signature');
    throw new ForbiddenException(problem(403, { detail: 'invalid Twilio signature' }));
  }
}

/**
 * The parameters Twilio signed: the form body of a POST as parsed (strings; a list for a repeated name), none for
 * a GET (its parameters are in the signed URL). Any other body (JSON, …) is not how Twilio sends a signed
 * request here, so it is refused rather than guessed at.
 */
function signedParams(request: FastifyRequest): TwilioParams | undefined {
  const body: unknown = request.body;
  if (body === undefined || body === null) return {};
  const contentType = request.headers['content-type'] ?? '';
  if (!contentType.toLowerCase().startsWith('application/x-www-form-urlencoded')) return undefined;
  if (typeof body !== 'object' || Array.isArray(body)) return undefined;
  const entries = Object.entries(body);
  const flat = entries.every(
    ([, value]) =>
      typeof value === 'string' || (Array.isArray(value) && value.every((item) => typeof item === 'string')),
  );
  return flat ? (Object.fromEntries(entries) as TwilioParams) : undefined;
}
