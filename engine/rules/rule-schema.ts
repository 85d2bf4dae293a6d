/**
 * Policy rules as dated data (config/rules/*.json): one row per rule and validity period, with its value typed by
 * the rule's kind, its unit, the range a value must fall in, its source and the day the source was read. Rules change
 * every year (Warmtefonds terms, income limits), so the engine picks the row valid on a date (pick-rule.ts) and every
 * output names the versions it used. docs/domain.md and docs/sources.md hold the facts the shipped rows cite.
 */
import { z } from 'zod';
import { ENERGY_LABELS, IsoDate } from '../dwelling.ts';

/** Units a numeric rule may carry; the UI formats by unit (€, %, years). */
export const RULE_UNITS = [
  'EUR',
  'EUR/month',
  'EUR/year',
  /** Per m² of floor area per month (an imputed rent). */
  'EUR/month/m2',
  'fraction',
  'fraction/year',
  'years',
  'dwellings',
  /** Onzelfstandige wooneenheden (rooms let separately), as the housing ordinance counts them. */
  'rooms',
  'm',
  'year',
  'none',
] as const;
export type RuleUnit = (typeof RULE_UNITS)[number];

/** Where a rule comes from: a title and a web address or a document (with section) that holds it. */
const Source = z.union([
  z.strictObject({ title: z.string().min(1).max(300), url: z.url({ protocol: /^https?$/ }) }),
  z.strictObject({ title: z.string().min(1).max(300), document: z.string().min(1).max(300) }),
]);
export type RuleSource = z.infer<typeof Source>;

const Range = z.strictObject({ min: z.number(), max: z.number() });

const common = {
  /** Stable id, dotted lower case (`warmtefonds.vve.max-per-right`): the engine asks for rules by id. */
  id: z.string().regex(/^[a-z0-9]+(?:[.-][a-z0-9]+)*$/, 'dotted lower-case id such as warmtefonds.vve.max-per-right'),
  /** The rule in Dutch, as the rules page shows it. */
  title: z.string().min(1).max(200),
  validFrom: IsoDate,
  /** Last day (inclusive) the row holds; null = until a newer row replaces it. */
  validTo: IsoDate.nullable(),
  source: Source,
  /** Day the source was read. */
  retrieved: IsoDate,
  /** True when the value is this product's assumption, not read from the source (the rules page says so). */
  assumption: z.boolean().default(false),
  note: z.string().max(600).optional(),
};

const Term = z.strictObject({ termYears: z.number().int().min(1).max(50), annualRate: z.number() });

/**
 * Row schemas per kind: `value` and `unit` typed by `kind`; `range` bounds every number in the value (a rule whose
 * value has no numbers carries none).
 */
const NumberRule = z.strictObject({
  ...common,
  kind: z.literal('number'),
  value: z.number(),
  unit: z.enum(RULE_UNITS),
  range: Range,
});
const FlagRule = z.strictObject({ ...common, kind: z.literal('flag'), value: z.boolean(), unit: z.literal('none') });
const RatesByTermRule = z.strictObject({
  ...common,
  kind: z.literal('rates-by-term'),
  value: z.array(Term).min(1),
  unit: z.literal('fraction/year'),
  range: Range,
});
const DocumentsRule = z.strictObject({
  ...common,
  kind: z.literal('documents'),
  /** Documents to arrange, each with a stable id and a Dutch name. */
  value: z.array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]+$/), name: z.string().min(1).max(200) })),
  unit: z.literal('none'),
});
const LabelTargetRule = z.strictObject({
  ...common,
  kind: z.literal('label-target'),
  /** Labels the owner group must have removed from its stock by the end of `byYear`. */
  value: z.strictObject({
    owner: z.enum(['corporation']),
    removeLabels: z.array(z.enum(ENERGY_LABELS)).min(1),
    byYear: z.number().int(),
  }),
  unit: z.literal('year'),
  range: Range,
});
const DesignationRule = z.strictObject({
  ...common,
  kind: z.literal('designation'),
  /**
   * A municipal instrument that needs a designation before it may be used (the designation in words, the law that
   * gives it) and whether the municipality holds it; `maxShare` is the instrument's cap where it has one.
   */
  value: z.strictObject({
    instrument: z.string().regex(/^[a-z0-9-]+$/),
    requires: z.string().min(1).max(300),
    law: z.string().min(1).max(300),
    designated: z.boolean(),
    maxShare: z.number().optional(),
  }),
  unit: z.literal('fraction'),
  range: Range,
});

export const RuleRowSchema = z.discriminatedUnion('kind', [
  NumberRule,
  FlagRule,
  RatesByTermRule,
  DocumentsRule,
  LabelTargetRule,
  DesignationRule,
]);
export type RuleRow = z.infer<typeof RuleRowSchema>;
export type RuleKind = RuleRow['kind'];
export type RuleOfKind<K extends RuleKind> = Extract<RuleRow, { kind: K }>;
export const RULE_KINDS = ['number', 'flag', 'rates-by-term', 'documents', 'label-target', 'designation'] as const;

/** A rules file: rows of any kinds; keys starting with `$` are comments. */
export const RulesFileSchema = z.strictObject({ rules: z.array(z.unknown()).min(1) });

/** A validated row with where it came from and its version (`id@validFrom`), which outputs cite. */
export type LoadedRule = RuleRow & { file: string; row: number; version: string };

/** Every number a row's value holds, with its path inside `value`, for the range check. */
export function valueNumbers(r: RuleRow): { path: (string | number)[]; n: number }[] {
  switch (r.kind) {
    case 'number':
      return [{ path: [], n: r.value }];
    case 'rates-by-term':
      return r.value.map((t, i) => ({ path: [i, 'annualRate'], n: t.annualRate }));
    case 'label-target':
      return [{ path: ['byYear'], n: r.value.byYear }];
    case 'designation':
      return r.value.maxShare === undefined ? [] : [{ path: ['maxShare'], n: r.value.maxShare }];
    case 'flag':
    case 'documents':
      return [];
  }
}
