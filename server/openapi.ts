import { z } from 'zod';
import { ErrorBody } from './api-schemas.ts';
import { ROLES, type Role } from './auth/roles.ts';
import { isWrite, type AnyRouteSpec } from './route-spec.ts';

/**
 * The OpenAPI 3.1 document, derived from the route specs. Named schemas (zod `.meta({ id })`) go to
 * `components/schemas` and are referenced as `#/components/schemas/X`: a `#/$defs/X` reference without an
 * `$id` resolves against the document root in OpenAPI 3.1, which independent validators reject.
 */
type Json = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: 'Invalid input: code, message and the JSON path of the problem',
  401: 'Not signed in, or the bearer token is unknown, expired or revoked',
  403: 'The role may not use this route, or a cross-site write',
  404: 'Not found',
  409: 'Conflict with the current state',
  413: 'Request body too large',
  415: 'Request body is not application/json',
  422: 'Valid input, but no result can be made',
  429: 'Too many attempts; see Retry-After',
  500: 'Internal error',
  503: 'A worker or store is not available',
};

/** Collects named schemas into `components/schemas` and rewrites references to point there. */
class Components {
  readonly schemas: Record<string, Json> = {};

  /** JSON Schema of one zod schema, its named parts moved into the components. */
  add(schema: z.ZodType, io: 'input' | 'output'): Json {
    const raw = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as Json;
    const defs = (raw.$defs ?? {}) as Record<string, Json>;
    delete raw.$defs;
    delete raw.$schema;
    const renamed = new Map<string, string>();
    for (const [id, def] of Object.entries(defs)) {
      // The same schema read as input (defaults optional) can differ from its output form: keep both.
      let name = id;
      const existing = this.schemas[name];
      if (existing !== undefined && JSON.stringify(existing) !== JSON.stringify(def))
        name = `${id}${io === 'input' ? 'Input' : 'Output'}`;
      renamed.set(id, name);
    }
    const rewrite = (node: unknown): unknown => {
      if (Array.isArray(node)) return node.map(rewrite);
      if (node === null || typeof node !== 'object') return node;
      const out: Json = {};
      for (const [k, v] of Object.entries(node)) {
        if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) {
          const id = v.slice('#/$defs/'.length);
          out[k] = `#/components/schemas/${renamed.get(id) ?? id}`;
        } else {
          out[k] = rewrite(v);
        }
      }
      return out;
    };
    for (const [id, def] of Object.entries(defs)) this.schemas[renamed.get(id)!] = rewrite(def) as Json;
    return rewrite(raw) as Json;
  }
}

/** Error statuses a route can answer: its own plus those of validation, access control and the write guard. */
export function errorStatuses(spec: AnyRouteSpec): number[] {
  const s = new Set(spec.errors ?? []);
  if (spec.params || spec.query || spec.body) s.add(400);
  if (spec.access !== 'public') s.add(401);
  // 403: a role the route does not list (some role is left out), or a cross-site write.
  if (spec.access !== 'public' && ROLES.some((r) => !(spec.access as readonly Role[]).includes(r))) s.add(403);
  if (isWrite(spec.method)) s.add(400).add(403).add(413).add(415);
  return [...s].sort((a, b) => a - b);
}

function parameters(spec: AnyRouteSpec, components: Components): Json[] {
  const out: Json[] = [];
  for (const m of spec.path.matchAll(/\{([^}]+)\}/g)) {
    const s = spec.params?.shape[m[1]!] as z.ZodType | undefined;
    out.push({
      name: m[1]!,
      in: 'path',
      required: true,
      ...(s?.description ? { description: s.description } : {}),
      schema: s ? components.add(s, 'input') : { type: 'string' },
    });
  }
  for (const [name, schema] of Object.entries(spec.query?.shape ?? {})) {
    const s = schema as z.ZodType;
    out.push({
      name,
      in: 'query',
      required: !s.safeParse(undefined).success,
      ...(s.description ? { description: s.description } : {}),
      schema: components.add(s, 'input'),
    });
  }
  return out;
}

function operation(spec: AnyRouteSpec, components: Components, errorRef: Json): Json {
  const responses: Json = {};
  for (const [status, r] of Object.entries(spec.responses)) {
    responses[status] = {
      description: r.description,
      content: Object.fromEntries(
        Object.entries(r.content).map(([type, schema]) => [
          type,
          schema ? { schema: components.add(schema, 'output') } : {},
        ]),
      ),
    };
  }
  for (const status of errorStatuses(spec))
    responses[status] = {
      description: ERROR_TEXT[status] ?? 'Error',
      content: { 'application/json': { schema: errorRef } },
    };
  return {
    summary: spec.summary,
    operationId: `${spec.method.toLowerCase()}${spec.path
      .replace(/\{([^}]+)\}/g, 'By-$1')
      .split(/[^A-Za-z0-9]+/)
      .map((w) => (w ? w[0]!.toUpperCase() + w.slice(1) : ''))
      .join('')}`,
    parameters: parameters(spec, components),
    ...(spec.body
      ? {
          requestBody: {
            required: true,
            content: { 'application/json': { schema: components.add(spec.body, 'input') } },
          },
        }
      : {}),
    responses,
    'x-roles': spec.access === 'public' ? 'public' : [...spec.access],
    security: spec.access === 'public' ? [] : [{ bearerToken: [] }, { sessionCookie: [] }],
  };
}

/** OpenAPI 3.1 document of the given routes. */
export function buildOpenApi(specs: readonly AnyRouteSpec[], version: string): Json {
  const components = new Components();
  const errorRef = components.add(ErrorBody, 'output');
  const paths: Record<string, Json> = {};
  for (const spec of specs)
    (paths[spec.path] ??= {})[spec.method.toLowerCase()] = operation(spec, components, errorRef);
  return {
    openapi: '3.1.0',
    info: {
      title: 'voorraad API',
      version,
      description: 'Woningvoorraad, verduurzaming en differentiatie — Kalsdonk en Westrand (NPR Roosendaal)',
    },
    paths,
    components: {
      schemas: components.schemas,
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'a token from `voorraad token --role <role>`' },
        sessionCookie: {
          type: 'apiKey',
          in: 'cookie',
          name: 'voorraad_sessie',
          description: 'set by POST /api/auth/sign-in (__Host-voorraad_sessie behind TLS)',
        },
      },
    },
  };
}
