import { z } from 'zod';
import { WOZ_BAND_LOWER_EUR, WOZ_BANDS, type Dwelling, type WozBand } from '../dwelling.ts';

/**
 * The Huisvestingsverordening Roosendaal 2025 as the acquisition score uses it (docs/domain.md §6): permits for
 * withdrawal, conversion to rooms (from a number of units), splitting, buy-to-let protection below a WOZ limit per
 * wijk, and the distance rule around applications. The values come from dated rules files (config/rules/,
 * engine/acquisition/ordinance-rules.ts); this module only applies them.
 */
export interface Ordinance {
  /** Rule versions used (`id@validFrom`), for outputs. */
  versions: string[];
  /** Title and validity of the ordinance rows in force, for texts. */
  title: string;
  validFrom: string;
  validTo: string | null;
  source: string;
  permits: { withdrawal: boolean; splitting: boolean; conversionToRoomsMinUnits: number };
  /** Buy-to-let protection: a dwelling whose WOZ value is at most the limit of its wijk (WK…) is protected. */
  buyToLetWozLimitByWijk: ReadonlyMap<string, number>;
  /** Radius of the distance rule around room-letting (conversion) addresses, metres. */
  distanceRuleM: number;
}

/** What the ordinance says about one candidate. */
export interface OrdinanceFacts {
  /** Other addresses with room-letting within the distance rule; null when scored without signals. */
  roomLettingNearby: number | null;
  /** The dwelling is under buy-to-let protection (its whole WOZ band lies at or below its wijk's limit). */
  buyToLetProtected: boolean;
}

/** CBS wijk code of a buurt code: BU16740000 → WK167400. */
export const wijkOf = (buurtcode: string): string => `WK${buurtcode.slice(2, 8)}`;

/** Upper bound (exclusive) of a WOZ band in euro; Infinity for the top band. */
export function wozBandUpperEur(band: WozBand): number {
  const i = WOZ_BANDS.indexOf(band);
  return WOZ_BAND_LOWER_EUR[i + 1] ?? Infinity;
}

export function buyToLetProtected(d: Pick<Dwelling, 'buurtcode' | 'wozBand'>, o: Ordinance): boolean {
  const limit = o.buyToLetWozLimitByWijk.get(wijkOf(d.buurtcode));
  return limit !== undefined && wozBandUpperEur(d.wozBand) <= limit;
}

const EARTH_M = 6_371_008.8;

/** Equirectangular distance in metres: exact enough within a town for a 50 m rule. */
export function distanceM(a: readonly [number, number], b: readonly [number, number]): number {
  const rad = Math.PI / 180;
  const x = (b[0] - a[0]) * rad * Math.cos(((a[1] + b[1]) / 2) * rad);
  const y = (b[1] - a[1]) * rad;
  return Math.hypot(x, y) * EARTH_M;
}

/**
 * Counts, per dwelling, the other room-letting addresses within `radiusM`. Points are bucketed in a grid of the
 * radius so each dwelling looks at its 3 × 3 neighbourhood only.
 */
export function roomLettingNearby(
  dwellings: readonly Pick<Dwelling, 'vboId' | 'location'>[],
  roomLetting: ReadonlySet<string>,
  radiusM: number,
): Map<string, number> {
  const out = new Map<string, number>();
  if (dwellings.length === 0) return out;
  const lat0 = dwellings[0]!.location[1];
  const degY = radiusM / ((EARTH_M * Math.PI) / 180);
  const degX = degY / Math.cos((lat0 * Math.PI) / 180);
  const cell = (p: readonly [number, number]) => [Math.floor(p[0] / degX), Math.floor(p[1] / degY)] as const;
  const grid = new Map<string, Pick<Dwelling, 'vboId' | 'location'>[]>();
  for (const d of dwellings) {
    if (!roomLetting.has(d.vboId)) continue;
    const [cx, cy] = cell(d.location);
    const k = `${cx},${cy}`;
    if (!grid.has(k)) grid.set(k, []);
    grid.get(k)!.push(d);
  }
  for (const d of dwellings) {
    const [cx, cy] = cell(d.location);
    let n = 0;
    for (let dx = -1; dx <= 1; dx++)
      for (let dy = -1; dy <= 1; dy++)
        for (const o of grid.get(`${cx + dx},${cy + dy}`) ?? [])
          if (o.vboId !== d.vboId && distanceM(d.location, o.location) <= radiusM) n++;
    out.set(d.vboId, n);
  }
  return out;
}

/** The ordinance as a plan reports it (API answer, map panel): title, validity, versions used and the radius. */
export const OrdinanceSummary = z.object({
  title: z.string(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  versions: z.array(z.string()),
  distanceRuleM: z.number().describe('radius of the distance rule around room-letting addresses, metres'),
});
export type OrdinanceSummary = z.infer<typeof OrdinanceSummary>;
