/**
 * Element areas (m²) of one dwelling from its type, floor area and number of floors: exposed façade,
 * glazing, roof and ground floor. Without footprints in the model, a dwelling is a box of `floors`
 * storeys whose footprint is oppervlakte / floors, with a depth/width ratio per type. Every figure
 * here is an assumption (L) typical of Dutch post-war housing, kept as data so it can be reviewed.
 */
import { DWELLING_TYPES, type DwellingType } from '../dwelling.ts';

export interface TypeShape {
  /** Ground-bound (own roof and ground floor) rather than an apartment. */
  groundBound: boolean;
  /** Floors of one dwelling when the building does not say (ground-bound) or always (apartments). */
  floors: number;
  /** Depth / width of the footprint. */
  aspect: number;
  /** Exposed façade length = frontWidths × width + sideDepths × depth. */
  frontWidths: number;
  sideDepths: number;
  /** Opaque front door, m² (part of the façade that is neither wall nor glazing). */
  doorM2: number;
}

export interface GeometryParams {
  types: Readonly<Record<DwellingType, TypeShape>>;
  /** Storey height, m (floor to floor). */
  storeyHeightM: number;
  /** Glazing area as a share of the floor area (L: typical 15–20 %). */
  glazingPerFloorM2: number;
  /** Pitched roof area per m² of footprint (≈ 1 / cos 40°). */
  pitchedRoofFactor: number;
  /**
   * For a flat whose floor is unknown in a building whose storeys are unknown too, the share of its footprint counted
   * as roof and as ground floor (L: one in four, as in a four-storey block). With the storeys known the share is
   * 1 / storeys, the probability that the flat is the top (or ground) one on its staircase. The roof and floor
   * measures then apply at that share.
   */
  unknownPositionShare: number;
}

const row = (
  frontWidths: number,
  sideDepths: number,
  aspect: number,
): Omit<TypeShape, 'groundBound' | 'floors' | 'doorM2'> => ({ frontWidths, sideDepths, aspect });

/** Defaults (L): dimensions match the synthetic generator's plausible post-war blocks (geodata/synthetic/building-kinds.ts). */
export const DEFAULT_GEOMETRY: GeometryParams = {
  types: {
    tussenwoning: { groundBound: true, floors: 2, doorM2: 2, ...row(2, 0, 1.6) },
    hoekwoning: { groundBound: true, floors: 2, doorM2: 2, ...row(2, 1, 1.6) },
    'twee-onder-een-kap': { groundBound: true, floors: 2, doorM2: 2, ...row(2, 1, 1.3) },
    vrijstaand: { groundBound: true, floors: 2, doorM2: 2, ...row(2, 2, 1.0) },
    portiek: { groundBound: false, floors: 1, doorM2: 0, ...row(2, 0, 1.4) },
    galerij: { groundBound: false, floors: 1, doorM2: 0, ...row(2, 0, 1.6) },
    maisonnette: { groundBound: false, floors: 2, doorM2: 0, ...row(2, 0, 1.6) },
    overig: { groundBound: false, floors: 1, doorM2: 0, ...row(2, 0, 1.3) },
  },
  storeyHeightM: 2.7,
  glazingPerFloorM2: 0.18,
  pitchedRoofFactor: 1.3,
  unknownPositionShare: 0.25,
};

/** Linear coefficients of the areas in √A or A (A = oppervlakte), so the hot loop needs one square root per dwelling. */
export interface AreaCoefficients {
  /** Gross exposed façade = facadePerSqrtArea × √A. */
  facadePerSqrtArea: number;
  glazingPerArea: number;
  doorM2: number;
  /** Footprint = A / floors. */
  footprintPerArea: number;
}

export function areaCoefficients(g: GeometryParams, type: DwellingType, floors: number): AreaCoefficients {
  const s = g.types[type];
  // width w = √(footprint / aspect), depth = aspect × w; façade length = (fw + sd × aspect) × w; height = floors × h.
  const lengthPerSqrtFootprint = (s.frontWidths + s.sideDepths * s.aspect) / Math.sqrt(s.aspect);
  return {
    facadePerSqrtArea: lengthPerSqrtFootprint * g.storeyHeightM * Math.sqrt(floors),
    glazingPerArea: g.glazingPerFloorM2,
    doorM2: s.doorM2,
    footprintPerArea: 1 / floors,
  };
}

export interface ElementAreas {
  /** Net opaque wall (cavity wall), m². */
  wall: number;
  roof: number;
  floor: number;
  glazing: number;
}

/** Areas of one dwelling; roof and floor only when it has its own (null: unknown, counted at `unknownPositionShare`). */
export function elementAreas(
  g: GeometryParams,
  type: DwellingType,
  oppervlakte: number,
  floors: number,
  has: { roof: boolean | null; floor: boolean | null; flatRoof: boolean },
): ElementAreas {
  const c = areaCoefficients(g, type, floors);
  const glazing = c.glazingPerArea * oppervlakte;
  const footprint = c.footprintPerArea * oppervlakte;
  const share = (x: boolean | null): number => (x === null ? g.unknownPositionShare : x ? 1 : 0);
  return {
    wall: Math.max(c.facadePerSqrtArea * Math.sqrt(oppervlakte) - glazing - c.doorM2, 0),
    roof: share(has.roof) * footprint * (has.flatRoof ? 1 : g.pitchedRoofFactor),
    floor: share(has.floor) * footprint,
    glazing,
  };
}

/** Floors of one dwelling: ground-bound from the building (1–3), apartments from the type. */
export function dwellingFloors(g: GeometryParams, type: DwellingType, buildingStoreys: number): number {
  const s = g.types[type];
  if (!s.groundBound) return s.floors;
  return buildingStoreys >= 1 ? Math.min(buildingStoreys, 3) : s.floors;
}

export const TYPE_INDEX: Readonly<Record<DwellingType, number>> = Object.fromEntries(
  DWELLING_TYPES.map((t, i) => [t, i]),
) as Record<DwellingType, number>;
