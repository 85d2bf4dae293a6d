/**
 * The weights file of the priority score (config/weights.default.json is shipped): factor weights, the
 * scales that turn savings and paybacks into 0–1 factors, and the energy-poverty parameters. Validated
 * with zod; every problem is a coded issue naming the JSON path and the allowed values, never a default.
 */
import { z } from 'zod';
import { BuurtCode, EnergyLabel } from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import shippedWeights from '../../config/weights.default.json' with { type: 'json' };
import { zodIssueCodes, zodIssues } from './zod-issues.ts';

/** Priority factors, each 0–1 per dwelling (priority.ts). */
export const FACTOR_IDS = ['energyPoverty', 'labelGap', 'gasSaving', 'costEffectiveness', 'ecologyEase'] as const;
export type FactorId = (typeof FACTOR_IDS)[number];
export const FACTOR_COUNT = FACTOR_IDS.length;
/** Dutch factor names for reports and exports. */
export const FACTOR_NL: Readonly<Record<FactorId, string>> = {
  energyPoverty: 'energiearmoede',
  labelGap: 'slecht label',
  gasSaving: 'gasbesparing',
  costEffectiveness: 'kosteneffectiviteit',
  ecologyEase: 'ecologisch eenvoudig',
};

const Weight = z.number().min(0).max(100);
const Share = z.number().min(0).max(1);

export const WeightsSchema = z.strictObject({
  version: z.literal(1),
  description: z.string().optional(),
  /** Relative weights (normalised by their sum). */
  factors: z.strictObject(Object.fromEntries(FACTOR_IDS.map((f) => [f, Weight])) as Record<FactorId, typeof Weight>),
  scales: z.strictObject({
    /** Package gas saving (m³/yr) that scores the full gasSaving factor. */
    // Lower bounds keep the reciprocals the score tables use finite (a denormal here made every priority NaN).
    gasSavingFullM3PerYear: z.number().min(1).max(10_000),
    /** Package payback (years) that scores zero on costEffectiveness. */
    paybackWorstYears: z.number().min(0.1).max(200),
  }),
  energyPoverty: z.strictObject({
    /** Buurt low-income share at which the income part is full (L). */
    lowIncomeShareFull: z.number().min(0.001).max(1),
    /** Share used for a buurt without a CBS figure or override (L: NL order of magnitude); flagged per dwelling. */
    defaultLowIncomeShare: Share,
    /** Energy quote (energy cost / income) counted as high (domain.md §5: "> ~10 %, verify"). */
    energyQuoteThreshold: z.number().min(0.001).max(1),
    /** Net income of a low-income household, €/yr, to turn the energy cost into a quote (L). */
    referenceLowIncomeEurPerYear: z.number().min(1).max(1_000_000),
    /** "Low-quality dwelling" per label, 0–1; labels not listed count 0 (L: SpUk calls D–G poorly insulated). */
    poorLabelQuality: z.partialRecord(EnergyLabel, Share),
    /** Low-income share per buurt, overriding the dataset's CBS figure. */
    lowIncomeShareByBuurt: z.record(BuurtCode, Share),
  }),
});
export type WeightsConfig = z.infer<typeof WeightsSchema>;

/** Every code a weights file can be refused with. */
export const WEIGHTS_ISSUE_CODES = [...zodIssueCodes('weights'), 'weights.all-zero', 'weights.json'] as const;
export type WeightsIssueCode = (typeof WEIGHTS_ISSUE_CODES)[number];

/** Validates a parsed weights file; all-zero factor weights are an error too. */
export function parseWeights(json: unknown): Result<WeightsConfig, WeightsIssueCode> {
  const r = WeightsSchema.safeParse(json);
  if (!r.success) return fail(...zodIssues('weights', WeightsSchema, r.error));
  if (FACTOR_IDS.every((f) => r.data.factors[f] === 0)) {
    return fail({
      code: 'weights.all-zero',
      path: ['factors'],
      message: `factors: at least one of ${FACTOR_IDS.join(', ')} must be > 0`,
    });
  }
  return ok(r.data);
}

/** Parses weights from JSON text (a file or a query parameter); a syntax error is `weights.json`. */
export function parseWeightsText(text: string): Result<WeightsConfig, WeightsIssueCode> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const issue: Issue<WeightsIssueCode> = {
      code: 'weights.json',
      path: [],
      message: `not valid JSON: ${(err as Error).message}`,
    };
    return fail(issue);
  }
  return parseWeights(json);
}

const shipped = parseWeights(shippedWeights);
if (!shipped.ok)
  throw new Error(`config/weights.default.json is invalid: ${shipped.issues.map((i) => i.message).join('; ')}`);
/** The shipped defaults (config/weights.default.json). */
export const DEFAULT_WEIGHTS: WeightsConfig = shipped.value;
