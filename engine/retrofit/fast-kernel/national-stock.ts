/**
 * A synthetic national-scale stock in columnar form for the scoring benchmark: seeded, generated straight
 * into typed arrays. Type, period and tenure mixes are rough national shares (L: assumptions of the order
 * of CBS/WoON figures, not data); labels follow Hestia's label shares per type × period × owner and element
 * levels the WoON marginals per label, as in the shipped synthetic set.
 */
import { BUILD_PERIODS } from '../../build-period.ts';
import { ENERGY_LABELS } from '../../dwelling.ts';
import { createRng } from '../../rng.ts';
import { HESTIA_ELEMENT_LEVELS as ELEMENT_LEVEL_MARGINALS } from '../../hestia/element-levels.ts';
import { LABEL_FREQUENCIES } from '../../hestia/label-frequencies-by-build-period.ts';
import { HESTIA_LABELS, HESTIA_OWNERS, HESTIA_TYPES, type WoonPart } from '../../hestia/hestia-types.ts';
import { AZIMUTH_UNKNOWN } from '../ecology.ts';
import { minimumLevel } from '../element-state.ts';
import { hestiaOwnerIndex, hestiaTypeIndex } from '../../hestia/hestia-type.ts';
import type { RetrofitStock } from '../stock.ts';

/** Dwelling type shares in DWELLING_TYPES order (L). */
const TYPE_SHARES = [0.27, 0.11, 0.1, 0.14, 0.13, 0.1, 0.03, 0.12];
/** Period shares in BUILD_PERIODS order for ground-bound and apartment types (L). */
const PERIOD_SHARES_GROUND = [0.13, 0.06, 0.12, 0.15, 0.22, 0.04, 0.05, 0.07, 0.06, 0.03, 0.05, 0.02];
const PERIOD_SHARES_FLAT = [0.12, 0.04, 0.12, 0.17, 0.16, 0.03, 0.04, 0.07, 0.07, 0.05, 0.08, 0.05];
/** Ownership shares (eigenaar-bewoner, corporatie, particuliere verhuur, overig) (L). */
const OWNER_SHARES_GROUND = [0.72, 0.18, 0.09, 0.01];
const OWNER_SHARES_FLAT = [0.3, 0.45, 0.24, 0.01];
/** Mean floor area by type, m² (L). */
const MEAN_AREA = [110, 120, 140, 170, 70, 70, 90, 75];
/** Buurten in the Netherlands, order of magnitude (CBS 2024: ≈ 14,000). */
export const NATIONAL_BUURTEN = 14_000;
const LAST_YEAR = 2024;

function cumulative(w: readonly number[]): Float64Array {
  const c = new Float64Array(w.length);
  let s = 0;
  w.forEach((x, i) => {
    s += x;
    c[i] = s;
  });
  for (let i = 0; i < c.length; i++) c[i]! /= s;
  return c;
}

function draw(c: Float64Array, off: number, len: number, u: number): number {
  for (let k = 0; k < len - 1; k++) if (u < c[off + k]!) return k;
  return len - 1;
}

export interface NationalStockOptions {
  seed: number;
  count: number;
}

/** Empty columns for a stock of `n` dwellings in the national mix's buurten. */
export function allocNationalStock(n: number): RetrofitStock {
  return {
    count: n,
    type: new Uint8Array(n),
    bouwjaar: new Uint16Array(n),
    oppervlakte: new Float32Array(n),
    ownership: new Uint8Array(n),
    vve: new Int32Array(n),
    label: new Uint8Array(n),
    cavityWall: new Uint8Array(n),
    roof: new Uint8Array(n),
    floor: new Uint8Array(n),
    glazing: new Uint8Array(n),
    elementsKnown: new Uint8Array(n),
    floorLevel: new Uint8Array(n),
    buurt: new Uint16Array(n),
    storeys: new Uint8Array(n),
    flatRoof: new Uint8Array(n),
    facadeAzimuthDeg: new Uint16Array(n),
    priceMode: new Uint8Array(n),
    buurtLowIncomeShare: new Float32Array(NATIONAL_BUURTEN),
  };
}

/**
 * A stock of `count` dwellings; the same options give identical arrays. `into` (zero-filled columns of that
 * size, e.g. views on the scoring kernel's shared memory: kernel-score.ts allocKernelStock) is filled instead of
 * new arrays, so the benchmark's workers read the generated stock without a copy.
 */
export function generateNationalStock(opts: NationalStockOptions, into?: RetrofitStock): RetrofitStock {
  const n = opts.count;
  if (into && (into.count !== n || into.buurtLowIncomeShare.length !== NATIONAL_BUURTEN)) {
    throw new RangeError(
      `national stock: target has ${into.count} dwellings and ${into.buurtLowIncomeShare.length} buurten, expected ${n} and ${NATIONAL_BUURTEN}`,
    );
  }
  const rng = createRng(opts.seed);
  const u = rng.next;
  const types = cumulative(TYPE_SHARES);
  const periods = [cumulative(PERIOD_SHARES_GROUND), cumulative(PERIOD_SHARES_FLAT)];
  const owners = [cumulative(OWNER_SHARES_GROUND), cumulative(OWNER_SHARES_FLAT)];
  // Label tables by (Hestia type × period × Hestia owner), 7 cumulative shares each.
  const P = BUILD_PERIODS.length;
  const labelCum = new Float64Array(HESTIA_TYPES.length * P * HESTIA_OWNERS.length * 7);
  for (const r of LABEL_FREQUENCIES) {
    const p = BUILD_PERIODS.findIndex((b) => b.id === r.period);
    if (p < 0) continue;
    const off = ((HESTIA_TYPES.indexOf(r.type) * P + p) * HESTIA_OWNERS.length + HESTIA_OWNERS.indexOf(r.owner)) * 7;
    labelCum.set(cumulative(r.freq.some((f) => f > 0) ? r.freq : [0, 0, 1, 0, 0, 0, 0]), off);
  }
  const parts: WoonPart[] = ['cavityWall', 'pitchedRoof', 'flatRoof', 'floor', 'glazing'];
  const levelCum = new Float64Array(HESTIA_LABELS.length * parts.length * 5);
  HESTIA_LABELS.forEach((l, li) =>
    parts.forEach((part, pi) =>
      levelCum.set(cumulative(ELEMENT_LEVEL_MARGINALS[l][part]), (li * parts.length + pi) * 5),
    ),
  );
  const minByYear = new Uint8Array((LAST_YEAR + 1) * 5);
  for (let y = 1992; y <= LAST_YEAR; y++)
    parts.forEach((part, pi) => {
      minByYear[y * 5 + pi] = minimumLevel(part, y);
    });
  const labelA = ENERGY_LABELS.indexOf('A');

  const s: RetrofitStock = into ?? allocNationalStock(n);
  for (let b = 0; b < NATIONAL_BUURTEN; b++) s.buurtLowIncomeShare[b] = u() < 0.1 ? NaN : 0.02 + 0.23 * u();
  const level = (li: number, pi: number, y: number): number => {
    const l = draw(levelCum, (li * parts.length + pi) * 5, 5, u());
    const min = y >= 1992 ? minByYear[y * 5 + pi]! : 0;
    return l < min ? min : l;
  };
  for (let i = 0; i < n; i++) {
    const t = draw(types, 0, 8, u());
    const flat = t >= 4 ? 1 : 0;
    const p = draw(periods[flat]!, 0, P, u());
    const period = BUILD_PERIODS[p]!;
    const from = p === 0 ? 1880 : period.from,
      to = Math.min(period.to, LAST_YEAR);
    const y = from + Math.floor(u() * (to - from + 1));
    const own = draw(owners[flat]!, 0, 4, u());
    let storeys: number,
      floorLevel = 0;
    if (!flat) storeys = t === 3 && u() < 0.1 ? 1 : t <= 1 && u() < 0.15 ? 3 : 2;
    else {
      storeys =
        t === 4 ? 3 + Math.floor(u() * 2) : t === 5 ? 4 + Math.floor(u() * 7) : t === 6 ? 4 : 3 + Math.floor(u() * 4);
      floorLevel = t === 6 ? (u() < 0.5 ? 0 : 2) : Math.floor(u() * storeys);
    }
    const flatRoof = flat ? (u() < 0.7 ? 1 : 0) : u() < 0.1 ? 1 : 0;
    const hl = draw(
      labelCum,
      ((hestiaTypeIndex(t, storeys) * P + p) * HESTIA_OWNERS.length + hestiaOwnerIndex(own)) * 7,
      7,
      u(),
    );
    s.type[i] = t;
    s.bouwjaar[i] = y;
    s.ownership[i] = own;
    s.storeys[i] = storeys;
    s.floorLevel[i] = floorLevel;
    s.flatRoof[i] = flatRoof;
    s.oppervlakte[i] = Math.max(25, Math.min(500, MEAN_AREA[t]! * (0.8 + 0.4 * u())));
    s.vve[i] = flat && own !== 1 ? i : -1;
    s.label[i] = labelA + hl;
    s.cavityWall[i] = level(hl, 0, y);
    s.roof[i] = level(hl, flatRoof ? 2 : 1, y);
    s.floor[i] = level(hl, 3, y);
    s.glazing[i] = level(hl, 4, y);
    s.elementsKnown[i] = u() < 0.05 ? 15 : 0;
    s.buurt[i] = Math.floor(u() * NATIONAL_BUURTEN);
    s.facadeAzimuthDeg[i] = u() < 0.02 ? AZIMUTH_UNKNOWN : Math.floor(u() * 360);
    s.priceMode[i] = 0;
  }
  return s;
}
