import { readFile } from 'node:fs/promises';
import SwaggerParser from '@apidevtools/swagger-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RunningApi, startApi } from './start-api.js';

describe('the OpenAPI document', () => {
  let api: RunningApi;
  let served: { openapi: string; paths: Record<string, unknown> };
  beforeAll(async () => {
    api = await startApi();
    served = (await (await fetch(`${api.baseUrl}/api/openapi.json`)).json()) as typeof served;
  });
  afterAll(() => api.close());

  it('is valid OpenAPI 3.1 according to swagger-parser', async () => {
    expect(served.openapi).toBe('3.1.0');
    // validate() dereferences in place: give it a copy.
    await expect(SwaggerParser.validate(structuredClone(served) as never)).resolves.toBeTruthy();
  });

  it('documents the health routes and the problem+json error of every operation', () => {
    expect(Object.keys(served.paths)).toEqual(expect.arrayContaining(['/api/healthz', '/api/readyz']));
    const readyz = served.paths['/api/readyz'] as { get: { responses: Record<string, unknown> } };
    expect(Object.keys(readyz.get.responses)).toEqual(expect.arrayContaining(['200', '503', 'default']));
  });

  it('types bare nullable fields as nullable, not as arrays (nestjs-zod #473 workaround)', () => {
    const schemas = (
      served as unknown as { components: { schemas: Record<string, { properties: Record<string, unknown> }> } }
    ).components.schemas;
    const nullableString = { anyOf: [{ type: 'string' }, { type: 'null' }] };
    expect(schemas.MeDto_Output?.properties.locale).toEqual(nullableString);
    expect(schemas.MessageDto_Output?.properties.provider).toEqual(nullableString);
    expect(schemas.ActivityPageDto_Output?.properties.nextCursor).toMatchObject(nullableString);
    // Real arrays stay arrays.
    expect(schemas.RoleDto_Output?.properties.permissions).toMatchObject({ type: 'array' });
  });

  it('is the document committed in apps/api/openapi.json (run `npm run generate` when this fails)', async () => {
    const committed = JSON.parse(await readFile(new URL('../../openapi.json', import.meta.url), 'utf8'));
    expect(served).toEqual(committed);
  });

  it('has interactive docs at /api/docs', async () => {
    const response = await fetch(`${api.baseUrl}/api/docs`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });
});
