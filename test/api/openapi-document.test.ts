import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { securityApp } from '../security/security-app.ts';

const { as } = await securityApp();
const doc = (await (await as('viewer')('/api/openapi.json')).json()) as Record<string, unknown>;

type Op = {
  responses: Record<string, { content?: Record<string, unknown> }>;
  requestBody?: unknown;
  security?: unknown[];
  'x-roles': string | string[];
};
const paths = doc.paths as Record<string, Record<string, Op>>;
const op = (method: string, path: string): Op => paths[path]![method]!;

describe('the served OpenAPI document', () => {
  it('is valid OpenAPI 3.1 for an independent validator', async () => {
    const result = await new Validator().validate(doc);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('references named schemas under components/schemas, never #/$defs, and every reference resolves', () => {
    const text = JSON.stringify(doc);
    expect(text).not.toContain('#/$defs/');
    const schemas = (doc.components as { schemas: Record<string, unknown> }).schemas;
    for (const m of text.matchAll(/"\$ref":"#\/components\/schemas\/([^"]+)"/g))
      expect(schemas, m[1]).toHaveProperty([m[1]!]);
  });

  it('states the statuses, content types and bodies the routes really use', () => {
    // POST /api/plans answers 201 and takes the body; GET /api/plans has none.
    expect(Object.keys(op('post', '/api/plans').responses)).toContain('201');
    expect(op('post', '/api/plans').responses['200']).toBeUndefined();
    expect(op('post', '/api/plans').requestBody).toBeDefined();
    expect(op('get', '/api/plans').requestBody).toBeUndefined();
    // GeoJSON routes document application/geo+json.
    for (const p of [
      '/api/buurten',
      '/api/dwellings',
      '/api/signals/buurten',
      '/api/acquisition/zones',
      '/api/acquisition/candidates',
    ]) {
      expect(Object.keys(op('get', p).responses['200']!.content!), p).toEqual(['application/geo+json']);
    }
    // Every export format is documented.
    expect(Object.keys(op('get', '/api/acquisition/export').responses['200']!.content!)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'application/geo+json',
    ]);
    expect(Object.keys(op('get', '/api/plans/{id}/export').responses['200']!.content!)).toHaveLength(3);
    expect(Object.keys(op('get', '/api/vve/export').responses['200']!.content!)).toEqual([
      'text/csv',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ]);
    // The document itself, the tiles and security.txt are documented.
    expect(JSON.stringify(op('get', '/api/openapi.json').responses['200'])).toContain('OpenApiDocument');
    expect(Object.keys(op('get', '/tiles/{file}').responses)).toEqual(
      expect.arrayContaining(['200', '206', '401', '404']),
    );
    expect(op('get', '/.well-known/security.txt').security).toEqual([]);
    // The retrofit detail documents the `synthetic` it sends.
    expect(JSON.stringify(op('get', '/api/retrofit/dwellings/{vboId}').responses['200'])).toContain(
      'RetrofitDwellingDetail',
    );
    const detail = (doc.components as { schemas: Record<string, { properties: Record<string, unknown> }> }).schemas
      .RetrofitDwellingDetail!;
    expect(detail.properties).toHaveProperty('synthetic');
  });

  it('declares 401 on every authenticated route, 403 where a role is refused, and 403/413/415 on every write', () => {
    for (const [path, ops] of Object.entries(paths)) {
      for (const [method, o] of Object.entries(ops)) {
        if (o.security?.length) expect(Object.keys(o.responses), `${method} ${path}`).toContain('401');
        const roles = o['x-roles'];
        if (Array.isArray(roles) && roles.length < 4)
          expect(Object.keys(o.responses), `${method} ${path}`).toContain('403');
        if (Array.isArray(roles) && roles.length === 4 && method === 'get')
          expect(Object.keys(o.responses), `${method} ${path}`).not.toContain('403');
        if (method !== 'get')
          expect(Object.keys(o.responses), `${method} ${path}`).toEqual(expect.arrayContaining(['403', '413', '415']));
      }
    }
  });
});
