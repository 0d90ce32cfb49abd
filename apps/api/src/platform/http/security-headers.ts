import fastifyHelmet from '@fastify/helmet';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { API_DOCS_PATH } from '../openapi/openapi.js';

/** Two years, the HSTS preload list's minimum; one year at least is what ASVS asks. */
const HSTS_MAX_AGE_SECONDS = 2 * 365 * 24 * 60 * 60;

/**
 * The API answers JSON and problem+json only: nothing in a response may load, run or frame anything.
 * (`base-uri` and `form-action` do not fall back to `default-src`, hence named too.)
 */
export const API_CSP = "default-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

/**
 * Swagger UI at /api/docs: its HTML loads scripts and styles from /api/docs/* (npm assets, no CDN), carries
 * inline <style> blocks and style attributes, uses data: images in its CSS, and calls the API for "Try it out".
 * No inline script and no eval, so scripts stay 'self' only.
 */
export const API_DOCS_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/**
 * Browser features the API (and the web app, which sets the same list) never uses. A later feature that needs
 * one (crew check-in with geolocation, Stripe's payment request) widens it for its own pages only.
 */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'autoplay=()',
  'camera=()',
  'display-capture=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'midi=()',
  'payment=()',
  'usb=()',
].join(', ');

function isDocsPath(url: string): boolean {
  const path = url.split('?')[0] ?? url;
  return path === API_DOCS_PATH || path.startsWith(`${API_DOCS_PATH}/`) || path.startsWith(`${API_DOCS_PATH}-`);
}

/**
 * Security headers on every API response (errors and 404s included): HSTS, CSP, nosniff, X-Frame-Options,
 * Referrer-Policy and the cross-origin isolation headers from helmet; Permissions-Policy, which helmet does
 * not set, from our own hook. Register before the routes are mounted. docs/security.md lists them.
 */
export async function installSecurityHeaders(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyHelmet, {
    // Set by the hook below: it differs between the JSON routes and Swagger UI.
    contentSecurityPolicy: false,
    strictTransportSecurity: { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: true },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // The web app serves the API under its own origin; nobody else's pages may read our responses.
    crossOriginResourcePolicy: { policy: 'same-origin' },
  });
  const fastify = app.getHttpAdapter().getInstance();
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header('content-security-policy', isDocsPath(request.url) ? API_DOCS_CSP : API_CSP);
    reply.header('permissions-policy', PERMISSIONS_POLICY);
  });
}
