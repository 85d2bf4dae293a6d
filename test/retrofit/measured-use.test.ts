import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES } from '../../engine/dwelling.ts';
import type { MeasuredGasUse } from '../../engine/registers.ts';
import { syntheticStock } from '../../geodata/reference/retrofit-synthetic-stock.ts';
import { uncalibratedScores } from '../../engine/retrofit/calibration.ts';
import { MEASURED_SOURCES } from '../../engine/retrofit/measured-targets.ts';
import { calibrateToMeasured, measuredTargets } from '../../engine/retrofit/measured-use.ts';
import { DEFAULT_PARAMS } from '../../engine/retrofit/params.ts';

const { stock, buurtCodes } = syntheticStock();
const row = (
  regionCode: string,
  characteristic: MeasuredGasUse['characteristic'],
  gasM3: number | null,
  year = 2023,
): MeasuredGasUse => ({ regionCode, characteristic, gasM3, year, table: '85999NED', dataDate: `${year}-12-31` });
const firstBuurt = buurtCodes.find((c) => /^BU1674/.test(c))!;
const wijk = `WK${firstBuurt.slice(2, 8)}`;

describe('measured gas use per dwelling: buurt, else wijk, else gemeente, else the labelled regional proxy', () => {
  it("the synthetic stock lies in Roosendaal's buurten", () => expect(firstBuurt).toMatch(/^BU1674\d{4}$/));

  it('without imported rows every dwelling uses the regional proxy, and says so', () => {
    const t = measuredTargets(stock, buurtCodes, []);
    expect(t.counts['regional-proxy']).toBe(stock.count);
    expect(t.year).toBeNull();
  });

  it('takes the buurt row, falls back to wijk and gemeente, and treats a suppressed cell as missing', () => {
    const rows = [
      row(firstBuurt, 'tussenwoning', 1111),
      row(firstBuurt, 'appartement', null),
      row(wijk, 'appartement', 777),
      row('GM1674', 'tussenwoning', 999),
      row('GM1674', 'tussenwoning', 500, 2021),
    ];
    const t = measuredTargets(stock, buurtCodes, rows);
    for (let i = 0; i < stock.count; i++) {
      const type = DWELLING_TYPES[stock.type[i]!]!,
        bu = buurtCodes[stock.buurt[i]!]!;
      const src = MEASURED_SOURCES[t.source[i]!];
      if (type === 'tussenwoning') {
        expect([src, t.gasM3[i]]).toEqual(bu === firstBuurt ? ['buurt', 1111] : ['gemeente', 999]);
      } else if (
        ['portiek', 'galerij', 'maisonnette', 'overig'].includes(type) &&
        bu.startsWith(`BU${wijk.slice(2)}`)
      ) {
        expect([src, t.gasM3[i]]).toEqual(['wijk', 777]);
      } else if (type === 'vrijstaand') {
        expect(src).toBe('regional-proxy');
      }
    }
    expect(t.year).toBe(2023);
    expect(Object.values(t.counts).reduce((a, b) => a + b, 0)).toBe(stock.count);
  });

  it("sets each type's level so modelled use meets the measured rows in total", () => {
    const rows = [row('GM1674', 'tussenwoning', 1000), row('GM1674', 'appartement', 700)];
    const r = calibrateToMeasured(stock, buurtCodes, DEFAULT_PARAMS, rows);
    if (!r.ok) throw new Error('calibration failed');
    const raw = uncalibratedScores(stock, DEFAULT_PARAMS).gasM3;
    const tussen = DWELLING_TYPES.indexOf('tussenwoning');
    let m = 0,
      n = 0;
    for (let i = 0; i < stock.count; i++)
      if (stock.type[i] === tussen) {
        m += raw[i]! * r.value.calibration.kByType.tussenwoning;
        n++;
      }
    expect(m / n).toBeCloseTo(1000, 6);
    expect(r.value.calibration.ep2ScaleByType).toEqual(DEFAULT_PARAMS.calibration.ep2ScaleByType);
  });
});
