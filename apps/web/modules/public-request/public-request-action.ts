'use server';

import type { Problem } from '@ontrack/schemas/problem';
import { createApiClient } from '@ontrack/sdk/client';
import { headers } from 'next/headers';
import {
  PUBLIC_REQUEST_FIELDS,
  type PublicRequestField,
  type PublicRequestFieldError,
  type PublicRequestState,
  type PublicRequestValues,
} from './public-request-state';

/** Empty text is "not given" for the API's nullable fields; it trims the rest itself. */
function optional(value: string | undefined): string | null {
  return value?.trim() ? value : null;
}

function valuesOf(form: FormData): PublicRequestValues {
  const values: PublicRequestValues = { smsConsent: form.get('smsConsent') === 'on' };
  for (const field of PUBLIC_REQUEST_FIELDS) {
    const value = form.get(field);
    if (typeof value === 'string') values[field] = value;
  }
  return values;
}

/**
 * The headers that make the server's call count as the visitor's own: the rate limit per client address and
 * the consent's evidence (address, browser) are the visitor's, not the web server's. Whether to believe
 * x-forwarded-for is the API's decision (its trusted-proxy setting), as for every request the proxy forwards.
 */
async function visitorHeaders(): Promise<Record<string, string>> {
  const incoming = await headers();
  const forwarded: Record<string, string> = {};
  for (const name of ['x-forwarded-for', 'x-real-ip', 'user-agent', 'accept-language', 'x-request-id']) {
    const value = incoming.get(name);
    if (value) forwarded[name] = value;
  }
  return forwarded;
}

/**
 * The public request form's server action (app/(public)/r/[slug]): a plain form POST, so it works without
 * JavaScript too. It sends the request to the API from the server, with the visitor's address and browser.
 */
export async function submitPublicRequest(
  slug: string,
  previous: PublicRequestState,
  form: FormData,
): Promise<PublicRequestState> {
  const attempt = previous.status === 'invalid' || previous.status === 'failed' ? previous.attempt + 1 : 1;
  const values = valuesOf(form);
  const website = form.get('website');
  const api = createApiClient({ baseUrl: process.env.API_INTERNAL_URL ?? 'http://127.0.0.1:4000' });
  let response: Response;
  let error: unknown;
  try {
    ({ response, error } = await api.POST('/api/v1/public/businesses/{slug}/requests', {
      params: { path: { slug } },
      headers: await visitorHeaders(),
      body: {
        name: values.name ?? '',
        email: optional(values.email),
        phone: optional(values.phone),
        addressLine1: optional(values.addressLine1),
        city: optional(values.city),
        postalCode: optional(values.postalCode),
        requestedService: values.requestedService ?? '',
        message: optional(values.message),
        smsConsent: values.smsConsent === true,
        website: typeof website === 'string' ? website : '',
      },
      signal: AbortSignal.timeout(10_000),
    }));
  } catch {
    return { status: 'failed', attempt, values, reason: 'unavailable' };
  }
  if (response.ok) return { status: 'sent' };
  if (response.status === 429) return { status: 'failed', attempt, values, reason: 'rate-limited' };
  if (response.status === 404) return { status: 'failed', attempt, values, reason: 'gone' };
  const problem = error as Partial<Problem> | undefined;
  const fieldErrors: Partial<Record<PublicRequestField | 'smsConsent', PublicRequestFieldError>> = {};
  for (const invalid of problem?.errors ?? []) {
    const field = invalid.field as PublicRequestField | 'smsConsent';
    if ((PUBLIC_REQUEST_FIELDS as readonly string[]).includes(field) || field === 'smsConsent') {
      fieldErrors[field] ??= { code: invalid.code, detail: invalid.detail };
    }
  }
  if ((response.status === 400 || response.status === 422) && Object.keys(fieldErrors).length > 0) {
    return { status: 'invalid', attempt, values, fieldErrors };
  }
  return { status: 'failed', attempt, values, reason: 'unavailable' };
}
