import type { Issue } from '../result.ts';
import { z } from 'zod';
import { BuurtCode, LonLat, OWNERSHIP_CATEGORIES, Ownership, WOZ_BANDS, type WozBand } from '../dwelling.ts';

/**
 * Parameters of acquisition scoring and the budgeted selection. Defaults: €1.5M for active acquisition in the
 * old centre (programme text, docs/domain.md §1); target zones Centrum-Oud first, then the focus buurten.
 */
const Ring = z.array(LonLat).min(4);
export const ZoneGeometry = z.union([
  z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
  z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
]);
export type ZoneGeometry = z.infer<typeof ZoneGeometry>;

/** A target zone: whole CBS buurten (matched on the dwelling's buurt code) and/or a polygon (WGS84). */
export const ZoneSpec = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    name: z.string().min(1).max(80),
    /** 1 = first in line (the old centre); higher numbers later. */
    priority: z.number().int().min(1).max(9),
    buurten: z.array(BuurtCode).optional(),
    geometry: ZoneGeometry.optional(),
  })
  .refine((s) => (s.buurten?.length ?? 0) > 0 || s.geometry !== undefined, {
    message: 'a zone needs buurten or a geometry',
  });
export type ZoneSpec = z.infer<typeof ZoneSpec>;

export const AcquisitionWeights = z.object({
  signals: z.number().min(0).max(1),
  condition: z.number().min(0).max(1),
  price: z.number().min(0).max(1),
  strategic: z.number().min(0).max(1),
});
export type AcquisitionWeights = z.infer<typeof AcquisitionWeights>;

export const AcquisitionConfig = z.object({
  budgetEur: z.number().int().min(1_000).max(50_000_000),
  zones: z.array(ZoneSpec).min(1).max(50),
  weights: AcquisitionWeights,
  /** Ownership categories the municipality may buy from; corporation stock is already social and not bought. */
  eligibleOwnership: z.array(Ownership).min(1),
  /** Buyer's costs on top of the price: overdrachtsbelasting 10.4 % (2025, non-owner-occupier buyer; M) — a parameter. */
  transactionCostRate: z.number().min(0).max(1),
  /** Expected price per WOZ band in euro (band midpoint; above the top band +12.5 %) (L: no transaction data). */
  priceByWozBand: z.record(z.enum(WOZ_BANDS), z.number().positive()),
  /** Knapsack resolution in euro; costs are rounded up to it, so a selection never exceeds the budget. */
  unitEur: z.number().int().min(100).max(100_000),
  /** Candidates below this score (0–100) are listed but never selected. */
  minScore: z.number().min(0).max(100),
  /** A dwelling is "long vacant" from this many months in the window (Leegstandwet practice, L). */
  vacancyMonthsThreshold: z.number().int().min(1).max(12),
});
export type AcquisitionConfig = z.infer<typeof AcquisitionConfig>;

/** docs/domain.md §1: BU16740000 Centrum-Oud is the first acquisition target; Kalsdonk and Westrand are the focus buurten. */
export const DEFAULT_ZONES: ZoneSpec[] = [
  { id: 'centrum-oud', name: "'t Oude Centrum (Centrum-Oud)", priority: 1, buurten: ['BU16740000'] },
  { id: 'kalsdonk', name: 'Kalsdonk', priority: 2, buurten: ['BU16740202'] },
  { id: 'westrand', name: 'Westrand', priority: 2, buurten: ['BU16740300', 'BU16740301', 'BU16740302', 'BU16740303'] },
];

const PRICE_BY_BAND: Record<WozBand, number> = {
  '<150k': 125_000,
  '150-200k': 175_000,
  '200-250k': 225_000,
  '250-300k': 275_000,
  '300-400k': 350_000,
  '>=400k': 450_000,
};

export const DEFAULT_ACQUISITION_CONFIG: AcquisitionConfig = {
  budgetEur: 1_500_000,
  zones: DEFAULT_ZONES,
  weights: { signals: 0.4, condition: 0.25, price: 0.2, strategic: 0.15 },
  eligibleOwnership: OWNERSHIP_CATEGORIES.filter((o) => o !== 'corporatie'),
  transactionCostRate: 0.104,
  priceByWozBand: PRICE_BY_BAND,
  unitEur: 1_000,
  minScore: 0,
  vacancyMonthsThreshold: 6,
};

/** Validates a configuration (e.g. config/acquisition.default.json) merged over the defaults. */
export function parseAcquisitionConfig(
  raw: unknown,
):
  | { ok: true; value: AcquisitionConfig }
  | { ok: false; issues: (Issue<'acquisition.config.invalid'> & { path: (string | number)[] })[] } {
  const merged =
    typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? { ...DEFAULT_ACQUISITION_CONFIG, ...raw } : raw;
  const r = AcquisitionConfig.safeParse(merged);
  if (r.success) return { ok: true, value: r.data };
  return {
    ok: false,
    issues: r.error.issues.map((i) => ({
      code: 'acquisition.config.invalid',
      message: i.message,
      path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    })),
  };
}
