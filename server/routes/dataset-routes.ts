import type { Hono } from 'hono';
import { parseGroupBy } from '../../engine/dwelling-stats.ts';
import { ApiError } from '../api-error.ts';
import {
  BuurtFeatureCollection, DwellingFeatureCollection, DwellingsQuery, DwellingTableResponse, HealthResponse, StatsQuery, StatsResponse,
} from '../api-schemas.ts';
import type { AppContext } from '../app-context.ts';
import type { RouteDoc } from '../openapi.ts';

/** Most buurt codes one GET /api/dwellings may list (repeats included); the dataset holds far fewer buurten. */
export const MAX_BUURTEN_PER_REQUEST = 100;

export const DATASET_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/health', summary: 'Liveness and the loaded dataset', response: HealthResponse },
  { method: 'get', path: '/api/buurten', summary: 'CBS buurten with dwelling counts (GeoJSON)', response: BuurtFeatureCollection },
  { method: 'get', path: '/api/dwellings', summary: 'Dwellings as GeoJSON points, optionally per buurt', query: DwellingsQuery, response: DwellingFeatureCollection, errors: [400] },
  { method: 'get', path: '/api/dwellings/table', summary: 'Columnar dwelling table for the browser engine worker', response: DwellingTableResponse },
  { method: 'get', path: '/api/stats', summary: 'Dwelling statistics grouped by buurt, ownership, type, period, label, labelSource or wozBand', query: StatsQuery, response: StatsResponse, errors: [400] },
];

const healthStatus = (problem: string | null) => (problem === null ? { status: 'ok' as const } : { status: 'degraded' as const, problems: [problem] });

export function registerDatasetRoutes(app: Hono, ctx: AppContext): void {
  const { dataset: ds } = ctx.data;
  const synthetic = ds.meta.synthetic;

  app.get('/api/health', (c) => c.json({
    ...healthStatus(ctx.security.state.problem()),
    version: ctx.version,
    dataset: {
      name: ds.meta.name, synthetic, dataDate: ds.meta.dataDate, dwellings: ds.dwellings.length,
      buildings: ds.buildings.length, vves: ds.vves.length, attribution: ds.meta.attribution,
    },
  }));

  const buurtenBody = JSON.stringify({
    type: 'FeatureCollection',
    synthetic,
    features: ds.buurten.map((b) => ({
      type: 'Feature',
      id: b.buurtcode,
      properties: {
        buurtcode: b.buurtcode, buurtnaam: b.buurtnaam, wijkcode: b.wijkcode, programmeArea: b.programmeArea,
        dwellings: ctx.data.featuresByBuurt.get(b.buurtcode)?.length ?? 0,
      },
      geometry: b.geometry,
    })),
  });
  app.get('/api/buurten', (c) => c.body(buurtenBody, 200, { 'Content-Type': 'application/geo+json; charset=UTF-8' }));

  const known = new Set(ds.buurten.map((b) => b.buurtcode));
  app.get('/api/dwellings', (c) => {
    const q = DwellingsQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query', ...q.error.issues[0]!.path.map(String)]);
    const listed = q.data.buurt === undefined ? [...ctx.data.featuresByBuurt.keys()].sort() : q.data.buurt.split(',').map((s) => s.trim());
    // Bounded before any work: a code repeated 1,000 times built a ~1 GB answer on the event loop.
    if (q.data.buurt !== undefined && listed.length > MAX_BUURTEN_PER_REQUEST) throw new ApiError(400, 'query.buurt.too-many', `buurt lists ${listed.length} codes; at most ${MAX_BUURTEN_PER_REQUEST} per request (leave buurt out for all)`, ['query', 'buurt']);
    const codes = [...new Set(listed)];
    codes.forEach((code, i) => {
      if (!/^BU\d{8}$/.test(code)) throw new ApiError(400, 'query.buurt.format', `buurt "${code}" is not a CBS buurt code such as BU16740202`, ['query', 'buurt', i]);
      if (!known.has(code)) throw new ApiError(404, 'buurt.unknown', `buurt ${code} is not in the dataset`, ['query', 'buurt', i]);
    });
    const features = codes.flatMap((code) => ctx.data.featuresByBuurt.get(code) ?? []);
    return c.json({ type: 'FeatureCollection', synthetic, features }, 200, { 'Content-Type': 'application/geo+json; charset=UTF-8' });
  });

  app.get('/api/dwellings/table', (c) => c.body(ctx.data.tableJson, 200, { 'Content-Type': 'application/json; charset=UTF-8' }));

  app.get('/api/stats', async (c) => {
    const q = StatsQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query']);
    const fields = parseGroupBy(q.data.groupBy ?? 'buurt');
    if (!fields.ok) throw ApiError.fromIssue(400, fields.issues[0]!);
    const result = await ctx.engine.stats(fields.value);
    if (!result.ok) throw ApiError.fromIssue(400, result.issues[0]!);
    return c.json({ synthetic, ...result.value });
  });
}
