import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES } from '../dwelling.ts';
import { toColumns } from '../dwelling-table.ts';
import { smallDataset } from '../test-fixtures/small-dataset.ts';
import { calibrateLabels, MIN_REGISTERED_PER_TYPE, paramsForLabels, plainEp2 } from './label-calibration.ts';
import { labelIndexOf } from './labels.ts';
import { DEFAULT_PARAMS } from './params.ts';
import { LABEL_UNKNOWN, retrofitContext, stockOf, type RetrofitStock } from './stock.ts';

const ds = smallDataset();
const t = toColumns(ds.dwellings);
const small = stockOf(t, retrofitContext(ds, t.buurtCodes));

/** The stock repeated k times (every per-dwelling column), so each type has enough registered labels. */
function repeated(s: RetrofitStock, k: number): RetrofitStock {
  const out: Record<string, unknown> = { ...s, count: s.count * k };
  for (const [key, v] of Object.entries(s)) {
    if (ArrayBuffer.isView(v) && (v as unknown as { length: number }).length === s.count) {
      const a = v as unknown as Uint8Array;
      const r = new (a.constructor as new (n: number) => Uint8Array)(s.count * k);
      for (let j = 0; j < k; j++) r.set(a, j * s.count);
      out[key] = r;
    }
  }
  return out as unknown as RetrofitStock;
}

const stock = repeated(small, 40);
const ep2 = plainEp2(stock, DEFAULT_PARAMS);
/** Labels as if NTA 8800 gave 0.8 × the plain physics for every dwelling. */
const truth = Uint8Array.from(ep2, (e) => labelIndexOf(e * 0.8));

describe('EP2 label scale per type, calibrated on registered labels only', () => {
  it('recovers a scale that places every registered label of a type when one scale explains them', () => {
    const r = calibrateLabels({ ...stock, label: truth }, DEFAULT_PARAMS);
    if (!r.ok) throw new Error(JSON.stringify(r.issues));
    const calibrated = r.value.types.filter((y) => y.registered >= MIN_REGISTERED_PER_TYPE);
    expect(calibrated.length).toBeGreaterThan(2);
    for (const x of calibrated) {
      expect(x.exact, x.type).toBe(1);
      expect(Math.abs(x.scale - 0.8), x.type).toBeLessThan(0.1);
    }
  });

  it('ignores dwellings without a registered label, and those the caller excludes', () => {
    const label = truth.slice();
    const scrambled = truth.map((l) => (l + 3) % 7);
    for (let i = 0; i < label.length; i += 2) label[i] = LABEL_UNKNOWN;
    const use = (i: number): boolean => i % 4 !== 1;
    const a = calibrateLabels({ ...stock, label }, DEFAULT_PARAMS, use);
    const mixed = label.map((l, i) => (use(i) ? l : scrambled[i]!));
    const b = calibrateLabels({ ...stock, label: mixed }, DEFAULT_PARAMS, use);
    if (!a.ok || !b.ok) throw new Error('calibration failed');
    expect(b.value.ep2ScaleByType).toEqual(a.value.ep2ScaleByType);
  });

  it('keeps the base scale with a warning for a type with too few registered labels', () => {
    const r = calibrateLabels(small, DEFAULT_PARAMS);
    if (!r.ok) throw new Error('calibration failed');
    const thin = r.value.types.filter((x) => x.registered < MIN_REGISTERED_PER_TYPE);
    expect(thin.length).toBeGreaterThan(0);
    for (const x of thin) expect(x.scale).toBe(DEFAULT_PARAMS.calibration.ep2ScaleByType[x.type]);
    expect(r.warnings.map((w) => w.code)).toContain('labels.calibration.few');
  });

  it('paramsForLabels leaves the params alone when no label is registered, and never changes gas levels', () => {
    const none = { ...stock, label: new Uint8Array(stock.count).fill(LABEL_UNKNOWN) };
    expect(paramsForLabels(DEFAULT_PARAMS, none)).toBe(DEFAULT_PARAMS);
    const p = paramsForLabels(DEFAULT_PARAMS, { ...stock, label: truth });
    expect(p.calibration.kByType).toEqual(DEFAULT_PARAMS.calibration.kByType);
    expect(Object.keys(p.calibration.ep2ScaleByType).sort()).toEqual([...DWELLING_TYPES].sort());
  });
});
