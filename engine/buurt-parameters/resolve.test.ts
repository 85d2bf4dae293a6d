import { describe, expect, it } from 'vitest';
import type { Buurt } from '../dwelling.ts';
import type { EnergyPovertyIndicators } from '../registers.ts';
import { DEFAULT_BUURT_PARAMETERS as CFG } from './buurt-parameters-config.ts';
import { buurtColumns, LOW_INCOME_SOURCES, resolveBuurtParameters, withLowIncomeShare } from './resolve.ts';

const buurt = (buurtcode: string, lowIncomeShare: number | null) => ({ buurtcode, lowIncomeShare }) as Buurt;
const row = (regionCode: string, year: number, heq: number | null, lihe: number | null, lilek: number | null) =>
  ({
    regionCode,
    year,
    heqPct: heq,
    lihePct: lihe,
    lilekPct: lilek,
    households: null,
    table: 't',
    dataDate: `${year}-12-31`,
  }) satisfies EnergyPovertyIndicators;

describe('resolveBuurtParameters', () => {
  it('takes the low-income share from CBS, else the file row, else the stated fallback — and warns for the fallback', () => {
    const r = resolveBuurtParameters(['BU16740300', 'BU16740202', 'BU16749999'], {
      buurten: [buurt('BU16740300', 0.2), buurt('BU16740202', null)],
    });
    const at = (c: string) => r.byCode.get(c)!;
    expect(at('BU16740300')).toMatchObject({ lowIncomeShare: 0.2, lowIncomeSource: 'cbs' });
    expect(at('BU16740202')).toMatchObject({ lowIncomeShare: 0.42, lowIncomeSource: 'config', synthetic: true });
    expect(at('BU16749999')).toMatchObject({
      lowIncomeShare: CFG.fallback.incomeShares.laag,
      lowIncomeSource: 'fallback',
      synthetic: false,
    });
    expect(r.warnings.map((w) => [w.code, w.path])).toEqual([['buurt-parameters.fallback', ['buurten', 'BU16749999']]]);
    expect(r.configId).toBe(CFG.id);
  });

  it('keeps the other bands in proportion when CBS sets the low band, and the bands add up to 1', () => {
    const s = withLowIncomeShare({ laag: 0.4, daeb: 0.3, midden: 0.2, hoog: 0.1 }, 0.1);
    expect(s.laag).toBe(0.1);
    expect(s.daeb / s.midden).toBeCloseTo(1.5, 12);
    expect(s.laag + s.daeb + s.midden + s.hoog).toBeCloseTo(1, 12);
  });

  it('takes HEQ/LIHE/LILEK from the buurt row of the Monitor, a suppressed cell from its wijk, then gemeente, then the file', () => {
    const monitor = [
      row('BU16740202', 2021, 8, 5, 4),
      row('BU16740202', 2022, 9.5, null, null),
      row('WK167402', 2022, 7, 6, null),
      row('GM1674', 2022, 6, 5, null),
    ];
    const r = resolveBuurtParameters(['BU16740202'], { energyPoverty: monitor });
    const ep = r.byCode.get('BU16740202')!.energyPoverty;
    expect(ep.heq).toEqual({ share: 0.095, source: 'monitor', region: 'BU16740202', year: 2022 });
    expect(ep.lihe).toEqual({ share: 0.06, source: 'monitor', region: 'WK167402', year: 2022 });
    // No monitor figure at any level: the parameters file's row (null there: unknown, said so).
    expect(ep.lilek).toEqual({ share: null, source: 'unknown', region: null, year: null });
    expect(r.warnings.map((w) => w.path)).toEqual([
      ['energyPoverty', 'BU16740202', 'lihe'],
      ['energyPoverty', 'BU16740202', 'lilek'],
    ]);
  });

  it('without a Monitor import uses the file, and the fallback for unknown buurten (national figures)', () => {
    const r = resolveBuurtParameters(['BU16740500']);
    expect(r.byCode.get('BU16740500')!.energyPoverty.heq).toEqual({
      share: CFG.fallback.energyPoverty.heq,
      source: 'fallback',
      region: null,
      year: null,
    });
  });

  it('gives columns aligned with a table’s buurt codes, and refuses a code it did not resolve', () => {
    const set = resolveBuurtParameters(['BU16740202', 'BU16740300'], { buurten: [buurt('BU16740300', 0.25)] });
    const c = buurtColumns(set, ['BU16740300', 'BU16740202']);
    expect([...c.lowIncomeShare]).toEqual([Math.fround(0.25), Math.fround(0.42)]);
    expect([...c.source].map((k) => LOW_INCOME_SOURCES[k])).toEqual(['cbs', 'config']);
    expect([...c.quoteIncomeEur]).toEqual([CFG.incomeBands.netEurPerYear.laag, CFG.incomeBands.netEurPerYear.laag]);
    expect(() => buurtColumns(set, ['BU16740301'])).toThrow(/BU16740301 was not resolved/);
  });
});
