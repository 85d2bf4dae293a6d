import { z } from 'zod';
import { STOCK_STATUSES } from '../../engine/stock-status.ts';
import { dutchApiMessage } from './api-error-nl.ts';

/** `GET /api/health`: the dataset facts the banner and attribution show. */
export const Health = z.object({
  status: z.string(),
  dataset: z.object({
    name: z.string(),
    synthetic: z.boolean(),
    dataDate: z.string(),
    dwellings: z.number(),
    attribution: z.array(z.string()),
    /** Per buurt: stock from registers or synthetic (engine/stock-status.ts); absent from older servers. */
    buurten: z
      .array(z.object({ buurtcode: z.string(), buurtnaam: z.string(), status: z.enum(STOCK_STATUSES) }))
      .default([]),
  }),
});
export type Health = z.infer<typeof Health>;

const Position = z.array(z.number()).min(2);
const Geometry = z.discriminatedUnion('type', [
  z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(Position)) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(Position))) }),
]);
export type BuurtGeometry = z.infer<typeof Geometry>;

/** `GET /api/buurten`: CBS buurten with programme area and dwelling count. */
export const Buurten = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(
    z.object({
      type: z.literal('Feature'),
      geometry: Geometry,
      properties: z.object({
        buurtcode: z.string(),
        buurtnaam: z.string(),
        wijkcode: z.string().optional(),
        programmeArea: z.string().nullable(),
        dwellings: z.number().optional(),
      }),
    }),
  ),
});
export type Buurten = z.infer<typeof Buurten>;

/**
 * An API or network failure with the server's error code when it sent one. `message` is Dutch where the code has a
 * Dutch wording (api-error-nl.ts), else the server's text; `detail` keeps the server's own text.
 */
export class ApiError extends Error {
  readonly detail: string;
  constructor(
    readonly code: string,
    message: string,
    readonly path: string,
  ) {
    super(dutchApiMessage(code) ?? message);
    this.detail = message;
    this.name = 'ApiError';
  }
}

/** Fetches JSON from the product's own API (same origin) and checks its shape. */
export async function getJson<T>(path: string, schema: z.ZodType<T>): Promise<T> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  const body: unknown = await res.json().catch(() => null);
  if (!res.ok) {
    const err = z.object({ code: z.string(), message: z.string() }).safeParse(body);
    throw new ApiError(
      err.success ? err.data.code : `http.${res.status}`,
      err.success ? err.data.message : res.statusText,
      path,
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ApiError('api.shape', parsed.error.message, path);
  return parsed.data;
}

/** Fetches JSON without a shape check, for payloads a dedicated decoder validates. */
export async function getRawJson(path: string): Promise<unknown> {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new ApiError(`http.${res.status}`, res.statusText, path);
  return res.json() as Promise<unknown>;
}
