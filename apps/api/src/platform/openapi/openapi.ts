import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, type OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { PROBLEM_CONTENT_TYPE, problemSchema } from '@ontrack/schemas/problem';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import { z } from 'zod';

export const OPENAPI_JSON_PATH = '/api/openapi.json';
export const API_DOCS_PATH = '/api/docs';

const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;

/** The OpenAPI 3.1 document, generated from the controllers' decorators and the zod schemas they name. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setOpenAPIVersion('3.1.0')
    .setTitle('OnTrack API')
    .setDescription(
      'Operations platform for contracting businesses: leads, estimates, jobs, invoices and payments. ' +
        'Every error is RFC 9457 `application/problem+json` (see the `Problem` schema).',
    )
    .setVersion('1.0.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT', description: 'A 15-minute access token.' })
    .build();
  const raw = SwaggerModule.createDocument(app, config);
  repairBareNullables(raw.components?.schemas);
  const document = cleanupOpenApiDoc(raw, { version: '3.1' });
  return withTenantHeader(withProblemResponses(document));
}

/**
 * zod ≥ 4.5 writes a bare nullable primitive (`z.string().nullable()`) as `type: ["string", "null"]`, which
 * @nestjs/swagger reads as an array of strings (nestjs-zod issue #473, open): `nextCursor: string[]` in the SDK.
 * nestjs-zod marks such a property `x-nestjs_zod-empty-type`; a real array never carries the marker. Put the
 * nullable primitive back as `anyOf: [{type}, {type: "null"}]`, the form zod uses for every other nullable.
 */
export function repairBareNullables(node: unknown): void {
  if (Array.isArray(node)) {
    for (const child of node) repairBareNullables(child);
    return;
  }
  if (!node || typeof node !== 'object') return;
  const schema = node as Record<string, unknown>;
  const items = schema.items as Record<string, unknown> | undefined;
  if (
    schema['x-nestjs_zod-empty-type'] === true &&
    schema.type === 'array' &&
    items &&
    Object.keys(items).length === 1 &&
    typeof items.type === 'string' &&
    ['string', 'number', 'integer', 'boolean'].includes(items.type)
  ) {
    delete schema.type;
    delete schema.items;
    schema.anyOf = [{ type: items.type }, { type: 'null' }];
    return;
  }
  for (const child of Object.values(schema)) repairBareNullables(child);
}

/**
 * Every operation can fail with a problem+json body; documenting it once as the `default` response of
 * each operation gives SDK users the error type without a decorator on every route.
 */
function withProblemResponses(document: OpenAPIObject): OpenAPIObject {
  const { $schema: _dialect, ...problemJsonSchema } = z.toJSONSchema(problemSchema, {
    target: 'draft-2020-12',
    io: 'output',
    reused: 'inline',
  });
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, Problem: problemJsonSchema as never },
    responses: {
      ...document.components?.responses,
      Problem: {
        description: 'An RFC 9457 problem: the status, what went wrong, and for validation errors each bad field.',
        content: { [PROBLEM_CONTENT_TYPE]: { schema: { $ref: '#/components/schemas/Problem' } } },
      },
    },
  };
  for (const pathItem of Object.values(document.paths)) {
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation)
        operation.responses = { ...operation.responses, default: { $ref: '#/components/responses/Problem' } };
    }
  }
  return document;
}

/**
 * Every signed-in operation under /api/v1 works in one business, named by X-Tenant-ID (or the caller's
 * default); documenting the header once here keeps it off every controller.
 */
function withTenantHeader(document: OpenAPIObject): OpenAPIObject {
  const header = {
    name: 'X-Tenant-ID',
    in: 'header' as const,
    required: false,
    description:
      "The business to work in: its id or slug. Default: the access token's tenant, else your first membership.",
    schema: { type: 'string' as const },
  };
  for (const [path, pathItem] of Object.entries(document.paths)) {
    if (!path.startsWith('/api/v1/')) continue;
    for (const method of HTTP_METHODS) {
      const operation = pathItem[method];
      if (operation?.security?.length) operation.parameters = [...(operation.parameters ?? []), header];
    }
  }
  return document;
}

/** Serves the spec at /api/openapi.json and, when enabled, Swagger UI at /api/docs (assets from npm, no CDN). */
export function mountOpenApi(app: INestApplication, document: OpenAPIObject, docsEnabled: boolean): void {
  SwaggerModule.setup(API_DOCS_PATH.slice(1), app, () => document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH.slice(1),
    yamlDocumentUrl: 'api/openapi.yaml',
    ui: docsEnabled,
    raw: ['json', 'yaml'],
    customSiteTitle: 'OnTrack API reference',
  });
}
