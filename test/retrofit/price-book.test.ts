import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONFIG_FILES } from '../../config/config-files.ts';
import {
  DEFAULT_INDEXED_PRICES,
  indexPrices,
  parsePriceBook,
  type PriceBook,
} from '../../engine/retrofit/price-book.ts';
import { whatIf } from '../../engine/retrofit/what-if.ts';

const shipped = JSON.parse(readFileSync(CONFIG_FILES.retrofitPrices, 'utf8')) as PriceBook;
const clone = (): PriceBook => structuredClone(shipped);

describe('price book: unit prices with a base year, indexed to the planning year', () => {
  it('the shipped book validates, and the engine uses it indexed to its planning year', () => {
    const r = parsePriceBook(shipped);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    const x = indexPrices(r.value);
    expect(x.ok && x.value).toEqual(DEFAULT_INDEXED_PRICES);
    const v = shipped.index.values;
    expect(DEFAULT_INDEXED_PRICES.tnoFactor).toBeCloseTo(
      v[String(shipped.planningYear)]! / v[String(shipped.unitPrices.tnoElementCosts.baseYear)]!,
      12,
    );
  });

  it.each(['tnoElementCosts', 'floorInsulation', 'hybridHeatPump'] as const)(
    'refuses %s without a base year with its own code, naming the field',
    (key) => {
      const b = clone() as unknown as { unitPrices: Record<string, Record<string, unknown>> };
      delete b.unitPrices[key]!.baseYear;
      expect(parsePriceBook(b)).toMatchObject({
        ok: false,
        issues: [{ code: 'prices.base-year.missing', path: ['unitPrices', key, 'baseYear'] }],
      });
    },
  );

  it('refuses an index that lacks a year it needs', () => {
    const b = clone();
    delete b.index.values['2020'];
    const r = parsePriceBook(b);
    if (!r.ok) throw new Error('book should parse');
    expect(indexPrices(r.value)).toMatchObject({
      ok: false,
      issues: [{ code: 'prices.index.missing-year', path: ['index', 'values', '2020'] }],
    });
  });

  it('indexes: a later planning year makes every price dearer by the index ratio', () => {
    const b = clone();
    b.planningYear = 2026;
    const base = indexPrices(b);
    b.index.values['2026'] = b.index.values['2026']! * 1.1;
    const later = indexPrices(b);
    if (!base.ok || !later.ok) throw new Error('index failed');
    expect(later.value.hybridFixedEur / base.value.hybridFixedEur).toBeCloseTo(1.1, 12);
    expect(later.value.tnoFactor / base.value.tnoFactor).toBeCloseTo(1.1, 12);
  });

  it.each([
    ['tussenwoning', 1968, 95],
    ['hoekwoning', 1968, 105],
    ['twee-onder-een-kap', 1965, 130],
    ['vrijstaand', 1970, 150],
    ['portiek', 1960, 65],
  ] as const)(
    '%s %i, %i m²: floor €30–45/m² and hybrid heat pump €4,000–7,000 installed before subsidy',
    (type, bouwjaar, oppervlakte) => {
      // A flat on the ground floor of a four-storey block (so it has the floor); houses of two floors (the default).
      const position = type === 'portiek' ? { floorLevel: 0, storeys: 4 } : {};
      const w = whatIf({ type, bouwjaar, oppervlakte, date: '2026-01-01', ...position });
      if (!w.ok) throw new Error('what-if failed');
      const floor = w.value.measures.find((m) => m.id === 'floor')!;
      const hybrid = w.value.measures.find((m) => m.id === 'hybrid-heat-pump')!;
      const footprint = type === 'portiek' ? oppervlakte : oppervlakte / 2;
      expect(floor.costEur / footprint).toBeGreaterThanOrEqual(30);
      expect(floor.costEur / footprint).toBeLessThanOrEqual(45);
      expect(hybrid.costEur).toBeGreaterThanOrEqual(4000);
      expect(hybrid.costEur).toBeLessThanOrEqual(7000);
    },
  );
});
