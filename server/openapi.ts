import { z } from 'zod';
import { ErrorBody } from './api-schemas.ts';

/** What the OpenAPI document needs to know about a route; handlers live in routes/. */
export interface RouteDoc {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  /** OpenAPI path, e.g. /api/stats */
  path: string;
  summary: string;
  query?: z.ZodObject;
  /** JSON request body of a write route (application/json only; the write guard refuses other types). */
  body?: z.ZodType;
  response: z.ZodType;
  responseType?: string;
  errors?: number[];
}

/** OpenAPI 3.1 document generated from the zod schemas of every documented route. */
export function buildOpenApi(routes: readonly RouteDoc[], version: string): Record<string, unknown> {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const r of routes) {
    const parameters: Record<string, unknown>[] = r.query
      ? Object.entries(r.query.shape).map(([name, schema]) => {
          const s = schema as z.ZodType;
          return { name, in: 'query', required: !s.safeParse(undefined).success, description: s.description, schema: z.toJSONSchema(s, { io: 'input', unrepresentable: 'any' }) };
        })
      : [];
    // OpenAPI requires every {template} segment to be declared as a path parameter.
    for (const m of r.path.matchAll(/\{([^}]+)\}/g)) {
      parameters.unshift({ name: m[1]!, in: 'path', required: true, description: undefined, schema: { type: 'string' } });
    }
    const responses: Record<string, unknown> = {
      200: { description: 'OK', content: { [r.responseType ?? 'application/json']: { schema: z.toJSONSchema(r.response, { unrepresentable: 'any' }) } } },
    };
    for (const status of r.errors ?? []) {
      responses[status] = { description: 'Error', content: { 'application/json': { schema: z.toJSONSchema(ErrorBody) } } };
    }
    const requestBody = r.body
      ? { required: true, content: { 'application/json': { schema: z.toJSONSchema(r.body, { io: 'input', unrepresentable: 'any' }) } } }
      : undefined;
    (paths[r.path] ??= {})[r.method] = { summary: r.summary, parameters, ...(requestBody ? { requestBody } : {}), responses };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'voorraad API', version, description: 'Woningvoorraad, verduurzaming en differentiatie — Kalsdonk en Westrand (NPR Roosendaal)' },
    paths,
  };
}
