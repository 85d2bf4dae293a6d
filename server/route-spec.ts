import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from './api-error.ts';
import type { Access } from './auth/roles.ts';

/**
 * One declaration per endpoint: method, path, who may call it, body limit, the schemas of what goes in and
 * comes out, and the handler. The app registers every spec in one loop (registerRoutes); the OpenAPI document
 * (openapi.ts), the access policy (auth/access-policy.ts) and the body limits (auth/write-guard.ts) are derived
 * from the same list (route-table.ts), so they cannot disagree.
 */
export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** Media type → schema of the body; `null` for a file the schema language cannot describe (XLSX, PMTiles). */
export type ResponseContent = Readonly<Record<string, z.ZodType | null>>;

export interface ResponseSpec {
  description: string;
  content: ResponseContent;
}

/** What the validation step hands the handler: path parameters, query and body as the schemas parsed them. */
export interface RouteInput<P = unknown, Q = unknown, B = unknown> {
  params: P;
  query: Q;
  body: B;
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface RouteSpec<
  S = never,
  P extends z.ZodObject | undefined = z.ZodObject | undefined,
  Q extends z.ZodObject | undefined = z.ZodObject | undefined,
  B extends z.ZodType | undefined = z.ZodType | undefined,
> {
  method: HttpMethod;
  /** OpenAPI form: templated segments as `{name}` (registered with hono as `:name`). */
  path: string;
  /** `public` needs no sign-in; otherwise the roles that may call it (everyone else: 403). */
  access: Access;
  /** The route serves RESTRICTED data: refusals are written to the audit log too. */
  restricted?: boolean;
  /** Largest request body in bytes (writes only; DEFAULT_WRITE_BODY_LIMIT when absent). */
  bodyLimit?: number;
  summary: string;
  params?: P;
  query?: Q;
  /** JSON request body (application/json only: the write guard refuses other types with 415). */
  body?: B;
  /** Success answers by status. */
  responses: Readonly<Record<number, ResponseSpec>>;
  /**
   * Error statuses the handler itself answers, beyond those the framework adds (400 for invalid input, 401/403
   * from access control, 413/415 for writes).
   */
  errors?: readonly number[];
  handler: (c: Context, input: RouteInput<Out<P>, Out<Q>, Out<B>>, state: S) => Response | Promise<Response>;
}

/** A spec with its handler's input types erased, so specs of different shapes fit one list. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteSpec<S = any> = RouteSpec<S, any, any, any>;

/**
 * Routes that share per-app state (a cache, a loaded engine context): `setup` runs once per app and its result
 * is every handler's third argument.
 */
export interface RouteGroup<Ctx, S = unknown> {
  setup: (ctx: Ctx) => S;
  routes: readonly AnyRouteSpec<S>[];
}

/** Declares one route with its input types inferred from its schemas. */
export function route<
  S,
  P extends z.ZodObject | undefined = undefined,
  Q extends z.ZodObject | undefined = undefined,
  B extends z.ZodType | undefined = undefined,
>(spec: RouteSpec<S, P, Q, B>): AnyRouteSpec<S> {
  return spec as AnyRouteSpec<S>;
}

/** A group whose state type is its own business (lists of groups of different states). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyRouteGroup<Ctx> = RouteGroup<Ctx, any>;

export function routeGroup<Ctx, S>(setup: (ctx: Ctx) => S, routes: readonly AnyRouteSpec<S>[]): RouteGroup<Ctx, S> {
  return { setup, routes };
}

/** `json(Schema)`: one JSON success answer; `geoJson(Schema)` for GeoJSON (RFC 7946 media type). */
export const json = (schema: z.ZodType, description = 'OK'): ResponseSpec => ({
  description,
  content: { 'application/json': schema },
});
export const geoJson = (schema: z.ZodType, description = 'OK'): ResponseSpec => ({
  description,
  content: { 'application/geo+json': schema },
});

/** What an export answers per format (the files are described in the README's export section). */
const FILE_CONTENT = {
  csv: [
    'text/csv',
    z
      .string()
      .describe(
        'CSV for Dutch Excel: UTF-8 BOM, ";" separator, decimal comma, a header block naming the dataset and whether it is synthetic',
      ),
  ],
  xlsx: ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', null],
  geojson: [
    'application/geo+json',
    z
      .looseObject({ type: z.literal('FeatureCollection'), features: z.array(z.unknown()) })
      .describe('GeoJSON FeatureCollection with the export metadata'),
  ],
} as const;

/** A file download in one of these formats (`?format=`), sent as an attachment. */
export function fileResponse(formats: readonly (keyof typeof FILE_CONTENT)[]): ResponseSpec {
  return {
    description: 'The file (Content-Disposition: attachment), in the requested format',
    content: Object.fromEntries(formats.map((f) => FILE_CONTENT[f])),
  };
}

export const isWrite = (method: HttpMethod): boolean => method !== 'GET';

/** Hono's form of an OpenAPI path: `{id}` → `:id`. */
export const honoPath = (path: string): string => path.replace(/\{([^}/]+)\}/g, ':$1');

type Where = 'path' | 'query' | 'body';

function invalid(where: Where, error: z.ZodError): ApiError {
  const issue = error.issues[0]!;
  const path = [where, ...issue.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
  const more = error.issues.length > 1 ? ` (+${error.issues.length - 1} more)` : '';
  const code =
    issue.code === 'unrecognized_keys' && where !== 'path'
      ? (`${where}.unknown-key` as const)
      : (`${where}.invalid` as const);
  const keys = issue.code === 'unrecognized_keys' ? ` (${issue.keys.join(', ')})` : '';
  return new ApiError(code, `${path.join('.')}: ${issue.message}${keys}${more}`, path);
}

function parsePart<T extends z.ZodType>(where: Where, schema: T, value: unknown): z.output<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw invalid(where, r.error);
  return r.data;
}

/**
 * The one validation step of every route: path parameters, query and JSON body against the spec's schemas;
 * the first problem becomes 400 `{code: path|query|body.invalid (or .unknown-key, body.json), message, path}`.
 */
export async function validateInput(c: Context, spec: AnyRouteSpec): Promise<RouteInput> {
  const params = spec.params ? parsePart('path', spec.params, c.req.param()) : undefined;
  const query = spec.query ? parsePart('query', spec.query, c.req.query()) : undefined;
  let body: unknown;
  if (spec.body) {
    let raw: unknown;
    try {
      raw = await c.req.json();
    } catch {
      throw new ApiError('body.json', 'the request body is not valid JSON', ['body']);
    }
    body = parsePart('body', spec.body, raw);
  }
  return { params, query, body };
}

/** Registers every route of every group: the app's one registration loop. */
export function registerRoutes<Ctx>(app: Hono, groups: readonly AnyRouteGroup<Ctx>[], ctx: Ctx): void {
  for (const group of groups) {
    const state = group.setup(ctx);
    for (const spec of group.routes) {
      app.on(spec.method, honoPath(spec.path), async (c) => spec.handler(c, await validateInput(c, spec), state));
    }
  }
}
