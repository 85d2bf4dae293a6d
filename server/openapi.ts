import { z } from 'zod';
import { ErrorBody } from './api-schemas.ts';

/** What the OpenAPI document needs to know about a route; handlers live in routes/. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/stats */
  path: string;
  summary: string;
  query?: z.ZodObject;
  response: z.ZodType;
  responseType?: string;
  errors?: number[];
}

/** OpenAPI 3.1 document generated from the zod schemas of every documented route. */
export function buildOpenApi(routes: readonly RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters = r.query
      ? Object.entries(r.query.shape).map(([name, schema]) => {
          const s = schema as z.ZodType;
          return { name, in: 'query', required: !s.safeParse(undefined).success, description: s.description, schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) };
        })
      : [];
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { [r.responseType ?? 'application/json']: { schema: z.toJSONSchema(r.response, { unrepresentable: 'any' }) } } },
    };
    for (const status of r.errors ?? []) {
      responses[status] = { description: 'Error', content: { 'application/json': { schema: z.toJSONSchema(ErrorBody) } } };
    }
    (paths[r.path] ??= {})[r.method] = { summary: r.summary, parameters, responses };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'voorraad API', version, description: 'Woningvoorraad, verduurzaming en differentiatie — Kalsdonk en Westrand (NPR Roosendaal)' },
    paths,
  };
}
