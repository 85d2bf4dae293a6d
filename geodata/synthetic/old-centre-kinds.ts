/**
 * Building kinds of an old town centre (Centrum-Oud, docs/domain.md §1 and §6): narrow pre-war plots along the
 * street, three or four storeys, many with a shop on the ground floor and dwellings above it, and town houses of
 * which some were split into a lower and an upper dwelling. Dimensions are assumptions typical of Dutch
 * pre-war centres (plots 5–8 m wide, 10–14 m deep). Strip coordinates as in building-kinds.ts.
 */
import type { Rng } from '../../engine/rng.ts';
import type { PlannedBuilding, PlannedComplex, PlannedUnit, StripKind } from './building-kinds.ts';

/** Free space kept at each end of a strip (m), as in building-kinds.ts. */
const END_MARGIN_M = 1.5;

const uni = (rng: Rng, a: number, b: number): number => Math.round((a + (b - a) * rng.next()) * 10) / 10;

type Frame = Omit<PlannedBuilding, 'units' | 'addressStyle'>;

/** One unit per upper floor position, laid out so points never coincide (column by position, row by floor). */
function unitAt(
  b: Frame,
  col: number,
  cols: number,
  floor: number,
  rest: Pick<PlannedUnit, 'type' | 'areaM2'>,
): PlannedUnit {
  const rows = b.storeys;
  return {
    ...rest,
    entrance: 0,
    floorLevel: floor,
    s: b.s0 + ((col + 0.5) * (b.s1 - b.s0)) / cols,
    d: b.d0 + ((floor + 0.5) * (b.d1 - b.d0)) / rows,
  };
}

/** Plots along the strip, each its own pand, closed fronts (no side gaps), as in an old shopping street. */
function plots(
  kind: StripKind,
  L: number,
  rng: Rng,
  width: readonly [number, number],
  make: (b: Frame) => PlannedBuilding,
): PlannedComplex[] {
  const out: PlannedComplex[] = [];
  const front = uni(rng, 0.5, 2);
  let s = END_MARGIN_M;
  // Complexes of 2–6 plots: the unit of ownership decisions (one owner often holds adjacent plots).
  while (s < L - END_MARGIN_M) {
    const n = rng.int(2, 6);
    const buildings: PlannedBuilding[] = [];
    for (let i = 0; i < n; i++) {
      const w = uni(rng, width[0], width[1]);
      if (s + w > L - END_MARGIN_M) break;
      const storeys = rng.chance(0.3) ? 4 : 3;
      buildings.push(
        make({
          s0: s,
          s1: s + w,
          d0: front,
          d1: front + uni(rng, 10, 14),
          storeys,
          roofShape: rng.chance(0.75) ? 'hellend' : 'plat',
        }),
      );
      s += w;
    }
    if (buildings.length === 0) break;
    out.push({ kind, buildings });
    s += uni(rng, 0, 1.5);
  }
  return out;
}

/**
 * Woon-winkelpanden: a shop (not a dwelling) on the ground floor and one dwelling on each upper floor, or two
 * small ones side by side on a wide plot; 35–85 m² (assumption).
 */
export function shopWithDwellingsAbove(L: number, rng: Rng): PlannedComplex[] {
  return plots('winkel-boven', L, rng, [5, 8], (b) => {
    const perFloor = b.s1 - b.s0 >= 7 && rng.chance(0.4) ? 2 : 1;
    const units: PlannedUnit[] = [];
    for (let f = 1; f < b.storeys; f++)
      for (let j = 0; j < perFloor; j++)
        units.push(unitAt(b, j, perFloor, f, { type: 'overig', areaM2: rng.int(perFloor === 2 ? 35 : 50, 85) }));
    return { ...b, units, addressStyle: 'letter' };
  });
}

/**
 * Herenhuizen: pre-war town houses, one dwelling over all floors (110–170 m²) or, in about a third, split into
 * a lower and an upper dwelling (splitting needs a permit under the housing ordinance, docs/domain.md §6).
 */
export function townHouses(L: number, rng: Rng): PlannedComplex[] {
  return plots('herenhuis', L, rng, [5.5, 7.5], (b) => {
    if (rng.chance(0.35)) {
      const units: PlannedUnit[] = [
        unitAt(b, 0, 1, 0, { type: 'overig', areaM2: rng.int(55, 85) }),
        unitAt(b, 0, 1, 1, { type: 'overig', areaM2: rng.int(55, 90) }),
      ];
      return { ...b, units, addressStyle: 'letter' };
    }
    const type = rng.chance(0.15) ? 'hoekwoning' : 'tussenwoning';
    return { ...b, units: [unitAt(b, 0, 1, 0, { type, areaM2: rng.int(110, 170) })], addressStyle: 'letter' };
  });
}
