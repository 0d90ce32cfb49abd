import { simpleParser } from 'mailparser';
import type { SmtpCapture } from '../support/smtp-capture.js';
import type { RunningApi } from './start-api.js';

export interface BrowserReply<T = Record<string, unknown>> {
  status: number;
  headers: Headers;
  body: T & { detail?: string };
}

/**
 * A browser as far as the API can tell: keeps the cookies it is given (by name; Max-Age=0 deletes) and
 * sends them back, and echoes the CSRF cookie in X-CSRF-Token the way the web app does (unless told not to).
 */
export class TestBrowser {
  readonly cookies = new Map<string, string>();

  constructor(private readonly api: RunningApi) {}

  async call<T = Record<string, unknown>>(
    path: string,
    options: {
      method?: string;
      body?: unknown;
      csrf?: boolean;
      headers?: Record<string, string>;
      rawBody?: string;
    } = {},
  ): Promise<BrowserReply<T>> {
    const headers: Record<string, string> = { ...options.headers };
    if (this.cookies.size > 0) {
      headers.cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    }
    const csrf = this.cookies.get('__Host-ontrack_csrf');
    if (csrf && options.csrf !== false) headers['x-csrf-token'] = csrf;
    if (options.body !== undefined) headers['content-type'] ??= 'application/json';
    const response = await fetch(`${this.api.baseUrl}/api/v1${path}`, {
      method: options.method ?? 'GET',
      headers,
      body: options.rawBody ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair = '', ...attributes] = line.split(';').map((part) => part.trim());
      const index = pair.indexOf('=');
      const name = pair.slice(0, index);
      const value = pair.slice(index + 1);
      if (attributes.some((attribute) => attribute.toLowerCase() === 'max-age=0')) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const text = await response.text();
    return { status: response.status, headers: response.headers, body: text ? JSON.parse(text) : {} };
  }
}

/** The next mail to `address` after `since` messages, parsed (polls the capture for up to 15 s). */
export async function mailTo(
  capture: SmtpCapture,
  address: string,
  since: number,
): Promise<{ text: string; html: string; subject: string }> {
  const deadline = Date.now() + 15_000;
  while (Date.now() < deadline) {
    const found = capture.messages
      .slice(since)
      .find((message) => message.envelope.rcptTo.some((rcpt) => rcpt.address === address));
    if (found) {
      const parsed = await simpleParser(found.raw);
      return {
        text: parsed.text ?? '',
        html: typeof parsed.html === 'string' ? parsed.html : '',
        subject: parsed.subject ?? '',
      };
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no mail to ${address} arrived`);
}

export function mailsTo(capture: SmtpCapture, address: string, since = 0): number {
  return capture.messages
    .slice(since)
    .filter((message) => message.envelope.rcptTo.some((rcpt) => rcpt.address === address)).length;
}

/** The `token` of the first link in a mail that starts with `prefix` (e.g. `http://…/auth/magic?token=`). */
export function tokenFromMail(text: string, prefix: string): string {
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`${escaped}([A-Za-z0-9_%-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no link starting with ${prefix} in the mail:\n${text}`);
  return decodeURIComponent(match[1]);
}
