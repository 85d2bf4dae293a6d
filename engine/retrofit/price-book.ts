/**
 * The price book: every unit price with its base year, indexed to the planning year with a bouwkostenindex
 * series (config/retrofit-prices.default.json). A price without a base year, or an index without the years it
 * needs, is refused with a coded issue; outputs name the book's id and planning year.
 */
import { z } from 'zod';
import shippedPriceBook from '../../config/retrofit-prices.default.json' with { type: 'json' };
import { IsoDate } from '../dwelling.ts';
import { fail, ok, type Issue, type Result } from '../result.ts';
import { zodIssues } from './zod-issues.ts';

const Year = z.number().int().min(1990).max(2100);
const Dated = { baseYear: Year, source: z.string().min(1).max(400) };

export const PriceBookSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,60}$/),
  planningYear: Year,
  validFrom: IsoDate,
  validTo: IsoDate,
  source: z.string().min(1).max(400),
  index: z.strictObject({
    name: z.string().min(1).max(200),
    source: z.string().min(1).max(400),
    /** True when the series is rounded or approximate: outputs say so. */
    approximate: z.boolean(),
    values: z.record(z.string().regex(/^\d{4}$/), z.number().positive()),
  }),
  unitPrices: z.strictObject({
    tnoElementCosts: z.strictObject(Dated),
    floorInsulation: z.strictObject({ ...Dated, eurPerM2: z.number().positive().max(500) }),
    hybridHeatPump: z.strictObject({
      ...Dated,
      fixedEur: z.number().min(0).max(50_000),
      perKwEur: z.number().min(0).max(5_000),
    }),
  }),
});
export type PriceBook = z.infer<typeof PriceBookSchema>;

/** Prices indexed to the planning year: factors and the indexed overrides the score tables use. */
export interface IndexedPrices {
  id: string;
  planningYear: number;
  approximateIndex: boolean;
  /** Factor from the TNO table's base year to the planning year. */
  tnoFactor: number;
  floorEurPerM2: number;
  hybridFixedEur: number;
  hybridPerKwEur: number;
}

const UNIT_PRICES = ['tnoElementCosts', 'floorInsulation', 'hybridHeatPump'] as const;

/** Validates a price book; a unit price without `baseYear` gets its own code so the refusal says exactly that. */
export function parsePriceBook(json: unknown): Result<PriceBook> {
  const prices = (json as { unitPrices?: Record<string, unknown> } | null)?.unitPrices;
  const missing: Issue[] = [];
  for (const k of UNIT_PRICES) {
    const p = prices?.[k] as Record<string, unknown> | undefined;
    if (p && typeof p === 'object' && p.baseYear === undefined) {
      missing.push({
        code: 'prices.base-year.missing',
        path: ['unitPrices', k, 'baseYear'],
        message: `unitPrices.${k}.baseYear: required; every price states the year its figures are in (e.g. 2025)`,
      });
    }
  }
  if (missing.length) return fail(...missing);
  const r = PriceBookSchema.safeParse(json);
  if (!r.success) return fail(...zodIssues('prices', PriceBookSchema, r.error));
  if (r.data.validFrom > r.data.validTo)
    return fail({
      code: 'prices.validity',
      path: ['validTo'],
      message: `validTo ${r.data.validTo} is before validFrom ${r.data.validFrom}`,
    });
  return ok(r.data);
}

/** The index ratio planning year ÷ base year; a coded issue when the series lacks either year. */
function factor(book: PriceBook, baseYear: number, path: string): Result<number> {
  const to = book.index.values[String(book.planningYear)],
    from = book.index.values[String(baseYear)];
  for (const [y, v] of [
    [book.planningYear, to],
    [baseYear, from],
  ] as const) {
    if (v === undefined)
      return fail({
        code: 'prices.index.missing-year',
        path: ['index', 'values', String(y)],
        message: `index.values: no value for ${y}, needed to index ${path} to ${book.planningYear}`,
      });
  }
  return ok(to! / from!);
}

export function indexPrices(book: PriceBook): Result<IndexedPrices> {
  const u = book.unitPrices;
  const tno = factor(book, u.tnoElementCosts.baseYear, 'unitPrices.tnoElementCosts');
  const floor = factor(book, u.floorInsulation.baseYear, 'unitPrices.floorInsulation');
  const hybrid = factor(book, u.hybridHeatPump.baseYear, 'unitPrices.hybridHeatPump');
  if (!tno.ok) return tno;
  if (!floor.ok) return floor;
  if (!hybrid.ok) return hybrid;
  return ok({
    id: book.id,
    planningYear: book.planningYear,
    approximateIndex: book.index.approximate,
    tnoFactor: tno.value,
    floorEurPerM2: u.floorInsulation.eurPerM2 * floor.value,
    hybridFixedEur: u.hybridHeatPump.fixedEur * hybrid.value,
    hybridPerKwEur: u.hybridHeatPump.perKwEur * hybrid.value,
  });
}

function shipped(): IndexedPrices {
  const book = parsePriceBook(shippedPriceBook);
  if (!book.ok)
    throw new Error(`config/retrofit-prices.default.json is invalid: ${book.issues.map((i) => i.message).join('; ')}`);
  const indexed = indexPrices(book.value);
  if (!indexed.ok)
    throw new Error(`config/retrofit-prices.default.json: ${indexed.issues.map((i) => i.message).join('; ')}`);
  return indexed.value;
}

/** The shipped price book, indexed to its planning year. */
export const DEFAULT_INDEXED_PRICES: IndexedPrices = shipped();
