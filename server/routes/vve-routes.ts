import { z } from 'zod';
import { vveInput } from '../../engine/vve/vve-assess.ts';
import { DEFAULT_VVE_CONFIG, type VveConfig } from '../../engine/vve/vve-config.ts';
import {
  VveAssessmentSchema,
  VveDatasetSchema,
  VveRankingSchema,
  VveRejectedSchema,
  type VveRankingBody,
} from '../../engine/vve/vve-schemas.ts';
import { VVE_EXPORT_FORMATS, exportVve, type VveExportFormat } from '../../geodata/exports/vve-export.ts';
import type { EngineApi } from '../../workers/engine-api.ts';
import { ApiError } from '../api-error.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { ALL_ROLES, VVE_EXPORT_ROLES } from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import { fileResponse, json, route, routeGroup } from '../route-spec.ts';
import { todayInNl } from '../today.ts';

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

export const VveDetailSchema = z
  .object({
    dataset: VveDatasetSchema,
    asOf: z.string(),
    vve: VveAssessmentSchema.nullable().describe('the assessment; null when the VvE could not be ranked'),
    rejected: VveRejectedSchema.nullable().describe('the data problems when the VvE could not be ranked'),
    assumptions: z.array(z.string()),
  })
  .meta({ id: 'VveDetail' });

function vveState(ctx: VveRouteContext) {
  const ds = ctx.data.dataset;
  const config = ctx.vveConfig ?? DEFAULT_VVE_CONFIG;
  // One load at a time: requests arriving while it runs wait for the same one; a failed load may be retried.
  let loading: Promise<void> | null = null;
  const ensureLoaded = (): Promise<void> =>
    (loading ??= (async () => {
      const r = await ctx.engine.vveLoad(vveInput(ds), config, todayInNl());
      if (!r.ok) {
        loading = null;
        // The configuration was validated when read (server start); a failure here is the engine's, not the caller's.
        throw ApiError.fromIssue(r.issues[0]!, 503);
      }
    })());
  // Dataset and configuration are fixed for the app's lifetime: the first answer is kept, so later requests
  // neither wait on the worker nor copy the ranking across threads again.
  let kept: VveRankingBody | null = null;
  const fromEngine = async (): Promise<VveRankingBody> => {
    let r = await ctx.engine.vveRanking();
    if (!r.ok && r.issues[0]!.code === 'vve.not-loaded') {
      await ensureLoaded();
      r = await ctx.engine.vveRanking();
    }
    if (!r.ok) throw ApiError.fromIssue(r.issues[0]!, 503);
    return r.value;
  };
  return { ctx, ds, ranking: async (): Promise<VveRankingBody> => (kept ??= await fromEngine()) };
}

/**
 * VvE pilot ranking: built from public and register data only (BAG, EP-Online, the VvE register, ownership
 * *category*), no signals — every signed-in role reads it. The export is a bulk file that leaves the product
 * (audited): the roles that run or partner in the pilot (gemeente, VHF, Alwel), not the meelezer.
 */
export const VVE_ROUTES = routeGroup(vveState, [
  route({
    method: 'GET',
    path: '/api/vve',
    access: ALL_ROLES,
    errors: [503],
    summary:
      "VvE pilot ranking: per VvE rights, vote shares, activity, labels, maintenance, retrofit package with Warmtefonds loan, probability of a qualified majority, score, reasons; the pilot shortlist; VvE's with data problems listed with coded issues",
    responses: { 200: json(VveRankingSchema) },
    handler: async (c, _in, s) => c.json(await s.ranking()),
  }),
  // Declared before /api/vve/{vveId} so "export" is never taken for a VvE id.
  route({
    method: 'GET',
    path: '/api/vve/export',
    access: VVE_EXPORT_ROLES,
    query: VveExportQuery,
    errors: [503],
    summary:
      'The VvE ranking as a file (csv for Dutch Excel, xlsx) stating who exported it, when, from which dataset and whether it is synthetic. Audited.',
    responses: { 200: fileResponse(VVE_EXPORT_FORMATS) },
    handler: async (c, { query }, s) => {
      const p = principalOf(c)!;
      const format: VveExportFormat = query.format;
      const body = await s.ranking();
      const file = await exportVve(body, format, {
        exportedBy: { name: p.name, role: p.role, via: p.via },
        exportedAt: new Date().toISOString(),
      });
      s.ctx.security.audit.append({
        actor: p.name,
        role: p.role,
        via: p.via,
        action: 'export',
        object: `vve:${format}`,
        result: 'ok',
        origin: auditOrigin(c),
        detail: { rows: file.rows, format, dataset: s.ds.meta.name, synthetic: s.ds.meta.synthetic },
      });
      return c.body(new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  }),
  route({
    method: 'GET',
    path: '/api/vve/{vveId}',
    access: ALL_ROLES,
    params: z.object({ vveId: z.string().max(120) }),
    errors: [404, 503],
    summary: 'One VvE of the ranking with every figure and assumption (or its data problems)',
    responses: { 200: json(VveDetailSchema) },
    handler: async (c, { params }, s) => {
      const id = params.vveId;
      const body = await s.ranking();
      const vve = body.vves.find((v) => v.vveId === id) ?? null;
      const rejected = body.rejected.find((v) => v.vveId === id) ?? null;
      if (!vve && !rejected)
        throw new ApiError('vve.unknown', `VvE ${id.slice(0, 60)} is not in the dataset`, ['path', 'vveId']);
      return c.json({ dataset: body.dataset, asOf: body.asOf, vve, rejected, assumptions: body.assumptions });
    },
  }),
]);
