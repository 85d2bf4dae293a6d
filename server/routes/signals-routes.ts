import type { Hono } from 'hono';
import { z } from 'zod';
import { safetyAggregates, type SafetyAggregates } from '../../engine/acquisition/safety-aggregates.ts';
import { BuurtCode } from '../../engine/dwelling.ts';
import { formatAddress } from '../../engine/dwelling-feature.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import { ApiError } from '../api-error.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import type { RouteDoc } from '../openapi.ts';

/**
 * Municipal signals. `/api/signals/buurten`: buurt aggregates after disclosure control (domain.md §6) for every
 * role — the map's safety layer. `/api/signals`: the RESTRICTED detail per address, for `gemeente` only
 * (access-policy.ts), and every read is written to the audit log.
 */
export interface SignalsRouteContext {
  data: LoadedDataset;
  /** RESTRICTED: only these routes and the acquisition routes read it. */
  signals: SignalSet;
  security: SecurityContext;
  /** Months of vacancy from which an address counts as long vacant. */
  vacancyMonthsThreshold: number;
}

const SignalSource = z.enum(['register', 'synthetic', 'none']).describe('where the signals come from; "synthetic" = invented, no real address');
const Window = z.object({ from: z.string(), to: z.string() }).nullable().describe('the 12 months the figures cover');
const Controlled = z.number().int().nullable().describe('count of addresses after disclosure control: null = fewer than 10 (suppressed), else rounded to 5');
const Rate = z.number().nullable().describe('share of dwellings (0–1) from the rounded count; null when the buurt has fewer than 50 dwellings or the count is suppressed');

export const SafetyFeatureCollection = z.object({
  type: z.literal('FeatureCollection'),
  synthetic: z.boolean(),
  signalSource: SignalSource,
  window: Window,
  disclosureControl: z.object({ minCount: z.number(), roundTo: z.number(), minDenominator: z.number() }),
  vacancyMonthsThreshold: z.number().int(),
  features: z.array(z.object({
    type: z.literal('Feature'),
    id: z.string(),
    properties: z.object({
      buurtcode: BuurtCode, buurtnaam: z.string(), dwellings: z.number().int(),
      nuisanceAddresses: Controlled, vacantAddresses: Controlled, roomLettingAddresses: Controlled,
      nuisanceRate: Rate, vacancyRate: Rate, roomLettingRate: Rate,
    }),
    geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
  })),
}).meta({ id: 'SafetyFeatureCollection' });

export const SignalsQuery = z.object({
  buurt: z.string().optional().describe('comma-separated CBS buurt codes; all buurten when absent'),
});

export const SignalDetailResponse = z.object({
  synthetic: z.boolean(),
  signalSource: SignalSource,
  count: z.number().int(),
  signals: z.array(z.object({
    vboId: z.string(), address: z.string(), postcode: z.string(), buurtcode: BuurtCode,
    periodStart: z.string(), periodEnd: z.string(),
    nuisanceReports: z.number().int().nullable(), vacancyMonths: z.number().int().nullable(), roomLettingPermit: z.boolean().nullable(),
    dataDate: z.string(),
  })),
}).meta({ id: 'SignalDetail' });

export const SIGNALS_ROUTE_DOCS: RouteDoc[] = [
  { method: 'get', path: '/api/signals/buurten', summary: 'Safety layer: addresses with nuisance, long vacancy and room-letting per CBS buurt, after disclosure control (counts < 10 suppressed, others rounded to 5, rates only with ≥ 50 dwellings). Every role.', response: SafetyFeatureCollection, errors: [401] },
  { method: 'get', path: '/api/signals', summary: 'RESTRICTED: signals per address and period (gemeente only; every read is audited)', query: SignalsQuery, response: SignalDetailResponse, errors: [400, 401, 403, 404] },
];

export function registerSignalsRoutes(app: Hono, ctx: SignalsRouteContext): void {
  const ds = ctx.data.dataset;
  const synthetic = ds.meta.synthetic || ctx.signals.synthetic;
  const byVbo = new Map(ds.dwellings.map((d) => [d.vboId, d]));
  let aggregates: SafetyAggregates | null = null;

  app.get('/api/signals/buurten', (c) => {
    if (!aggregates) {
      const r = safetyAggregates({
        buurten: ds.buurten.map((b) => ({ code: b.buurtcode, name: b.buurtnaam })),
        dwellingBuurt: new Map(ds.dwellings.map((d) => [d.vboId, d.buurtcode])),
        signals: ctx.signals.signals,
        vacancyMonthsThreshold: ctx.vacancyMonthsThreshold,
      });
      if (!r.ok) throw new ApiError(500, r.code, r.message);
      aggregates = r.value;
    }
    const a = aggregates;
    const geometry = new Map(ds.buurten.map((b) => [b.buurtcode, b.geometry]));
    return c.json({
      type: 'FeatureCollection' as const,
      synthetic,
      signalSource: ctx.signals.source,
      window: a.window,
      disclosureControl: a.rules,
      vacancyMonthsThreshold: a.vacancyMonthsThreshold,
      features: a.buurten.map((b) => ({ type: 'Feature' as const, id: b.buurtcode, properties: b, geometry: geometry.get(b.buurtcode)! })),
    }, 200, { 'Content-Type': 'application/geo+json; charset=UTF-8', 'Cache-Control': 'private, no-store' });
  });

  const known = new Set(ds.buurten.map((b) => b.buurtcode));
  app.get('/api/signals', (c) => {
    const p = principalOf(c)!;
    const q = SignalsQuery.safeParse(c.req.query());
    if (!q.success) throw new ApiError(400, 'query.invalid', q.error.issues[0]!.message, ['query']);
    const codes = q.data.buurt?.split(',').map((s) => s.trim()).filter(Boolean);
    codes?.forEach((code, i) => {
      if (!BuurtCode.safeParse(code).success) throw new ApiError(400, 'query.buurt.format', `buurt "${code}" is not a CBS buurt code such as BU16740202`, ['query', 'buurt', i]);
      if (!known.has(code)) throw new ApiError(404, 'buurt.unknown', `buurt ${code} is not in the dataset`, ['query', 'buurt', i]);
    });
    const want = codes ? new Set(codes) : null;
    const signals = ctx.signals.signals.flatMap((s) => {
      const d = byVbo.get(s.vboId);
      if (!d || (want && !want.has(d.buurtcode))) return [];
      return [{ vboId: s.vboId, address: formatAddress(d.address), postcode: d.address.postcode, buurtcode: d.buurtcode, periodStart: s.periodStart, periodEnd: s.periodEnd, nuisanceReports: s.nuisanceReports, vacancyMonths: s.vacancyMonths, roomLettingPermit: s.roomLettingPermit, dataDate: s.dataDate }];
    });
    ctx.security.audit.append({
      actor: p.name, role: p.role, via: p.via, action: 'signals.read', object: `signals${codes ? `?buurt=${codes.join(',')}` : ''}`,
      result: 'ok', origin: auditOrigin(c), detail: { rows: signals.length, source: ctx.signals.source },
    });
    return c.json({ synthetic, signalSource: ctx.signals.source, count: signals.length, signals }, 200, { 'Cache-Control': 'private, no-store' });
  });
}
