/**
 * The one set of buurt parameters every module reads (retrofit priority, VvE ranking, housing scenarios):
 * per buurt the income distribution over the housing model's income bands (its `laag` share is THE low-income
 * share), the net income of a low-income household for the energy quote, and the CBS/TNO energy-poverty
 * indicators HEQ, LIHE and LILEK (docs/domain.md §5). A dated, sourced file (config/buurt-parameters.default.json);
 * every value that is not a published figure says `assumption` or `synthetic`. Validated with zod: every problem
 * is a coded issue naming the JSON path, never a default.
 */
import { z } from 'zod';
import shipped from '../../config/buurt-parameters.default.json' with { type: 'json' };
import { BuurtCode, IsoDate } from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { zodIssues } from '../retrofit/zod-issues.ts';

/** The housing model's income bands (engine/housing/codes.ts INCOME_BANDS), in that order. */
export const INCOME_BAND_IDS = ['laag', 'daeb', 'midden', 'hoog'] as const;
export type IncomeBandId = (typeof INCOME_BAND_IDS)[number];

const Share = z.number().min(0).max(1);
const Eur = z.number().min(1000).max(1_000_000);

/** Where a value comes from, how old it is, and whether it is a published figure. */
const Provenance = {
  source: z.string().min(1).max(600),
  retrieved: IsoDate,
  /** Not a published figure for this buurt: an estimate or a national figure standing in. */
  assumption: z.boolean(),
  /** Derived from the synthetic dataset: never real data about the buurt. */
  synthetic: z.boolean(),
};

/** Shares of households per income band; they must add up to 1 (checked after parsing). */
const IncomeShares = z.strictObject({ laag: Share, daeb: Share, midden: Share, hoog: Share });

/** Energy-poverty shares of households (0–1); null = not known for this buurt (said so, never invented). */
const EnergyPoverty = z.strictObject({ heq: Share.nullable(), lihe: Share.nullable(), lilek: Share.nullable() });

const BuurtEntry = z.strictObject({
  name: z.string().min(1).max(120),
  incomeShares: IncomeShares,
  /** Net income of a low-income household here, €/yr; absent = the file's `incomeBands.laag`. */
  lowIncomeNetEurPerYear: Eur.optional(),
  energyPoverty: EnergyPoverty,
  ...Provenance,
  note: z.string().max(600).optional(),
});

export const BuurtParametersSchema = z.strictObject({
  version: z.literal(1),
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  description: z.string().max(2000),
  validFrom: IsoDate,
  validTo: IsoDate,
  /** What "low income" means in this file (the housing model's band `laag`). */
  definitions: z.strictObject({ lowIncome: z.string().min(1).max(600), energyPoverty: z.string().min(1).max(600) }),
  /** Representative net household income per band, €/yr: the energy quote's denominator. */
  incomeBands: z.strictObject({
    netEurPerYear: z.strictObject({ laag: Eur, daeb: Eur, midden: Eur, hoog: Eur }),
    ...Provenance,
  }),
  /** The stated fallback for a buurt the file does not list (every module reports which buurten used it). */
  fallback: z.strictObject({
    incomeShares: IncomeShares,
    energyPoverty: EnergyPoverty,
    ...Provenance,
    note: z.string().max(600).optional(),
  }),
  buurten: z.record(BuurtCode, BuurtEntry),
});
export type BuurtParametersConfig = z.infer<typeof BuurtParametersSchema>;
export type IncomeShares = z.infer<typeof IncomeShares>;
export type EnergyPovertyShares = z.infer<typeof EnergyPoverty>;

const SUM_TOLERANCE = 1e-6;

/** Validates a parsed buurt-parameters file: the schema, income shares adding up to 1, validity in order. */
export function parseBuurtParameters(json: unknown): Result<BuurtParametersConfig> {
  const r = BuurtParametersSchema.safeParse(json);
  if (!r.success) return fail(...zodIssues('buurt-parameters', BuurtParametersSchema, r.error));
  const issues: Issue[] = [];
  const checkSum = (s: IncomeShares, path: (string | number)[]) => {
    const sum = INCOME_BAND_IDS.reduce((a, b) => a + s[b], 0);
    if (Math.abs(sum - 1) > SUM_TOLERANCE)
      issues.push({
        code: 'buurt-parameters.income-shares.sum',
        path,
        message: `${path.join('.')}: laag + daeb + midden + hoog must add up to 1, found ${sum}`,
      });
  };
  checkSum(r.data.fallback.incomeShares, ['fallback', 'incomeShares']);
  for (const [code, b] of Object.entries(r.data.buurten)) checkSum(b.incomeShares, ['buurten', code, 'incomeShares']);
  if (r.data.validTo < r.data.validFrom)
    issues.push({
      code: 'buurt-parameters.validity',
      path: ['validTo'],
      message: `validTo ${r.data.validTo} is before validFrom ${r.data.validFrom}`,
    });
  return issues.length ? fail(...issues) : ok(r.data);
}

/** Parses the file's text; a syntax error is `buurt-parameters.json`. */
export function parseBuurtParametersText(text: string): Result<BuurtParametersConfig> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    return fail({ code: 'buurt-parameters.json', path: [], message: `not valid JSON: ${(err as Error).message}` });
  }
  return parseBuurtParameters(json);
}

const parsed = parseBuurtParameters(shipped);
if (!parsed.ok)
  throw new Error(`config/buurt-parameters.default.json is invalid: ${parsed.issues.map((i) => i.message).join('; ')}`);
/** The shipped file (config/buurt-parameters.default.json). */
export const DEFAULT_BUURT_PARAMETERS: BuurtParametersConfig = parsed.value;
