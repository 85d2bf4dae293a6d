import { describe, expect, it } from 'vitest';
import { DWELLING_TYPES, ELEMENT_LEVELS, ELEMENTS, ENERGY_LABELS, OWNERSHIP_CATEGORIES } from '../../dwelling.ts';
import { createRng } from '../../rng.ts';
import { AZIMUTH_UNKNOWN } from '../ecology.ts';
import { createScoreKernel } from './kernel-score.ts';
import { ECOLOGY_ROUTES } from '../measure-ids.ts';
import { generateNationalStock } from './national-stock.ts';
import { DEFAULT_PARAMS } from '../params.ts';
import { allocScores, scoreRange, type ScoreColumns } from '../score-table.ts';
import { buildScoreTables, type ScoreTables } from '../score-tables.ts';
import { FLOOR_LEVEL_UNKNOWN, LABEL_UNKNOWN, type RetrofitStock } from '../stock.ts';
import { DEFAULT_WEIGHTS } from '../weights.ts';
import { whatIf } from '../what-if.ts';

const SUMMARY = [
  'gasM3',
  'labelBefore',
  'applicable',
  'packageCostEur',
  'packageSavingM3',
  'packageBillEur',
  'packageLabelAfter',
  'riskScore',
  'route',
  'priority',
] as const;
const N = 20_000;

/** A national-stock sample with the rarer inputs forced in: unknown labels and floors, unknown storeys, price modes, known elements. */
function sampleStock(): RetrofitStock {
  const s = generateNationalStock({ seed: 4242, count: N });
  const rng = createRng(99);
  for (let i = 0; i < N; i++) {
    const u = rng.next();
    if (u < 0.1) s.label[i] = LABEL_UNKNOWN;
    else if (u < 0.15 && s.type[i]! >= 4) s.floorLevel[i] = FLOOR_LEVEL_UNKNOWN;
    else if (u < 0.18 && s.type[i]! >= 4) s.storeys[i] = 0;
    if (rng.next() < 0.2) s.priceMode[i] = 1 + Math.floor(rng.next() * 2);
    if (rng.next() < 0.1) s.elementsKnown[i] = Math.floor(rng.next() * 16);
  }
  return s;
}

const codes = (s: RetrofitStock) => new Array<string>(s.buurtLowIncomeShare.length).fill('');
const tablesOf = (s: RetrofitStock): ScoreTables =>
  buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, codes(s), s.buurtLowIncomeShare);

/** Dwelling i as a one-row stock (the shape what-if scores). */
function oneRow(s: RetrofitStock, i: number): RetrofitStock {
  const row = { ...s, count: 1 } as RetrofitStock;
  for (const [k, v] of Object.entries(s)) {
    if (ArrayBuffer.isView(v) && k !== 'buurtLowIncomeShare')
      (row as unknown as Record<string, unknown>)[k] = (v as Uint8Array).slice(i, i + 1);
  }
  row.buurt = Uint16Array.of(0);
  row.buurtLowIncomeShare = Float32Array.of(s.buurtLowIncomeShare[s.buurt[i]!]!);
  return row;
}

/** Field-by-field, bit for bit (Object.is also tells 0 from −0 and NaN from NaN). */
function expectRowEqual(k: ScoreColumns, i: number, ref: ScoreColumns, j: number): void {
  for (const f of SUMMARY)
    expect(Object.is(k[f][i], ref[f][j]), `${f} of dwelling ${i}: kernel ${k[f][i]}, reference ${ref[f][j]}`).toBe(
      true,
    );
  for (let f = 0; f < 5; f++)
    expect(Object.is(k.factors[i * 5 + f], ref.factors[j * 5 + f]), `factor ${f} of dwelling ${i}`).toBe(true);
}

describe('whole-stock scoring kernel (WebAssembly)', () => {
  const src = sampleStock();
  const T = tablesOf(src);
  const kernel = createScoreKernel(src);
  kernel.score(T, 0, N);

  it('keeps the stock: its columns are views on the kernel memory with the same values', () => {
    for (const [k, v] of Object.entries(src)) {
      if (!ArrayBuffer.isView(v)) continue;
      const a = v as Float32Array,
        b = kernel.stock[k as keyof RetrofitStock] as Float32Array;
      expect(b.length, k).toBe(a.length);
      expect(
        a.every((x, i) => Object.is(x, b[i])),
        k,
      ).toBe(true);
    }
    expect(kernel.stock.type.buffer).toBe(kernel.scores.priority.buffer);
  });

  it('equals scoreRange (score-table.ts) in summary mode on every dwelling, bit for bit', () => {
    const ref = allocScores(N, { measures: false });
    scoreRange(src, T, ref, 0, N);
    for (const f of [...SUMMARY, 'factors'] as const) {
      let first = -1;
      for (let i = 0; i < ref[f].length && first < 0; i++) if (!Object.is(ref[f][i], kernel.scores[f][i])) first = i;
      expect(first, `${f} differs first at ${first}`).toBe(-1);
    }
  });

  it('equals the per-dwelling slow path (a one-row stock in full mode, as what-if scores) on 3,000 random dwellings', () => {
    const rng = createRng(7);
    for (let n = 0; n < 3000; n++) {
      const i = Math.floor(rng.next() * N);
      const row = oneRow(src, i);
      const ref = allocScores(1);
      // The row's one buurt carries the dwelling's resolved low-income share (rebuilding all tables per row takes 5 ms).
      scoreRange(row, { ...T, buurtShare: Float32Array.of(T.buurtShare[src.buurt[i]!]!) }, ref, 0, 1);
      expectRowEqual(kernel.scores, i, ref, 0);
    }
  });

  it('agrees with whatIf() (measures, package, label, route, priority as it reports them) on 300 random dwellings', () => {
    const rng = createRng(11);
    const minLevel = T.minLevel;
    for (let n = 0; n < 300; n++) {
      const i = Math.floor(rng.next() * N);
      const t = DWELLING_TYPES[src.type[i]!]!;
      const flat = src.type[i]! >= 4;
      const y = src.bouwjaar[i]!;
      // what-if marks given elements as known; pass the level the stock's scoring uses (raised to the build year's minimum unless known).
      const elements = Object.fromEntries(
        ELEMENTS.map((e, k) => {
          const level = [src.cavityWall, src.roof, src.floor, src.glazing][k]![i]!;
          const known = (src.elementsKnown[i]! >> k) & 1;
          return [e, ELEMENT_LEVELS[known ? level : Math.max(level, minLevel[Math.min(y, 2100) * 4 + k]!)]!];
        }),
      );
      const share = src.buurtLowIncomeShare[src.buurt[i]!]!;
      const r = whatIf({
        type: t,
        bouwjaar: y,
        oppervlakte: src.oppervlakte[i]!,
        date: '2026-03-01',
        eigendom: OWNERSHIP_CATEGORIES[src.ownership[i]!],
        ...(src.label[i] === LABEL_UNKNOWN ? {} : { label: ENERGY_LABELS[src.label[i]!] }),
        ...(src.storeys[i] ? { storeys: src.storeys[i] } : {}),
        ...(flat && src.floorLevel[i] !== FLOOR_LEVEL_UNKNOWN && src.storeys[i]
          ? { floorLevel: src.floorLevel[i] }
          : {}),
        roofShape: src.flatRoof[i] ? 'plat' : 'hellend',
        ...(src.facadeAzimuthDeg[i] === AZIMUTH_UNKNOWN ? {} : { facadeAzimuthDeg: src.facadeAzimuthDeg[i] }),
        inVve: src.vve[i]! >= 0,
        ...(src.priceMode[i] ? { blockWise: src.priceMode[i] === 2 } : {}),
        elements,
        ...(Number.isNaN(share) ? {} : { lowIncomeShare: share }),
      });
      if (!r.ok) throw new Error(`dwelling ${i}: ${JSON.stringify(r.issues)}`);
      const w = r.value,
        k = kernel.scores;
      const at = `dwelling ${i}`;
      expect(w.labelBefore, at).toBe(ENERGY_LABELS[k.labelBefore[i]!]);
      expect(w.gasUseM3PerYear, at).toBe(Math.round(k.gasM3[i]!));
      expect(w.package.measures.length, at).toBe([0, 1, 2, 3, 4].filter((m) => (k.applicable[i]! >> m) & 1).length);
      expect(w.package.costEur, at).toBe(Math.round(k.packageCostEur[i]!));
      expect(w.package.gasSavingM3PerYear, at).toBe(Math.round(k.packageSavingM3[i]!));
      expect(w.package.billSavingEurPerYear, at).toBe(Math.round(k.packageBillEur[i]!));
      expect(w.package.labelAfter, at).toBe(ENERGY_LABELS[k.packageLabelAfter[i]!]);
      expect(w.ecology.route, at).toBe(ECOLOGY_ROUTES[k.route[i]!]);
      expect(w.ecology.riskScore, at).toBe(Math.round(k.riskScore[i]! * 1000) / 1000);
      expect(w.priority.score, at).toBe(Math.round(k.priority[i]! * 10) / 10);
    }
  });

  it('scores in ranges exactly as in one pass, and again after a weight change like a fresh kernel', () => {
    const again = createScoreKernel(src);
    again.score(T, 0, 7_001);
    again.score(T, 7_001, N);
    expect(again.scores.priority).toEqual(kernel.scores.priority);
    const heavier = buildScoreTables(
      DEFAULT_PARAMS,
      { ...DEFAULT_WEIGHTS, factors: { ...DEFAULT_WEIGHTS.factors, energyPoverty: 0.9 } },
      codes(src),
      src.buurtLowIncomeShare,
    );
    again.score(heavier, 0, N);
    const ref = allocScores(N, { measures: false });
    scoreRange(src, heavier, ref, 0, N);
    expect(again.scores.priority).toEqual(ref.priority);
    expect(again.scores.priority).not.toEqual(kernel.scores.priority);
  });

  it('rejects codes the tables have no row for, naming row and column', () => {
    const bad = { ...src, type: src.type.slice() };
    bad.type[17] = 9;
    expect(() => createScoreKernel(bad)).toThrow(/row 17, column type: 9/);
    const badBuurt = { ...src, buurt: src.buurt.slice() };
    badBuurt.buurt[3] = src.buurtLowIncomeShare.length;
    expect(() => createScoreKernel(badBuurt)).toThrow(/row 3, column buurt/);
    expect(() =>
      kernel.score(buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, [''], Float32Array.of(NaN)), 0, N),
    ).toThrow(/buurten/);
  });
});
