import type { DwellingType } from '../../engine/dwelling.ts';
import { facadeAzimuth, longSide, ringBox, sharedWallLength, signedArea, type Ring } from './footprint-geometry.ts';

/**
 * Dwelling type from BAG alone (rule 'regel:woningtype-bag@1'; every result is marked imputed):
 * - a pand with 1 dwelling is ground-bound; its residential neighbours sharing a wall (≥ MIN_WALL_M) decide:
 *   none → vrijstaand; one, which itself has only this neighbour and 1 dwelling → twee-onder-een-kap;
 *   one otherwise → hoekwoning (end of a row); two or more → tussenwoning;
 * - 2–3 dwellings → overig (boven-/benedenwoningen);
 * - ≥ GALERIJ_MIN_DWELLINGS dwellings in a slab with a long side ≥ GALERIJ_MIN_LENGTH_M → galerij; other flats → portiek;
 * - a pand without a footprint (GeoJSON without panden) → tussenwoning, the most common ground-bound type.
 * Maisonnettes cannot be told from BAG and are never inferred. Thresholds are assumptions (no source).
 */
export const TYPE_RULE_ID = 'regel:woningtype-bag@1';
export const MIN_WALL_M = 2;
export const GALERIJ_MIN_DWELLINGS = 20;
export const GALERIJ_MIN_LENGTH_M = 50;
/** Gross floor area per m² gebruiksoppervlakte (NEN 2580 rule of thumb), for storeys = gross area / footprint. */
export const GROSS_PER_NET = 1.25;
const GRID_M = 100;

export interface PandInput {
  pandId: string;
  /** Outer ring in RD New metres, or null when the source has no footprint. */
  ring: Ring | null;
  /** Dwellings (woonfunctie verblijfsobjecten) in the pand. */
  dwellings: number;
  /** Sum of the dwellings' gebruiksoppervlakte (m²). */
  floorAreaM2: number;
}

export interface PandClass {
  type: DwellingType;
  storeys: number;
  roofShape: 'hellend' | 'plat';
  facadeAzimuthDeg: number;
}

/** Residential panden near each other, indexed on a grid so neighbours are found without comparing all pairs. */
export class ResidentialPanden {
  private readonly grid = new Map<string, PandInput[]>();
  private readonly byId = new Map<string, PandInput>();
  private readonly memo = new Map<string, PandInput[]>();

  constructor(panden: Iterable<PandInput>) {
    for (const p of panden) {
      this.byId.set(p.pandId, p);
      if (p.ring) for (const key of cellsOf(p.ring)) (this.grid.get(key) ?? this.grid.set(key, []).get(key)!).push(p);
    }
  }

  get(pandId: string): PandInput | undefined {
    return this.byId.get(pandId);
  }

  /** Residential panden sharing at least MIN_WALL_M of wall with this one, in pand-id order. */
  neighbours(p: PandInput): PandInput[] {
    const hit = this.memo.get(p.pandId);
    if (hit) return hit;
    const found = new Map<string, PandInput>();
    if (p.ring) {
      for (const key of cellsOf(p.ring)) {
        for (const q of this.grid.get(key) ?? []) {
          if (q.pandId === p.pandId || found.has(q.pandId) || !q.ring) continue;
          if (sharedWallLength(p.ring, q.ring) >= MIN_WALL_M) found.set(q.pandId, q);
        }
      }
    }
    const list = [...found.values()].sort((a, b) => a.pandId.localeCompare(b.pandId));
    this.memo.set(p.pandId, list);
    return list;
  }

  classify(p: PandInput): PandClass {
    const area = p.ring ? Math.abs(signedArea(p.ring)) : 0;
    const storeysFromArea = (fallback: number, max: number) =>
      area > 0 ? Math.min(max, Math.max(1, Math.round((p.floorAreaM2 * GROSS_PER_NET) / area))) : fallback;
    const facade = p.ring
      ? facadeAzimuth(
          p.ring,
          this.neighbours(p).map((q) => q.ring!),
        )
      : 180;
    if (p.dwellings >= 2) {
      const storeys = storeysFromArea(p.dwellings <= 3 ? p.dwellings : 3, 30);
      let type: DwellingType = 'overig';
      if (p.dwellings > 3)
        type =
          p.dwellings >= GALERIJ_MIN_DWELLINGS && p.ring && longSide(p.ring) >= GALERIJ_MIN_LENGTH_M
            ? 'galerij'
            : 'portiek';
      return { type, storeys, roofShape: storeys >= 3 ? 'plat' : 'hellend', facadeAzimuthDeg: facade };
    }
    const storeys = storeysFromArea(2, 3);
    if (!p.ring) return { type: 'tussenwoning', storeys, roofShape: 'hellend', facadeAzimuthDeg: facade };
    const nbs = this.neighbours(p);
    let type: DwellingType;
    if (nbs.length === 0) type = 'vrijstaand';
    else if (nbs.length >= 2) type = 'tussenwoning';
    else type = nbs[0]!.dwellings === 1 && this.neighbours(nbs[0]!).length === 1 ? 'twee-onder-een-kap' : 'hoekwoning';
    return { type, storeys, roofShape: 'hellend', facadeAzimuthDeg: facade };
  }
}

function cellsOf(ring: Ring): string[] {
  const [x0, y0, x1, y1] = ringBox(ring);
  const keys: string[] = [];
  for (let i = Math.floor((x0 - 1) / GRID_M); i <= Math.floor((x1 + 1) / GRID_M); i++) {
    for (let j = Math.floor((y0 - 1) / GRID_M); j <= Math.floor((y1 + 1) / GRID_M); j++) keys.push(`${i}:${j}`);
  }
  return keys;
}

/** Storey (0 = ground floor) of the i-th of n dwellings, filling floors bottom-up with an equal number per floor. */
export function floorLevelOf(i: number, n: number, storeys: number): number {
  if (n <= 1 || storeys <= 1) return 0;
  const perFloor = Math.ceil(n / storeys);
  return Math.min(storeys - 1, Math.floor(i / perFloor));
}
