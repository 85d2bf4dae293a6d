import { parseGroupBy } from '../../engine/dwelling-stats.ts';
import { datasetStockStatus } from '../../engine/stock-status.ts';
import { ApiError } from '../api-error.ts';
import {
  BuurtFeatureCollection,
  DwellingFeatureCollection,
  DwellingsQuery,
  DwellingTableResponse,
  HealthResponse,
  StatsQuery,
  StatsResponse,
} from '../api-schemas.ts';
import type { AppContext } from '../app-context.ts';
import { utf8 } from '../loaded-dataset.ts';
import { checkKnownBuurten } from '../query-params.ts';
import { acceptsGzip, createResponseCache } from '../response-cache.ts';
import { ALL_ROLES } from '../auth/roles.ts';
import { geoJson, json, route, routeGroup } from '../route-spec.ts';

const healthStatus = (problem: string | null) =>
  problem === null ? { status: 'ok' as const } : { status: 'degraded' as const, problems: [problem] };

const GEOJSON_HEADERS = { 'Content-Type': 'application/geo+json; charset=UTF-8' };

/**
 * Statistics are a pure function of the loaded dataset and the grouping, so each grouping's answer is serialised
 * once: asking the engine thread again for every request cost a message round trip, a structured clone and a
 * JSON.stringify on the event loop. Groupings are a handful of field lists; the bounds keep any mix small.
 */
export const STATS_CACHE = { maxEntries: 64, maxBytes: 8 * 1024 * 1024 } as const;

/** Health, buurten, dwellings, the columnar table and statistics: public register data, every signed-in role. */
export const DATASET_ROUTES = routeGroup(
  (ctx: AppContext) => {
    const { dataset: ds } = ctx.data;
    const synthetic = ds.meta.synthetic;
    const health = {
      status: 'ok' as const,
      version: ctx.version,
      dataset: {
        name: ds.meta.name,
        synthetic,
        dataDate: ds.meta.dataDate,
        dwellings: ds.dwellings.length,
        buildings: ds.buildings.length,
        vves: ds.vves.length,
        attribution: ds.meta.attribution,
        buurten: datasetStockStatus(ds).map(({ buurtcode, buurtnaam, status }) => ({ buurtcode, buurtnaam, status })),
      },
    };
    const buurtenBody = JSON.stringify({
      type: 'FeatureCollection',
      synthetic,
      features: ds.buurten.map((b) => ({
        type: 'Feature',
        id: b.buurtcode,
        properties: {
          buurtcode: b.buurtcode,
          buurtnaam: b.buurtnaam,
          wijkcode: b.wijkcode,
          programmeArea: b.programmeArea,
          dwellings: ctx.data.dwellingBodies.counts.get(b.buurtcode) ?? 0,
        },
        geometry: b.geometry,
      })),
    });
    // Encoded once: a string body is encoded again for every request.
    return {
      ctx,
      synthetic,
      health,
      buurtenBody: utf8(buurtenBody),
      statsCache: createResponseCache(STATS_CACHE),
      known: new Set(ds.buurten.map((b) => b.buurtcode)),
    };
  },
  [
    // Liveness and dataset facts only (name, date, counts, attribution): nothing about dwellings or people.
    route({
      method: 'GET',
      path: '/api/health',
      access: 'public',
      summary: 'Liveness and the loaded dataset',
      responses: { 200: json(HealthResponse) },
      // "degraded" while the state store cannot write (server/auth/state-health.ts).
      handler: (c, _in, s) => c.json({ ...s.health, ...healthStatus(s.ctx.security.state.problem()) }),
    }),
    route({
      method: 'GET',
      path: '/api/buurten',
      access: ALL_ROLES,
      summary: 'CBS buurten with dwelling counts (GeoJSON)',
      responses: { 200: geoJson(BuurtFeatureCollection) },
      handler: (c, _in, s) => c.body(s.buurtenBody, 200, GEOJSON_HEADERS),
    }),
    route({
      method: 'GET',
      path: '/api/dwellings',
      access: ALL_ROLES,
      summary: 'Dwellings as GeoJSON points, optionally per buurt',
      query: DwellingsQuery,
      responses: { 200: geoJson(DwellingFeatureCollection) },
      errors: [404],
      handler: async (c, { query }, s) => {
        const bodies = s.ctx.data.dwellingBodies;
        const codes = query.buurt ?? [...bodies.counts.keys()].sort();
        checkKnownBuurten(codes, s.known);
        const body = await bodies.body(codes);
        // Vary on both branches: the same URL answers in two encodings.
        const headers = { ...GEOJSON_HEADERS, Vary: 'Accept-Encoding' };
        if (acceptsGzip(c.req.header('accept-encoding')))
          return c.body(await body.gzip(), 200, { ...headers, 'Content-Encoding': 'gzip' });
        return c.body(body.identity, 200, headers);
      },
    }),
    route({
      method: 'GET',
      path: '/api/dwellings/table',
      access: ALL_ROLES,
      summary: 'Columnar dwelling table for the browser engine worker',
      responses: { 200: json(DwellingTableResponse) },
      handler: (c, _in, s) => c.body(s.ctx.data.tableBody, 200, { 'Content-Type': 'application/json; charset=UTF-8' }),
    }),
    route({
      method: 'GET',
      path: '/api/stats',
      access: ALL_ROLES,
      summary: 'Dwelling statistics grouped by buurt, ownership, type, period, label, labelSource or wozBand',
      query: StatsQuery,
      responses: { 200: json(StatsResponse) },
      handler: async (c, { query }, s) => {
        const fields = parseGroupBy(query.groupBy ?? 'buurt');
        if (!fields.ok) throw ApiError.fromIssue(fields.issues[0]!, 400);
        const body = await s.statsCache.get(fields.value.join(','), async () => {
          const result = await s.ctx.engine.stats(fields.value);
          // Not cached: the cache keeps only bodies that compute returns.
          if (!result.ok) throw ApiError.fromIssue(result.issues[0]!, 400);
          return JSON.stringify({ synthetic: s.synthetic, ...result.value });
        });
        return c.body(body.identity, 200, { 'Content-Type': 'application/json' });
      },
    }),
  ],
);
