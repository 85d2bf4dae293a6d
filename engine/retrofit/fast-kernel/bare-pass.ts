/**
 * The baseline of the scoring benchmark: the simplest version of the same arithmetic over the same columns —
 * gas ≈ floor area × (sum of the four elements' U at their levels) × a constant — a handful of lookups, one
 * multiply-add chain and one store per dwelling.
 */
import type { RetrofitStock } from '../stock.ts';
import { uValues } from '../physics.ts';

const U = Float64Array.from([...uValues('MS'), ...uValues('DS'), ...uValues('VL'), ...uValues('RB')]);
/** m³ per (m² × W/m²K): degree-hours over efficiency and heating value, order of magnitude. */
const M3_PER_M2_U = 2.5;

/** Writes out[i] for i in [from, to); returns the sum as a checksum. */
export function barePass(s: RetrofitStock, out: Float32Array, from: number, to: number): number {
  const area = s.oppervlakte,
    w = s.cavityWall,
    r = s.roof,
    f = s.floor,
    g = s.glazing;
  let sum = 0;
  for (let i = from; i < to; i++) {
    const gas = area[i]! * (U[w[i]!]! + U[5 + r[i]!]! + U[10 + f[i]!]! + U[15 + g[i]!]!) * M3_PER_M2_U;
    out[i] = gas;
    sum += gas;
  }
  return sum;
}
