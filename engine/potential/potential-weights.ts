/**
 * The potentiekaart's weights file (config/potential-weights.default.json is shipped): per intervention the
 * indicators that count, each with a relative weight and a direction, plus the parameters that turn register
 * facts into 0–1 indicators. Dated data with its source; validated with zod, every problem a coded issue naming
 * the JSON path, never a silent default.
 */
import { z } from 'zod';
import { ENERGY_LABELS, EnergyLabel, WozBand, DwellingType, BuurtCode, IsoDate } from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { zodIssueCodes, zodIssues } from '../retrofit/zod-issues.ts';
import shippedWeights from '../../config/potential-weights.default.json' with { type: 'json' };
import { INDICATORS, INTERVENTIONS, type IndicatorId, type Intervention } from './interventions.ts';

const Term = z.strictObject({
  weight: z.number().min(0).max(100),
  /** "hoog": a high indicator value adds potential; "laag": a low value does. */
  direction: z.enum(['hoog', 'laag']),
});
export type WeightTerm = z.infer<typeof Term>;

const InterventionWeights = z.strictObject(
  Object.fromEntries(INDICATORS.map((i) => [i, Term.optional()])) as Record<IndicatorId, z.ZodOptional<typeof Term>>,
);

const Share = z.number().min(0).max(1);

export const PotentialWeightsSchema = z
  .strictObject({
    $comment: z.string().optional(),
    version: z.literal(1),
    source: z.string().min(1),
    retrieved: IsoDate,
    validFrom: IsoDate,
    validTo: IsoDate.nullable(),
    assumption: z.boolean(),
    parameters: z.strictObject({
      /** Corporation share of a buurt above which vulnerable residents concentrate (docs/domain.md §4: 2/3). */
      corporationThreshold: z.number().gt(0).max(1),
      /** Gebruiksoppervlakte above which a dwelling is large for a small (1–2 person) household. */
      largeDwellingM2: z.number().min(20).max(400),
      /** Types reached by stairs only: an upper floor of these does not suit 55+ households (assumption). */
      stairOnlyTypes: z.array(DwellingType),
      /** Share of the fit indicator given to size; the rest to stairs-only upper floors. */
      largeShareWeight: Share,
      /** Renovation need per label, 0–1; every label must be listed. */
      labelNeed: z.strictObject(
        Object.fromEntries(ENERGY_LABELS.map((l) => [l, Share])) as Record<EnergyLabel, typeof Share>,
      ),
      /** Planned work within this many years counts fully… */
      maintenanceWindowYears: z.number().int().min(0).max(50),
      /** …and nothing from this many years on (linear in between). */
      maintenanceHorizonYears: z.number().int().min(1).max(100),
      /** Without a planned year: the next renovation is estimated at build year + this many years. */
      renovationCycleYears: z.number().int().min(5).max(150),
      lowWozBands: z.array(WozBand),
      /** Kale huur (€/month) up to which a corporation dwelling counts as low rent. */
      lowRentMaxEur: z.number().min(0).max(5_000),
      /** Buurt rate of addresses with nuisance or long vacancy that scores the full safety indicator. */
      safetyRateFull: z.number().gt(0).max(1),
      /** The buurt whose middle is "the centre". */
      centreBuurt: BuurtCode,
      centreFullWithinM: z.number().min(0).max(50_000),
      centreZeroBeyondM: z.number().min(1).max(50_000),
    }),
    interventions: z.strictObject(
      Object.fromEntries(INTERVENTIONS.map((i) => [i, InterventionWeights])) as Record<
        Intervention,
        typeof InterventionWeights
      >,
    ),
  })
  .superRefine((w, ctx) => {
    const p = w.parameters;
    if (p.maintenanceHorizonYears <= p.maintenanceWindowYears)
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', 'maintenanceHorizonYears'],
        message: `must be greater than maintenanceWindowYears (${p.maintenanceWindowYears})`,
      });
    if (p.centreZeroBeyondM <= p.centreFullWithinM)
      ctx.addIssue({
        code: 'custom',
        path: ['parameters', 'centreZeroBeyondM'],
        message: `must be greater than centreFullWithinM (${p.centreFullWithinM})`,
      });
    if (w.validTo !== null && w.validTo < w.validFrom)
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: `must not be before validFrom (${w.validFrom})` });
  });
export type PotentialWeights = z.infer<typeof PotentialWeightsSchema>;

export const POTENTIAL_WEIGHTS_ISSUE_CODES = [
  ...zodIssueCodes('potential-weights'),
  'potential-weights.all-zero',
  'potential-weights.json',
] as const;
export type PotentialWeightsIssueCode = (typeof POTENTIAL_WEIGHTS_ISSUE_CODES)[number];

/** Validates a parsed weights file; an intervention whose weights are all zero is refused, naming it. */
export function parsePotentialWeights(json: unknown): Result<PotentialWeights, PotentialWeightsIssueCode> {
  const r = PotentialWeightsSchema.safeParse(json);
  if (!r.success) return fail(...zodIssues('potential-weights', PotentialWeightsSchema, r.error));
  const zero: Issue<PotentialWeightsIssueCode>[] = INTERVENTIONS.filter((i) =>
    INDICATORS.every((k) => (r.data.interventions[i][k]?.weight ?? 0) === 0),
  ).map((i) => ({
    code: 'potential-weights.all-zero',
    path: ['interventions', i],
    message: `interventions.${i}: at least one indicator of ${INDICATORS.join(', ')} needs a weight > 0`,
  }));
  return zero.length ? fail(...zero) : ok(r.data);
}

/** Parses weights from JSON text (a file or a request body); a syntax error is `potential-weights.json`. */
export function parsePotentialWeightsText(text: string): Result<PotentialWeights, PotentialWeightsIssueCode> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail({ code: 'potential-weights.json', path: [], message: `not valid JSON: ${(err as Error).message}` });
  }
  return parsePotentialWeights(json);
}

const shipped = parsePotentialWeights(shippedWeights);
if (!shipped.ok)
  throw new Error(
    `config/potential-weights.default.json is invalid: ${shipped.issues.map((i) => i.message).join('; ')}`,
  );
/** The shipped defaults (config/potential-weights.default.json). */
export const DEFAULT_POTENTIAL_WEIGHTS: PotentialWeights = shipped.value;

/** The file's version line for outputs: which weights, from when, on what source. */
export function weightsVersion(w: PotentialWeights): string {
  return `gewichten v${w.version}, geldig vanaf ${w.validFrom}${w.validTo ? ` t/m ${w.validTo}` : ''}${w.assumption ? ' (aanname)' : ''}`;
}
