import 'reflect-metadata';
import { type Type, VersioningType } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, type NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import type { AppConfig } from './platform/config/config.schema.js';
import { installRouteBodyLimits } from './platform/http/body-limit.js';
import { REQUEST_ID_HEADER, requestIdFor } from './platform/http/request-id.js';
import { installSecurityHeaders } from './platform/http/security-headers.js';
import { buildOpenApiDocument, mountOpenApi } from './platform/openapi/openapi.js';
import { RateLimitModule } from './platform/rate-limit/rate-limit.module.js';
import { installRateLimitReplies } from './platform/rate-limit/rate-limit.reply.js';
import { installRequestContext } from './platform/request-context/request-context.js';

/**
 * Builds the whole API (used by main.ts, the e2e tests and the OpenAPI writer) without listening.
 * Routes: /api/healthz, /api/readyz, /api/openapi.json, /api/docs and the domain modules under /api/v1.
 * `extraModules` lets tests mount fixture controllers (e.g. one route per permission) on the real stack.
 */
export async function createApp(
  config: AppConfig,
  options: { extraModules?: Type[] } = {},
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter({
    trustProxy: config.TRUST_PROXY,
    // On close, drop idle keep-alive sockets at once but let in-flight requests finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    bodyLimit: 1024 * 1024,
    genReqId: requestIdFor,
  });
  const app = await NestFactory.create<NestFastifyApplication>(
    // RateLimitModule is global: TenantGuard and the sign-in flows inject RateLimiter.
    AppModule.forRoot(config, [RateLimitModule, ...(options.extraModules ?? [])]),
    adapter,
    {
      bufferLogs: true,
    },
  );
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.enableShutdownHooks();

  const fastify = app.getHttpAdapter().getInstance();
  // Before the routes are registered (on init): routes marked @BodyLimit() get their own limit.
  installRouteBodyLimits(fastify);
  fastify.addHook('onRequest', async (request, reply) => {
    reply.header(REQUEST_ID_HEADER, request.id);
  });
  installRequestContext(fastify);
  installRateLimitReplies(fastify);
  await installSecurityHeaders(app);
  // While shutting down, ask keep-alive clients to hang up after their current response: otherwise the
  // socket of a request that was in flight at SIGTERM idles on and holds the process until its timeout.
  let closing = false;
  fastify.addHook('preClose', async () => {
    closing = true;
  });
  fastify.addHook('onSend', async (_request, reply) => {
    if (closing) reply.header('connection', 'close');
  });
  mountOpenApi(app, buildOpenApiDocument(app), config.API_DOCS_ENABLED);
  return app;
}
