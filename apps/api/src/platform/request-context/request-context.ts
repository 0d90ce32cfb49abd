import { AsyncLocalStorage, AsyncResource } from 'node:async_hooks';
import type { ActivityEntryInput } from '@ontrack/db/activity-chain';
import type { Permission, RoleScope } from '@ontrack/schemas/permissions';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RequestTransaction } from '../db/request-transaction.js';

/** Who is acting: a member of the tenant, or a platform operator under a support grant. */
export interface Actor {
  userId: string;
  email: string;
  kind: 'user' | 'support';
}

export interface TenantAccess {
  tenantId: string;
  roles: readonly string[];
  scopes: readonly RoleScope[];
  permissions: ReadonlySet<Permission>;
  /** Set when the actor is a platform operator using a support grant of this tenant. */
  supportGrantId?: string;
}

/**
 * Everything a request carries through guards, services and repositories, without request-scoped providers
 * (which would rebuild the provider graph on every request). One store per request, in AsyncLocalStorage.
 */
export interface RequestContext {
  requestId: string;
  ip: string | undefined;
  userAgent: string | undefined;
  method: string;
  path: string;
  actor?: Actor;
  /** The tenant named by the access token (`tid`), used when the request names none. */
  tokenTenantId?: string;
  /** The signed-in session (the access token's `sid`): what sign-out and the device list act on. */
  sessionId?: string;
  tenant?: TenantAccess;
  transaction?: RequestTransaction;
  /** Activity recorded during the request, appended to the tenant's chain just before the commit. */
  activity: ActivityEntryInput[];
}

const storage = new AsyncLocalStorage<RequestContext>();
const resourceKey = Symbol('request-context-resource');
const contextKey = Symbol('request-context');

type WithContext = FastifyRequest & { [resourceKey]?: AsyncResource; [contextKey]?: RequestContext };

/** The current request's context; throws outside a request, where code must use a named system context. */
export function requestContext(): RequestContext {
  const context = storage.getStore();
  if (!context) throw new Error('No request context: this code runs outside a request (use a system context)');
  return context;
}

export function maybeRequestContext(): RequestContext | undefined {
  return storage.getStore();
}

/**
 * Opens the context in `onRequest` and re-enters it in `preValidation`: body parsing runs on stream events
 * that lose the async context, so the rest of the lifecycle is resumed inside the request's own resource.
 */
export function installRequestContext(fastify: FastifyInstance): void {
  fastify.addHook('onRequest', (request, _reply, done) => {
    const context: RequestContext = {
      requestId: String(request.id),
      ip: request.ip,
      userAgent: request.headers['user-agent'],
      method: request.method,
      path: request.url.split('?')[0] ?? request.url,
      activity: [],
    };
    (request as WithContext)[contextKey] = context;
    storage.run(context, () => {
      (request as WithContext)[resourceKey] = new AsyncResource('ontrack-request');
      done();
    });
  });
  fastify.addHook('preValidation', (request, _reply, done) => {
    const resource = (request as WithContext)[resourceKey];
    if (resource) resource.runInAsyncScope(done, request.raw);
    else done();
  });
  // A request refused by a guard, or abandoned by its client, never reaches the transaction interceptor:
  // roll its transaction back and give the connection back to the pool.
  const release = async (request: FastifyRequest) => {
    await (request as WithContext)[contextKey]?.transaction?.rollback();
  };
  fastify.addHook('onResponse', release);
  fastify.addHook('onRequestAbort', release);
}
