import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyInstance } from 'fastify';

/**
 * A route that takes a larger body than the API's default (1 MB, app.factory.ts), such as a CSV import:
 * `@BodyLimit(bytes)`. Only that route reads more; every other keeps the small default that limits what an
 * anonymous or careless client can make the server buffer.
 */
export const BodyLimit = (bytes: number) => RouteConfig({ bodyLimit: bytes });

/** Applies @BodyLimit: Nest passes route config through, Fastify reads `bodyLimit` from the route options. */
export function installRouteBodyLimits(fastify: FastifyInstance): void {
  fastify.addHook('onRoute', (route) => {
    const limit = (route.config as { bodyLimit?: unknown } | undefined)?.bodyLimit;
    if (typeof limit === 'number') route.bodyLimit = limit;
  });
}
