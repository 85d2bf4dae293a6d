/**
 * Subsidies as dated data (config/retrofit-subsidies.default.json): one row per scheme and validity period,
 * each with its source and retrieval date. They change the owner's net cost, not the measure's cost
 * (docs/domain.md §5), so the what-if shows both. A row whose figures could not be verified says
 * `assumption: true`; a scheme whose amounts are unknown is a `placeholder` and counts as €0.
 */
import { z } from 'zod';
import shippedSubsidies from '../../config/retrofit-subsidies.default.json' with { type: 'json' };
import { IsoDate } from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { MEASURE_IDS, type MeasureId } from './measure-ids.ts';
import { zodIssueCodes, zodIssues } from './zod-issues.ts';

export const TENURES = ['owner-occupier', 'vve', 'other'] as const;
export type Tenure = (typeof TENURES)[number];

/** A share of the measure's gross cost (optionally capped) or a fixed amount; never more than the gross cost. */
const Amount = z.union([
  z.strictObject({ shareOfCost: z.number().min(0).max(1), maxEur: z.number().min(0).max(50_000).optional() }),
  z.strictObject({ fixedEur: z.number().min(0).max(50_000) }),
]);
const Rate = z.strictObject({
  /** Measures the package must hold for this rate (ISDE: two measures for the higher rate). */
  minMeasures: z.number().int().min(1).max(MEASURE_IDS.length),
  measures: z.partialRecord(z.enum(MEASURE_IDS), Amount),
});
const Row = z.strictObject({
  scheme: z.string().regex(/^[a-z0-9-]{1,60}$/),
  version: z.string().regex(/^[a-z0-9-]{1,60}$/),
  tenures: z.array(z.enum(TENURES)).min(1),
  validFrom: IsoDate,
  validTo: IsoDate,
  source: z.string().min(1).max(600),
  retrieved: IsoDate,
  assumption: z.boolean(),
  placeholder: z.boolean(),
  note: z.string().max(600).optional(),
  rates: z.array(Rate),
});
export const SubsidyBookSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  source: z.string().min(1).max(400),
  rows: z.array(Row).min(1),
});
export type SubsidyBook = z.infer<typeof SubsidyBookSchema>;

/** Every code a subsidy file or a subsidy look-up can give. */
export const SUBSIDY_ISSUE_CODES = [
  ...zodIssueCodes('subsidies'),
  'subsidies.source.missing',
  'subsidies.validity',
  'subsidies.validity.overlap',
  'subsidies.date.uncovered',
] as const;
export type SubsidyIssueCode = (typeof SUBSIDY_ISSUE_CODES)[number];
export type SubsidyRow = z.infer<typeof Row>;

export interface RuleUsed {
  scheme: string;
  version: string;
  validFrom: string;
  validTo: string;
  source: string;
  retrieved: string;
  assumption: boolean;
  placeholder: boolean;
  note?: string;
}

export interface MeasureSubsidy {
  id: MeasureId;
  grossEur: number;
  subsidyEur: number;
  netEur: number;
  /** Versions of the rows that paid for this measure. */
  versions: string[];
}

export interface SubsidyOutcome {
  bookId: string;
  tenure: Tenure;
  date: string;
  measures: MeasureSubsidy[];
  grossEur: number;
  subsidyEur: number;
  netEur: number;
  /** Every row valid on the date for this tenure, paying or not (a placeholder pays nothing). */
  rulesUsed: RuleUsed[];
}

const overlaps = (a: SubsidyRow, b: SubsidyRow) => a.validFrom <= b.validTo && b.validFrom <= a.validTo;

/** Validates a subsidy file: schema, then per row a source, an ordered period, and no overlap within a scheme. */
export function parseSubsidyBook(json: unknown): Result<SubsidyBook, SubsidyIssueCode> {
  const rows = (json as { rows?: unknown } | null)?.rows;
  const missing: Issue<SubsidyIssueCode>[] = [];
  if (Array.isArray(rows)) {
    rows.forEach((r, i) => {
      const s = (r as Record<string, unknown> | null)?.source;
      if (r && typeof r === 'object' && (s === undefined || s === '')) {
        missing.push({
          code: 'subsidies.source.missing',
          path: ['rows', i, 'source'],
          message: `rows.${i}.source: required; every subsidy row names where its figures come from`,
        });
      }
    });
  }
  if (missing.length) return fail(...missing);
  const r = SubsidyBookSchema.safeParse(json);
  if (!r.success) return fail(...zodIssues('subsidies', SubsidyBookSchema, r.error));
  const issues: Issue<SubsidyIssueCode>[] = [];
  r.data.rows.forEach((row, i) => {
    if (row.validFrom > row.validTo)
      issues.push({
        code: 'subsidies.validity',
        path: ['rows', i, 'validTo'],
        message: `rows.${i}.validTo: ${row.validTo} is before validFrom ${row.validFrom} (${row.version})`,
      });
    r.data.rows.slice(0, i).forEach((prev, j) => {
      if (prev.scheme === row.scheme && overlaps(prev, row)) {
        issues.push({
          code: 'subsidies.validity.overlap',
          path: ['rows', i, 'validFrom'],
          message: `rows.${i}.validFrom: ${row.version} (${row.validFrom} – ${row.validTo}) overlaps rows.${j} ${prev.version} (${prev.validFrom} – ${prev.validTo}) of scheme ${row.scheme}`,
        });
      }
    });
  });
  return issues.length ? fail(...issues) : ok(r.data);
}

const amountOf = (a: z.infer<typeof Amount>, gross: number): number =>
  Math.min(gross, 'fixedEur' in a ? a.fixedEur : Math.min(a.shareOfCost * gross, a.maxEur ?? Infinity));

/**
 * Subsidy per measure and the owner's net cost for one package on one date. Rows valid on `date` for the
 * tenure apply; per row the highest rate whose minimum measure count the package meets. A date that no row
 * of the file covers is a coded issue: the figures for that date are unknown, not zero.
 */
export function subsidiesFor(
  book: SubsidyBook,
  tenure: Tenure,
  measures: readonly { id: MeasureId; grossEur: number }[],
  date: string,
): Result<SubsidyOutcome, 'subsidies.date.uncovered'> {
  if (!book.rows.some((r) => r.validFrom <= date && date <= r.validTo)) {
    const periods = book.rows.map((r) => `${r.version} ${r.validFrom} – ${r.validTo}`).join('; ');
    return fail({
      code: 'subsidies.date.uncovered',
      path: ['date'],
      message: `date: no row of subsidy file ${book.id} covers ${date}; rows cover ${periods}`,
    });
  }
  const rows = book.rows.filter((r) => r.validFrom <= date && date <= r.validTo && r.tenures.includes(tenure));
  const out: MeasureSubsidy[] = measures.map((m) => ({
    id: m.id,
    grossEur: m.grossEur,
    subsidyEur: 0,
    netEur: m.grossEur,
    versions: [],
  }));
  for (const row of rows) {
    const rate = row.rates
      .filter((t) => t.minMeasures <= measures.length)
      .sort((a, b) => b.minMeasures - a.minMeasures)[0];
    if (!rate) continue;
    for (const m of out) {
      const a = rate.measures[m.id];
      const eur = a ? Math.round(Math.min(amountOf(a, m.grossEur), m.netEur)) : 0;
      if (eur <= 0) continue;
      m.subsidyEur += eur;
      m.netEur -= eur;
      m.versions.push(row.version);
    }
  }
  const sum = (k: 'grossEur' | 'subsidyEur' | 'netEur') => out.reduce((s, m) => s + m[k], 0);
  return ok({
    bookId: book.id,
    tenure,
    date,
    measures: out,
    grossEur: sum('grossEur'),
    subsidyEur: sum('subsidyEur'),
    netEur: sum('netEur'),
    rulesUsed: rows.map((r) => ({
      scheme: r.scheme,
      version: r.version,
      validFrom: r.validFrom,
      validTo: r.validTo,
      source: r.source,
      retrieved: r.retrieved,
      assumption: r.assumption,
      placeholder: r.placeholder,
      ...(r.note ? { note: r.note } : {}),
    })),
  });
}

function shipped(): SubsidyBook {
  const book = parseSubsidyBook(shippedSubsidies);
  if (!book.ok)
    throw new Error(
      `config/retrofit-subsidies.default.json is invalid: ${book.issues.map((i) => i.message).join('; ')}`,
    );
  return book.value;
}

/** The shipped subsidy file. */
export const DEFAULT_SUBSIDIES: SubsidyBook = shipped();
