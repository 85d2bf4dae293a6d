import type { Hono } from 'hono';
import { z } from 'zod';
import { vveInput } from '../../engine/vve/vve-assess.ts';
import { DEFAULT_VVE_CONFIG, type VveConfig } from '../../engine/vve/vve-config.ts';
import { VveAssessmentSchema, VveDatasetSchema, VveRankingSchema, VveRejectedSchema, type VveRankingBody } from '../../engine/vve/vve-schemas.ts';
import { VVE_EXPORT_FORMATS, exportVve, type VveExportFormat } from '../../geodata/exports/vve-export.ts';
import type { EngineApi } from '../../workers/engine-api.ts';
import { ApiError } from '../api-error.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import type { RouteDoc } from '../openapi.ts';

/**
 * The VvE pilot ranking (engine/vve): the list, one VvE, and the export (CSV for Dutch Excel, XLSX; audited).
 * Ranked in the engine worker (EngineApi.vveLoad/vveRanking), never on this event loop: the server hands the
 * worker the input when it starts (server/start-server.ts), so the first request finds the ranking ready. When
 * the worker has none (an in-process engine in tests, or a worker that lost it) the route loads it first.
 */
export interface VveRouteContext {
  data: LoadedDataset;
  security: SecurityContext;
  engine: Pick<EngineApi, 'vveLoad' | 'vveRanking'>;
  /** Defaults to config/vve.default.json as shipped. */
  vveConfig?: VveConfig;
}

export const VveExportQuery = z.object({
  format: z.enum(VVE_EXPORT_FORMATS).describe('csv (Dutch Excel: BOM, ";", decimal comma) or xlsx'),
});

export const VveDetailSchema = z.object({
  dataset: VveDatasetSchema,
  asOf: z.string(),
  vve: VveAssessmentSchema.nullable().describe('the assessment; null when the VvE could not be ranked'),
  rejected: VveRejectedSchema.nullable().describe('the data problems when the VvE could not be ranked'),
  assumptions: z.array(z.string()),
}).meta({ id: 'VveDetail' });

export const VVE_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/vve', summary: 'VvE pilot ranking: per VvE rights, vote shares, activity, labels, maintenance, retrofit package with Warmtefonds loan, probability of a qualified majority, score, reasons; the pilot shortlist; VvE\'s with data problems listed with coded issues', response: VveRankingSchema, errors: [401, 403, 503] },
  { method: 'get', path: '/api/vve/export', summary: 'The VvE ranking as a file (csv for Dutch Excel, xlsx) stating who exported it, when, from which dataset and whether it is synthetic. Audited.', query: VveExportQuery, response: z.string().describe('the file'), responseType: 'text/csv', errors: [400, 401, 403, 503] },
  { method: 'get', path: '/api/vve/{vveId}', summary: 'One VvE of the ranking with every figure and assumption (or its data problems)', response: VveDetailSchema, errors: [401, 403, 404, 503] },
];

export function registerVveRoutes(app: Hono, ctx: VveRouteContext): void {
  const ds = ctx.data.dataset;
  const config = ctx.vveConfig ?? DEFAULT_VVE_CONFIG;
  // One load at a time: requests arriving while it runs wait for the same one; a failed load may be retried.
  let loading: Promise<void> | null = null;
  const ensureLoaded = (): Promise<void> => (loading ??= (async () => {
    const r = await ctx.engine.vveLoad(vveInput(ds), config);
    if (!r.ok) {
      loading = null;
      // The configuration was validated when read (server start); a failure here is the engine's, not the caller's.
      throw ApiError.fromIssue(503, r.issues[0]!);
    }
  })());
  // Dataset and configuration are fixed for the app's lifetime: the first answer is kept, so later requests
  // neither wait on the worker nor copy the ranking across threads again.
  let kept: VveRankingBody | null = null;
  const ranking = async (): Promise<VveRankingBody> => (kept ??= await fromEngine());
  const fromEngine = async (): Promise<VveRankingBody> => {
    let r = await ctx.engine.vveRanking();
    if (!r.ok && r.issues[0]!.code === 'vve.not-loaded') {
      await ensureLoaded();
      r = await ctx.engine.vveRanking();
    }
    if (!r.ok) throw ApiError.fromIssue(503, r.issues[0]!);
    return r.value;
  };

  app.get('/api/vve', async (c) => c.json(await ranking()));

  // Registered before /api/vve/:vveId so "export" is never taken for a VvE id.
  app.get('/api/vve/export', async (c) => {
    const p = principalOf(c)!;
    const q = VveExportQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.format', `format: expected one of ${VVE_EXPORT_FORMATS.join(', ')}, found "${c.req.query('format') ?? ''}"`, ['query', 'format']);
    const format: VveExportFormat = q.data.format;
    const body = await ranking();
    const file = await exportVve(body, format, { exportedBy: { name: p.name, role: p.role, via: p.via }, exportedAt: new Date().toISOString() });
    ctx.security.audit.append({
      actor: p.name, role: p.role, via: p.via, action: 'export', object: `vve:${format}`, result: 'ok', origin: auditOrigin(c),
      detail: { rows: file.rows, format, dataset: ds.meta.name, synthetic: ds.meta.synthetic },
    });
    return c.body(new Uint8Array(file.body), 200, {
      'Content-Type': file.contentType,
      'Content-Disposition': `attachment; filename="${file.fileName}"`,
      'Cache-Control': 'private, no-store',
    });
  });

  app.get('/api/vve/:vveId', async (c) => {
    const id = c.req.param('vveId');
    const body = await ranking();
    const vve = body.vves.find((v) => v.vveId === id) ?? null;
    const rejected = body.rejected.find((v) => v.vveId === id) ?? null;
    if (!vve && !rejected) throw new ApiError(404, 'vve.unknown', `VvE ${id.slice(0, 60)} is not in the dataset`, ['vveId']);
    return c.json({ dataset: body.dataset, asOf: body.asOf, vve, rejected, assumptions: body.assumptions });
  });
}
