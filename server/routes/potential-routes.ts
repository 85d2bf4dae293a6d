import { z } from 'zod';
import { safetyAggregates } from '../../engine/acquisition/safety-aggregates.ts';
import { computeIndicators, type BlockIndicators } from '../../engine/potential/indicators.ts';
import { INTERVENTIONS, type Intervention } from '../../engine/potential/interventions.ts';
import { PotentialResponse } from '../../engine/potential/potential-schema.ts';
import { potentialMap, type PotentialMap } from '../../engine/potential/potential-map.ts';
import {
  DEFAULT_POTENTIAL_WEIGHTS,
  parsePotentialWeights,
  type PotentialWeights,
} from '../../engine/potential/potential-weights.ts';
import {
  exportPotential,
  POTENTIAL_EXPORT_FORMATS,
  POTENTIAL_PURPOSES,
  type PotentialPurpose,
} from '../../geodata/exports/potential-export.ts';
import { ApiError } from '../api-error.ts';
import type { AppContext } from '../app-context.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { ACQUISITION_ROLES, ALL_ROLES } from '../auth/roles.ts';
import { BuurtList, checkKnownBuurten } from '../query-params.ts';
import { fileResponse, geoJson, route, routeGroup } from '../route-spec.ts';
import { todayInNl } from '../today.ts';
import { datasetBlocks } from './block-routes.ts';

export { PotentialResponse };

const InterventionParam = z.enum(INTERVENTIONS).describe(`one of ${INTERVENTIONS.join(', ')}`);
export const PotentialQuery = z.object({
  intervention: InterventionParam,
  buurt: BuurtList.optional().describe('comma-separated CBS buurt codes; all blocks when absent'),
});
export const PotentialBody = z.strictObject({
  intervention: InterventionParam,
  buurt: z
    .array(z.string().regex(/^BU\d{8}$/))
    .max(100)
    .optional(),
  weights: z.unknown().describe('a weights file in the form of config/potential-weights.default.json'),
});
export const PotentialExportQuery = z.object({
  format: z.enum(POTENTIAL_EXPORT_FORMATS).describe('csv (Dutch Excel: BOM, ";", decimal comma), xlsx or geojson'),
  intervention: InterventionParam,
  purpose: z
    .enum(Object.keys(POTENTIAL_PURPOSES) as [PotentialPurpose, ...PotentialPurpose[]])
    .optional()
    .describe(`purpose of the export: ${Object.keys(POTENTIAL_PURPOSES).join(', ')} (default gebiedsvisie)`),
});

const GEOJSON_HEADERS = { 'Content-Type': 'application/geo+json; charset=UTF-8' };
/** GET answers kept per intervention and year (five interventions, a year boundary at most). */
const MAX_CACHED_BODIES = 10;

function potentialState(ctx: AppContext) {
  const ds = ctx.data.dataset;
  const { blocks } = datasetBlocks(ds);
  const today = ctx.today ?? (() => todayInNl());
  // Safety enters only as the buurt figure after disclosure control, the same every role sees on the safety layer.
  const aggregates = safetyAggregates({
    buurten: ds.buurten.map((b) => ({ code: b.buurtcode, name: b.buurtnaam })),
    dwellingBuurt: new Map(ds.dwellings.map((d) => [d.vboId, d.buurtcode])),
    signals: ctx.signals.signals,
    vacancyMonthsThreshold: ctx.acquisition.vacancyMonthsThreshold,
  });
  if (!aggregates.ok) throw new Error(`safety aggregates: ${aggregates.code}: ${aggregates.message}`);
  const safety = new Map(aggregates.value.buurten.map((b) => [b.buurtcode, b]));
  const safetySource = ctx.signals.signals.length ? ctx.signals.source : 'none';
  const indicatorsByKey = new Map<string, BlockIndicators[]>();
  const indicatorsFor = (year: number, weights: PotentialWeights): BlockIndicators[] => {
    const key = `${year}|${JSON.stringify(weights.parameters)}`;
    let hit = indicatorsByKey.get(key);
    if (!hit) {
      hit = computeIndicators({
        blocks,
        dwellings: ds.dwellings,
        vves: ds.vves,
        ...(ds.portfolio ? { portfolio: ds.portfolio } : {}),
        buurten: ds.buurten,
        safety,
        safetySource,
        referenceYear: year,
        parameters: weights.parameters,
      });
      if (indicatorsByKey.size >= 4) indicatorsByKey.delete(indicatorsByKey.keys().next().value!);
      indicatorsByKey.set(key, hit);
    }
    return hit;
  };
  const known = new Set(ds.buurten.map((b) => b.buurtcode));
  const mapFor = (intervention: Intervention, weights: PotentialWeights, buurt?: readonly string[]) => {
    const year = Number(today().slice(0, 4));
    const all = indicatorsFor(year, weights);
    const wanted = buurt ? new Set(buurt) : null;
    const keep = blocks.map((b) => !wanted || b.buurtcodes.some((c) => wanted.has(c)));
    const map = potentialMap(
      blocks.filter((_, i) => keep[i]),
      all.filter((_, i) => keep[i]),
      weights,
      intervention,
    );
    return { map, year };
  };
  const body = ({ map, year }: { map: PotentialMap; year: number }) =>
    JSON.stringify({
      type: 'FeatureCollection',
      synthetic: ds.meta.synthetic,
      intervention: map.intervention,
      weightsVersion: map.weightsVersion,
      referenceYear: year,
      range: map.range,
      indicators: map.indicators,
      features: map.blocks.map(({ block, geometry }) => ({
        type: 'Feature',
        id: block.blockId,
        properties: block,
        geometry,
      })),
    });
  const bodies = new Map<string, string>();
  return { ctx, ds, known, mapFor, body, bodies, safetySource };
}

/**
 * The potentiekaart (engine/potential): potential per block for one intervention, with its breakdown, indicators
 * and reasons. Block aggregates of register facts and the controlled buurt safety figure: every signed-in role
 * reads it; the export follows the acquisition export (gemeente and alwel, purpose stated, audited).
 */
export const POTENTIAL_ROUTES = routeGroup(potentialState, [
  route({
    method: 'GET',
    path: '/api/potential',
    access: ALL_ROLES,
    summary: 'Potentiekaart: potential per block for one intervention with the shipped weights (GeoJSON)',
    query: PotentialQuery,
    responses: { 200: geoJson(PotentialResponse) },
    errors: [404],
    handler: (c, { query }, s) => {
      if (query.buurt) checkKnownBuurten(query.buurt, s.known);
      const key = `${query.intervention}|${query.buurt?.join(',') ?? ''}|${(s.ctx.today ?? todayInNl)().slice(0, 4)}`;
      let text = s.bodies.get(key);
      if (text === undefined) {
        text = s.body(s.mapFor(query.intervention, DEFAULT_POTENTIAL_WEIGHTS, query.buurt));
        if (s.bodies.size >= MAX_CACHED_BODIES) s.bodies.delete(s.bodies.keys().next().value!);
        s.bodies.set(key, text);
      }
      return c.body(text, 200, GEOJSON_HEADERS);
    },
  }),
  route({
    method: 'POST',
    path: '/api/potential',
    access: ALL_ROLES,
    bodyLimit: 32 * 1024,
    summary: 'Potentiekaart with weights of your own (a weights file in the body); refused weights name their path',
    body: PotentialBody,
    responses: { 200: geoJson(PotentialResponse) },
    errors: [404],
    handler: (c, { body }, s) => {
      if (body.buurt) checkKnownBuurten(body.buurt, s.known);
      const r = parsePotentialWeights(body.weights);
      if (!r.ok)
        throw ApiError.fromIssue({ ...r.issues[0]!, path: ['body', 'weights', ...(r.issues[0]!.path ?? [])] }, 400);
      return c.body(s.body(s.mapFor(body.intervention, r.value, body.buurt)), 200, GEOJSON_HEADERS);
    },
  }),
  route({
    method: 'GET',
    path: '/api/potential/export',
    access: ACQUISITION_ROLES,
    query: PotentialExportQuery,
    summary:
      'The potentiekaart as a file (csv for Dutch Excel, xlsx, geojson with block polygons) stating who exported it, when, from which dataset and for which purpose. Audited.',
    responses: { 200: fileResponse(POTENTIAL_EXPORT_FORMATS) },
    handler: async (c, { query }, s) => {
      const p = principalOf(c)!;
      const purpose = query.purpose ?? 'gebiedsvisie';
      const { map, year } = s.mapFor(query.intervention, DEFAULT_POTENTIAL_WEIGHTS);
      const file = await exportPotential(map, query.format, {
        exportedBy: { name: p.name, role: p.role, via: p.via },
        exportedAt: new Date().toISOString(),
        dataset: {
          name: s.ds.meta.name,
          dataDate: s.ds.meta.dataDate,
          synthetic: s.ds.meta.synthetic || (s.safetySource !== 'none' && s.ctx.signals.synthetic),
        },
        purpose,
        signalSource: s.safetySource,
        referenceYear: year,
      });
      await s.ctx.security.audit.record({
        actor: p.name,
        role: p.role,
        via: p.via,
        action: 'export',
        object: `potential:${query.intervention}:${query.format}`,
        result: 'ok',
        origin: auditOrigin(c),
        detail: { rows: file.rows, purpose, format: query.format, dataset: s.ds.meta.name },
      });
      return c.body(new Uint8Array(file.body), 200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'private, no-store',
      });
    },
  }),
]);
