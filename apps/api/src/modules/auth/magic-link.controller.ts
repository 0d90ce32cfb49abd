import { Body, Controller, HttpCode, Post, Req, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { MagicLinkAccepted, SignedIn } from '@ontrack/schemas/auth';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ZodResponse } from 'nestjs-zod';
import { LINK_COOKIE, readCookie } from '../../platform/auth/cookies.js';
import { Public } from '../../platform/auth/public.decorator.js';
import { requestContext } from '../../platform/request-context/request-context.js';
import { MagicLinkAcceptedDto, MagicLinkRequestDto, MagicLinkVerifyDto, SignedInDto } from './auth.dto.js';
import { clearLinkCookie, respondWithSession, setLinkCookie } from './auth-cookies.js';
import { MAGIC_LINK_MINUTES } from './auth-mail.service.js';
import { MagicLinkService } from './magic-link.service.js';

const ACCEPTED =
  'If this address can sign in here, a link is on its way. It works once, for 10 minutes, in this browser only.';

@ApiTags('auth')
@Public()
@Controller('auth/magic-link')
export class MagicLinkController {
  constructor(private readonly links: MagicLinkService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({
    operationId: 'requestMagicLink',
    summary:
      'Emails a single-use sign-in link (10 minutes) and sets the `__Host-ontrack_link` cookie that binds it to ' +
      'this browser. Always 202 with the same body, whether or not the address belongs to anyone. With ' +
      '`tenant`, a client-portal link scoped to that business (sent only to its members).',
  })
  @ZodResponse({ status: 202, type: MagicLinkAcceptedDto })
  async request(
    @Body() body: MagicLinkRequestDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<MagicLinkAccepted> {
    const binding = await this.links.request(body, clientInfo(), readCookie(request, LINK_COOKIE));
    setLinkCookie(reply, binding, MAGIC_LINK_MINUTES * 60);
    reply.header('cache-control', 'no-store');
    return { detail: ACCEPTED };
  }

  @Post('verify')
  @HttpCode(200)
  @ApiOperation({
    operationId: 'verifyMagicLink',
    summary:
      'Redeems the link’s token (the web page at /auth/magic posts it) in the browser that asked for it: signs ' +
      'in, sets the session cookies (or, with `mode: "bearer"`, returns the refresh token instead). 401 when ' +
      'the link is unknown, used, expired, or opened in another browser.',
  })
  @ZodResponse({ status: 200, type: SignedInDto })
  async verify(
    @Body() body: MagicLinkVerifyDto,
    @Req() request: FastifyRequest,
    @Res({ passthrough: true }) reply: FastifyReply,
  ): Promise<SignedIn> {
    const { issued, user } = await this.links.verify(body.token, readCookie(request, LINK_COOKIE), clientInfo());
    clearLinkCookie(reply);
    return { ...respondWithSession(reply, issued, body.mode), user };
  }
}

export function clientInfo(): { ip: string | undefined; userAgent: string | undefined } {
  const { ip, userAgent } = requestContext();
  return { ip, userAgent };
}
