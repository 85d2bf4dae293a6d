import { z } from 'zod';
import { safetyAggregates, type SafetyAggregates } from '../../engine/acquisition/safety-aggregates.ts';
import { BuurtCode } from '../../engine/dwelling.ts';
import { formatAddress } from '../../engine/dwelling-feature.ts';
import type { SignalSet } from '../../geodata/synthetic-signals/signal-set.ts';
import { principalOf } from '../auth/principal.ts';
import { auditOrigin } from '../auth/request-origin.ts';
import { ALL_ROLES, SIGNAL_DETAIL_ROLES } from '../auth/roles.ts';
import type { SecurityContext } from '../auth/security-context.ts';
import type { LoadedDataset } from '../loaded-dataset.ts';
import { BuurtList, checkKnownBuurten } from '../query-params.ts';
import { createResponseCache } from '../response-cache.ts';
import { geoJson, json, route, routeGroup } from '../route-spec.ts';

/**
 * Municipal signals. `/api/signals/buurten`: buurt aggregates after disclosure control (docs/domain.md §6) for every
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

const SignalSource = z
  .enum(['register', 'synthetic', 'none'])
  .describe('where the signals come from; "synthetic" = invented, no real address');
const Window = z.object({ from: z.string(), to: z.string() }).nullable().describe('the 12 months the figures cover');
const Controlled = z
  .number()
  .int()
  .nullable()
  .describe('count of addresses after disclosure control: null = fewer than 10 (suppressed), else rounded to 5');
const Rate = z
  .number()
  .nullable()
  .describe(
    'share of dwellings (0–1) from the rounded count; null when the buurt has fewer than 50 dwellings or the count is suppressed',
  );

export const SafetyFeatureCollection = z
  .object({
    type: z.literal('FeatureCollection'),
    synthetic: z.boolean(),
    signalSource: SignalSource,
    window: Window,
    disclosureControl: z.object({ minCount: z.number(), roundTo: z.number(), minDenominator: z.number() }),
    vacancyMonthsThreshold: z.number().int(),
    features: z.array(
      z.object({
        type: z.literal('Feature'),
        id: z.string(),
        properties: z.object({
          buurtcode: BuurtCode,
          buurtnaam: z.string(),
          dwellings: z.number().int(),
          nuisanceAddresses: Controlled,
          vacantAddresses: Controlled,
          roomLettingAddresses: Controlled,
          nuisanceRate: Rate,
          vacancyRate: Rate,
          roomLettingRate: Rate,
        }),
        geometry: z.object({ type: z.string(), coordinates: z.array(z.unknown()) }),
      }),
    ),
  })
  .meta({ id: 'SafetyFeatureCollection' });

export const SignalsQuery = z.object({
  buurt: BuurtList.optional().describe('comma-separated CBS buurt codes; all buurten when absent'),
});

export const SignalDetailResponse = z
  .object({
    synthetic: z.boolean(),
    signalSource: SignalSource,
    count: z.number().int(),
    signals: z.array(
      z.object({
        vboId: z.string(),
        address: z.string(),
        postcode: z.string(),
        buurtcode: BuurtCode,
        periodStart: z.string(),
        periodEnd: z.string(),
        nuisanceReports: z.number().int().nullable(),
        vacancyMonths: z.number().int().nullable(),
        roomLettingPermit: z.boolean().nullable(),
        dataDate: z.string(),
      }),
    ),
  })
  .meta({ id: 'SignalDetail' });

/**
 * Signal detail answers, serialised once per set of buurten: the signals are fixed while the server runs, and
 * filtering, formatting and serialising every signal per request was the costliest route of the soak's mix on the
 * event loop. Every read is still audited, and the bounds keep any mix of buurt lists small.
 */
export const SIGNAL_DETAIL_CACHE = { maxEntries: 32, maxBytes: 16 * 1024 * 1024 } as const;

export const SIGNALS_ROUTES = routeGroup(
  (app: Omit<SignalsRouteContext, 'vacancyMonthsThreshold'> & { acquisition: { vacancyMonthsThreshold: number } }) => {
    const ctx: SignalsRouteContext = { ...app, vacancyMonthsThreshold: app.acquisition.vacancyMonthsThreshold };
    const ds = ctx.data.dataset;
    let aggregates: SafetyAggregates | null = null;
    const byVbo = new Map(ds.dwellings.map((d) => [d.vboId, d]));
    // Signals per buurt of the dwelling they concern (signals for unknown dwellings are never shown).
    const perBuurt = new Map<string, number>();
    for (const sig of ctx.signals.signals) {
      const code = byVbo.get(sig.vboId)?.buurtcode;
      if (code !== undefined) perBuurt.set(code, (perBuurt.get(code) ?? 0) + 1);
    }
    return {
      ctx,
      synthetic: ds.meta.synthetic || ctx.signals.synthetic,
      byVbo,
      /** How many signal rows an answer for these buurten (all when null) holds. */
      rowCount: (codes: ReadonlySet<string> | null): number =>
        [...(codes ?? perBuurt.keys())].reduce((n, code) => n + (perBuurt.get(code) ?? 0), 0),
      detailBodies: createResponseCache(SIGNAL_DETAIL_CACHE),
      known: new Set(ds.buurten.map((b) => b.buurtcode)),
      aggregates: (): SafetyAggregates => {
        if (!aggregates) {
          const r = safetyAggregates({
            buurten: ds.buurten.map((b) => ({ code: b.buurtcode, name: b.buurtnaam })),
            dwellingBuurt: new Map(ds.dwellings.map((d) => [d.vboId, d.buurtcode])),
            signals: ctx.signals.signals,
            vacancyMonthsThreshold: ctx.vacancyMonthsThreshold,
          });
          // The aggregation's inputs come from the loaded dataset, not the request: a failure is a bug.
          if (!r.ok) throw new Error(`safety aggregates: ${r.code}: ${r.message}`);
          aggregates = r.value;
        }
        return aggregates;
      },
    };
  },
  [
    route({
      method: 'GET',
      path: '/api/signals/buurten',
      access: ALL_ROLES,
      summary:
        'Safety layer: addresses with nuisance, long vacancy and room-letting per CBS buurt, after disclosure control (counts < 10 suppressed, others rounded to 5, rates only with ≥ 50 dwellings). Every role.',
      responses: { 200: geoJson(SafetyFeatureCollection) },
      handler: (c, _in, s) => {
        const a = s.aggregates();
        const ds = s.ctx.data.dataset;
        const geometry = new Map(ds.buurten.map((b) => [b.buurtcode, b.geometry]));
        return c.json(
          {
            type: 'FeatureCollection' as const,
            synthetic: s.synthetic,
            signalSource: s.ctx.signals.source,
            window: a.window,
            disclosureControl: a.rules,
            vacancyMonthsThreshold: a.vacancyMonthsThreshold,
            features: a.buurten.map((b) => ({
              type: 'Feature' as const,
              id: b.buurtcode,
              properties: b,
              geometry: geometry.get(b.buurtcode)!,
            })),
          },
          200,
          { 'Content-Type': 'application/geo+json; charset=UTF-8', 'Cache-Control': 'private, no-store' },
        );
      },
    }),
    route({
      method: 'GET',
      path: '/api/signals',
      access: SIGNAL_DETAIL_ROLES,
      restricted: true,
      query: SignalsQuery,
      errors: [404],
      summary: 'RESTRICTED: signals per address and period (gemeente only; every read is audited)',
      responses: { 200: json(SignalDetailResponse) },
      handler: async (c, { query }, s) => {
        const p = principalOf(c)!;
        const codes = query.buurt;
        if (codes) checkKnownBuurten(codes, s.known);
        const want = codes ? new Set(codes) : null;
        const rows = s.rowCount(want);
        // Audited before the answer is made, as before: a read that cannot be logged is not answered.
        await s.ctx.security.audit.record({
          actor: p.name,
          role: p.role,
          via: p.via,
          action: 'signals.read',
          object: `signals${codes ? `?buurt=${codes.join(',')}` : ''}`,
          result: 'ok',
          origin: auditOrigin(c),
          detail: { rows, source: s.ctx.signals.source },
        });
        const key = want ? [...want].sort().join(',') : '*';
        const body = await s.detailBodies.get(key, async () => {
          const signals = s.ctx.signals.signals.flatMap((sig) => {
            const d = s.byVbo.get(sig.vboId);
            if (!d || (want && !want.has(d.buurtcode))) return [];
            return [
              {
                vboId: sig.vboId,
                address: formatAddress(d.address),
                postcode: d.address.postcode,
                buurtcode: d.buurtcode,
                periodStart: sig.periodStart,
                periodEnd: sig.periodEnd,
                nuisanceReports: sig.nuisanceReports,
                vacancyMonths: sig.vacancyMonths,
                roomLettingPermit: sig.roomLettingPermit,
                dataDate: sig.dataDate,
              },
            ];
          });
          return JSON.stringify({
            synthetic: s.synthetic,
            signalSource: s.ctx.signals.source,
            count: signals.length,
            signals,
          });
        });
        return c.body(body.identity, 200, {
          'Content-Type': 'application/json',
          'Cache-Control': 'private, no-store',
        });
      },
    }),
  ],
);
