/**
 * The policy rules a housing scenario rests on, picked per scenario year from the dated rules (config/rules):
 * DAEB and passend-toewijzen income limits and rent caps (rows per year; a year after the last published row is
 * that row indexed by housing.limits.indexation per year), the passend-toewijzen share, the corporations' label
 * agreement and the instruments that need a designation (docs/domain.md §4). Every scenario output lists them.
 */
import { z } from 'zod';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { dayNumber } from '../retrofit/iso-day.ts';
import { pickRule, pickRuleOf, versionsUsed, type RulePickCode, type RuleVersion } from '../rules/pick-rule.ts';
import type { LoadedRule } from '../rules/rule-schema.ts';
import { RuleVersionSchema } from '../rules/rule-version.ts';

/** The limits in force in one scenario year (on 1 January). Euro; rents per month. */
export interface YearLimits {
  year: number;
  daebIncomeSingle: number;
  daebIncomeMulti: number;
  passendIncomeSingle: number;
  passendIncomeMulti: number;
  socialRentCeiling: number;
  rentCapLow: number;
  rentCapHigh: number;
  /** Rise of corporation rents at the start of this year (fraction; housing.rent.annual-increase). */
  rentIncrease: number;
  /** Share of social lettings that may go to households above the DAEB limit (housing.daeb.free-share). */
  daebFreeShare: number;
  /** Rule ids whose value this year is an indexed later-year value, not a published row. */
  indexed: string[];
}

/** A municipal instrument the scenario uses that needs a designation (flagged while not held). */
export interface DesignationUse {
  instrument: string;
  requires: string;
  law: string;
  designated: boolean;
  version: string;
  /** Where the scenario uses it (JSON paths of the file). */
  usedAt: string[];
}

/**
 * How a rent is imputed where no register gives one (€ per month in euros of `baseYear`): (base + perM2 × m²) ×
 * (1 + labelStep × label steps better than D); and how many dwellings of the stock had a registered or an imputed rent.
 */
export interface RentImputation {
  base: number;
  perM2: number;
  labelStep: number;
  baseYear: number;
  registered: number;
  imputed: number;
}

export interface HousingRules {
  limits: YearLimits[];
  rents: RentImputation;
  passendShare: number;
  labelAgreement: { removeLabels: string[]; byYear: number; version: string } | null;
  designations: DesignationUse[];
  versions: RuleVersion[];
}

/** The `rules` section of a scenario result (API schema, OpenAPI). */
export const HousingRulesSchema = z
  .object({
    limits: z
      .array(
        z.object({
          year: z.number().int(),
          daebIncomeSingle: z.number(),
          daebIncomeMulti: z.number(),
          passendIncomeSingle: z.number(),
          passendIncomeMulti: z.number(),
          socialRentCeiling: z.number(),
          rentCapLow: z.number(),
          rentCapHigh: z.number(),
          rentIncrease: z.number().describe('rise of corporation rents at the start of the year (fraction)'),
          daebFreeShare: z.number().describe('share of social lettings allowed above the DAEB income limit'),
          indexed: z.array(z.string()).describe('rule ids whose value this year is indexed, not published'),
        }),
      )
      .describe('income limits (€ per year) and rent caps (€ per month) in force on 1 January of each year'),
    rents: z
      .object({
        base: z.number(),
        perM2: z.number(),
        labelStep: z.number(),
        baseYear: z.number().int(),
        registered: z.number().int().describe('stock dwellings with a rent from a portfolio register'),
        imputed: z.number().int().describe('stock dwellings whose rent is imputed by type, floor area and label'),
      })
      .describe('rent imputation (€ per month, prices of baseYear) where no register gives a rent'),
    passendShare: z.number(),
    labelAgreement: z
      .object({ removeLabels: z.array(z.string()), byYear: z.number().int(), version: z.string() })
      .nullable(),
    designations: z
      .array(
        z.object({
          instrument: z.string(),
          requires: z.string(),
          law: z.string(),
          designated: z.boolean(),
          version: z.string(),
          usedAt: z.array(z.string()),
        }),
      )
      .describe('instruments the scenario uses that need a designation; designated false = not held'),
    versions: z.array(RuleVersionSchema),
  })
  .meta({ id: 'ScenarioRules' });

const LIMITS = {
  daebIncomeSingle: 'housing.daeb.income-limit.single',
  daebIncomeMulti: 'housing.daeb.income-limit.multi',
  passendIncomeSingle: 'housing.passend.income-limit.single',
  passendIncomeMulti: 'housing.passend.income-limit.multi',
  socialRentCeiling: 'housing.social-rent.ceiling',
  rentCapLow: 'housing.passend.rent-cap.low',
  rentCapHigh: 'housing.passend.rent-cap.high',
} as const;
export const INDEXATION_RULE = 'housing.limits.indexation';
export const RENT_INCREASE_RULE = 'housing.rent.annual-increase';
export const DAEB_FREE_SHARE_RULE = 'housing.daeb.free-share';
/** The rows of the rent imputation: base, per m², per label step (engine/housing/rents.ts). */
const RENT_IMPUTATION = [
  'housing.rent.imputed.base',
  'housing.rent.imputed.per-m2',
  'housing.rent.imputed.label-step',
] as const;

const roundTo = (x: number, unit: string): number => (unit === 'EUR/month' ? Math.round(x * 100) / 100 : Math.round(x));

/**
 * The value of a yearly limit in `year`: its row valid on 1 January, or — after the last published row — that
 * row's value raised by the indexation rate for each year since.
 */
export function limitInYear(
  rules: readonly LoadedRule[],
  id: string,
  year: number,
  used: LoadedRule[],
): Result<{ value: number; indexed: boolean }, RulePickCode> {
  const date = `${year}-01-01`;
  const r = pickRuleOf(rules, id, 'number', date);
  if (r.ok) {
    used.push(r.value);
    return ok({ value: r.value.value, indexed: false });
  }
  const day = dayNumber(date)!;
  const earlier = rules
    .filter((x) => x.id === id && x.kind === 'number' && x.validTo !== null && dayNumber(x.validTo)! < day)
    .sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
  if (!earlier || r.issues[0]!.code !== 'rules.date.uncovered') return r;
  const rate = pickRuleOf(rules, INDEXATION_RULE, 'number', date);
  if (!rate.ok) return rate;
  used.push(earlier, rate.value);
  const years = year - Number(earlier.validFrom.slice(0, 4));
  const base = earlier.kind === 'number' ? earlier.value : NaN;
  return ok({ value: roundTo(base * (1 + rate.value.value) ** years, earlier.unit), indexed: true });
}

/** Where a scenario uses a designation-needing instrument: instrument id → JSON paths. */
export type InstrumentUse = Readonly<Record<string, readonly string[]>>;

/** Picks every housing rule for the scenario's years; `uses` names the instruments the scenario uses. */
export function housingRules(
  rules: readonly LoadedRule[],
  years: readonly number[],
  uses: InstrumentUse,
): Result<HousingRules, RulePickCode> {
  const used: LoadedRule[] = [],
    issues: Issue<RulePickCode>[] = [];
  const limits: YearLimits[] = [];
  for (const year of years) {
    const y: YearLimits = {
      year,
      daebIncomeSingle: 0,
      daebIncomeMulti: 0,
      passendIncomeSingle: 0,
      passendIncomeMulti: 0,
      socialRentCeiling: 0,
      rentCapLow: 0,
      rentCapHigh: 0,
      rentIncrease: 0,
      daebFreeShare: 0,
      indexed: [],
    };
    for (const [key, id] of Object.entries(LIMITS) as [keyof typeof LIMITS, string][]) {
      const r = limitInYear(rules, id, year, used);
      if (!r.ok) {
        issues.push(...r.issues);
        continue;
      }
      y[key] = r.value.value;
      if (r.value.indexed) y.indexed.push(id);
    }
    for (const [key, id] of [
      ['rentIncrease', RENT_INCREASE_RULE],
      ['daebFreeShare', DAEB_FREE_SHARE_RULE],
    ] as const) {
      const r = pickRuleOf(rules, id, 'number', `${year}-01-01`);
      if (r.ok) {
        used.push(r.value);
        y[key] = r.value.value;
      } else issues.push(...r.issues);
    }
    limits.push(y);
  }
  const first = `${years[0]}-01-01`;
  const rentRows = RENT_IMPUTATION.map((id) => pickRuleOf(rules, id, 'number', first));
  const share = pickRuleOf(rules, 'housing.passend.share', 'number', first);
  const label = pickRuleOf(rules, 'corporations.label-agreement', 'label-target', first);
  const designations: DesignationUse[] = [];
  for (const [instrument, usedAt] of Object.entries(uses)) {
    if (!usedAt.length) continue;
    const d = rules.find((x) => x.kind === 'designation' && x.value.instrument === instrument);
    const r = d ? pickRuleOf(rules, d.id, 'designation', first) : pickRule(rules, `municipal.${instrument}`, first);
    if (!r.ok || r.value.kind !== 'designation') {
      if (!r.ok) issues.push(...r.issues);
      continue;
    }
    used.push(r.value);
    const v = r.value.value;
    designations.push({
      instrument,
      requires: v.requires,
      law: v.law,
      designated: v.designated,
      version: r.value.version,
      usedAt: [...usedAt],
    });
  }
  for (const r of [share, label, ...rentRows]) if (!r.ok) issues.push(...r.issues);
  if (issues.length || !share.ok || !label.ok) return fail(...issues);
  const [base, perM2, labelStep] = rentRows.map((r) => (r.ok ? r.value : null));
  used.push(share.value, label.value, base!, perM2!, labelStep!);
  return ok({
    limits,
    rents: {
      base: base!.value,
      perM2: perM2!.value,
      labelStep: labelStep!.value,
      baseYear: Number(base!.validFrom.slice(0, 4)),
      registered: 0,
      imputed: 0,
    },
    passendShare: share.value.value,
    labelAgreement: {
      removeLabels: [...label.value.value.removeLabels],
      byYear: label.value.value.byYear,
      version: label.value.version,
    },
    designations,
    versions: versionsUsed(used),
  });
}
