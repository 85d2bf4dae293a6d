import { z } from 'zod';
import { MEASURE_IDS } from '../retrofit/measure-ids.ts';
import { fail, ok, type Result } from '../result.ts';
import type { VveIssueCode } from './vve-issue-codes.ts';
import { zodIssues } from '../retrofit/zod-issues.ts';
import shipped from '../../config/vve.default.json' with { type: 'json' };

/**
 * Parameters of the VvE pilot ranking (config/vve.default.json). Legal figures cite docs/domain.md §3 (H); every
 * value marked L there or absent from it is an assumption, documented in the JSON file's `$comment`s and here.
 */
const Share = z.number().min(0).max(1);
const Weight = z.number().min(0).max(100);

export const VveConfigSchema = z.strictObject({
  activity: z.strictObject({
    /** An ALV within this many months counts as recent (L: the model reglement asks a yearly ALV; 15 months leaves a margin). */
    maxAlvAgeMonths: z.number().int().min(1).max(120),
    /** docs/domain.md §3 (H): an MJOP counts when it is at most 5 years old. */
    maxMjopAgeYears: z.number().int().min(1).max(30),
    /** docs/domain.md §3 (H): without a current MJOP the yearly reserve is at least 0.5 % of the rebuild value. */
    reserveRateOfRebuildValue: z.number().min(0).max(0.1),
    /** Rebuild value (herbouwwaarde) per m² of usable area (L: not in docs/domain.md; typical insurance figure for flats). */
    rebuildValueEurPerM2: z.number().positive().max(20_000),
    /** Years an MJOP plans ahead (docs/domain.md §3: at least 10); the Warmtefonds wants it to cover the loan term. */
    mjopHorizonYears: z.number().int().min(1).max(50),
  }),
  maintenance: z.strictObject({
    /** An element is due when its insulation level is at most `maxLevel` (0 = N0) and the building is at least `minAgeYears` old (L). */
    facade: z.strictObject({ maxLevel: z.number().int().min(0).max(4), minAgeYears: z.number().int().min(0).max(200) }),
    roof: z.strictObject({ maxLevel: z.number().int().min(0).max(4), minAgeYears: z.number().int().min(0).max(200) }),
    windows: z.strictObject({
      maxLevel: z.number().int().min(0).max(4),
      minAgeYears: z.number().int().min(0).max(200),
    }),
    /** A VvE has an element due when at least this share of its dwellings has it due. */
    dueShare: z.number().gt(0).max(1),
  }),
  package: z.strictObject({
    /** Measures on the VvE's common elements (façade, roof, floor, glazing); the heat pump is each owner's own. */
    measures: z.array(z.enum(MEASURE_IDS)).min(1),
    /** Which end of the survey cost range (docs/domain.md §2) goes into the package: the upper end is the cautious choice. */
    surveyCost: z.enum(['min', 'mid', 'max']),
  }),
  warmtefonds: z.strictObject({
    /**
     * The pilot's loan term: 10, 15 or 20 years (docs/domain.md §3). The fund's limits, paths and the rate per term
     * are dated rules (config/rules/warmtefonds-vve.json), picked on the run's date.
     */
    termYears: z.union([z.literal(10), z.literal(15), z.literal(20)]),
  }),
  decision: z.strictObject({
    /** Probability that an owner signs the small-VvE consent statement, as a multiple of his P(for) at a meeting (L). */
    signFactor: Share,
    /** How the corporation (Alwel) votes, as one block (assumption: it supports the package it helped choose). */
    corporationVote: z.enum(['for', 'against', 'abstain']),
    /** Probability a private owner attends or gives a proxy (L). */
    ownerAttendance: Share,
    /** Owner support: P(for) = 1 / (1 + exp(−(intercept + netSaving × perEurNetSavingPerMonth − cost × perEurCostPerMonth))) (L). */
    support: z.strictObject({
      intercept: z.number().min(-20).max(20),
      perEurNetSavingPerMonth: z.number().min(0).max(10),
      perEurCostPerMonth: z.number().min(0).max(10),
    }),
    /** Share of the energy saving a private landlord counts as his own (L: the tenant pays the bill). */
    landlordSavingShare: Share,
    /** Exact computation while the integer vote total (after scaling) is at most this; seeded Monte Carlo above. */
    exactMaxVotes: z.number().int().min(10).max(5_000),
    monteCarloDraws: z.number().int().min(1_000).max(1_000_000),
    seed: z.number().int(),
  }),
  /** Per-VvE overrides of the majority and quorum (checked per VvE: a fraction in (0, 1]). */
  overrides: z.record(
    z.string().min(1),
    z.strictObject({ majority: z.number().optional(), quorum: z.number().optional() }),
  ),
  score: z.strictObject({
    /** Points (sum 100) per component; docs/domain.md §3 "a good pilot candidate" (design guidance). */
    weights: z.strictObject({
      size: Weight,
      active: Weight,
      corporationShare: Weight,
      ownerOccupiers: Weight,
      labels: Weight,
      maintenance: Weight,
      decision: Weight,
      finance: Weight,
    }),
    /** docs/domain.md §3: Alwel 10–50 % of the votes is the good band. */
    corporationShareBand: z.tuple([Share, Share]),
    /** Net monthly result per right (€) that earns the full finance points; 0 € earns half. */
    financeFullAtEurPerMonth: z.number().positive(),
    /** Decision component (0–1) of a corporation-controlled VvE: its probability is the corporation's own vote, not an owners' decision. */
    corporationControlledDecisionCredit: Share,
  }),
  shortlistSize: z.number().int().min(1).max(100),
  /**
   * A VvE goes on the shortlist only when its decision probability (qualified majority, second meeting included;
   * unanimity for a small VvE) is at least this (L): a pilot with a VvE that will not decide tests nothing.
   */
  shortlistMinDecisionProbability: Share,
  /** The pilot tests owners' decisions: a corporation-controlled VvE takes the corporation's own path and stays off the shortlist. */
  shortlistExcludesCorporationControlled: z.boolean(),
});
export type VveConfig = z.infer<typeof VveConfigSchema>;

/** Drops `$comment`-style keys (any key starting with `$`) at every level of objects. */
function withoutComments(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutComments);
  if (typeof v !== 'object' || v === null) return v;
  return Object.fromEntries(
    Object.entries(v)
      .filter(([k]) => !k.startsWith('$'))
      .map(([k, x]) => [k, withoutComments(x)]),
  );
}

/** Validates a configuration; `$comment` keys are documentation and ignored. */
export function parseVveConfig(json: unknown): Result<VveConfig, VveIssueCode> {
  const r = VveConfigSchema.safeParse(withoutComments(json));
  if (!r.success) return fail(...zodIssues('vve.config', VveConfigSchema, r.error));
  const sum = Object.values(r.data.score.weights).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 100) > 1e-6)
    return fail({
      code: 'vve.config.weights-sum',
      path: ['score', 'weights'],
      message: `score.weights: expected points adding up to 100, found ${sum}`,
    });
  const [lo, hi] = r.data.score.corporationShareBand;
  if (lo > hi)
    return fail({
      code: 'vve.config.band',
      path: ['score', 'corporationShareBand'],
      message: `score.corporationShareBand: expected [low, high] with low ≤ high, found [${lo}, ${hi}]`,
    });
  return ok(r.data);
}

const parsed = parseVveConfig(shipped);
if (!parsed.ok) throw new Error(`config/vve.default.json: ${parsed.issues.map((i) => i.message).join('; ')}`);
/** The shipped defaults (config/vve.default.json). */
export const DEFAULT_VVE_CONFIG: VveConfig = parsed.value;
