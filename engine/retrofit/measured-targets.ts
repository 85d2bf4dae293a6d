/**
 * Measured gas use targets without the scoring: the regional proxy (Zundert's rows of CBS 85999NED, labelled as
 * a proxy) and each dwelling's figure from imported CBS rows — its buurt's row for its type, else its wijk's, else
 * its gemeente's, else the proxy — with where it came from. Kept apart from calibration.ts so the stock context can
 * use it without importing the scoring.
 */
import type { DwellingType } from '../dwelling.ts';
import type { MeasuredGasUse } from '../registers.ts';

export interface CalibrationGroup {
  id: string;
  types: readonly DwellingType[];
  /** Measured mean gas use, m³/yr per dwelling. */
  measuredM3: number;
  source: string;
}

export interface CalibrationTargets {
  groups: readonly CalibrationGroup[];
  /** Types without a measured figure and the group whose factor they take. */
  fallback: Readonly<Partial<Record<DwellingType, string>>>;
}

const ZUNDERT = 'regional proxy: CBS 85999NED, gemeente Zundert, 2023 (not Roosendaal)';
export const ZUNDERT_2023: CalibrationTargets = {
  groups: [
    { id: 'apartment', types: ['portiek', 'galerij', 'maisonnette', 'overig'], measuredM3: 660, source: ZUNDERT },
    { id: 'terraced', types: ['tussenwoning'], measuredM3: 840, source: ZUNDERT },
    { id: 'end-terrace', types: ['hoekwoning'], measuredM3: 930, source: ZUNDERT },
  ],
  // L: no measured figure in docs/domain.md for these; the end-terrace factor is the closest form.
  fallback: { 'twee-onder-een-kap': 'end-terrace', vrijstaand: 'end-terrace' },
};

export const MEASURED_SOURCES = ['buurt', 'wijk', 'gemeente', 'regional-proxy'] as const;
export type MeasuredSource = (typeof MEASURED_SOURCES)[number];

/** The CBS characteristic of a dwelling type (flats of every kind are CBS's "appartement"). */
export const CBS_CHARACTERISTIC: Readonly<Record<DwellingType, MeasuredGasUse['characteristic']>> = {
  portiek: 'appartement',
  galerij: 'appartement',
  maisonnette: 'appartement',
  overig: 'appartement',
  tussenwoning: 'tussenwoning',
  hoekwoning: 'hoekwoning',
  'twee-onder-een-kap': 'twee-onder-een-kap',
  vrijstaand: 'vrijstaand',
};

/** Measured m³ of the regional proxy for a type (its group, or the group its fallback names). */
function proxyOf(type: DwellingType): number {
  const group =
    ZUNDERT_2023.groups.find((g) => g.types.includes(type)) ??
    ZUNDERT_2023.groups.find((g) => g.id === ZUNDERT_2023.fallback[type]);
  if (!group) throw new Error(`regional proxy has no figure for ${type}`);
  return group.measuredM3;
}

/** The latest row per region × characteristic. */
export function latestRows(rows: readonly MeasuredGasUse[]): Map<string, MeasuredGasUse> {
  const latest = new Map<string, MeasuredGasUse>();
  for (const r of rows) {
    const key = `${r.regionCode}|${r.characteristic}`;
    const have = latest.get(key);
    if (!have || r.year > have.year) latest.set(key, r);
  }
  return latest;
}

/** One dwelling's measured gas use: its buurt's row for its type, else the wijk's, else the gemeente's, else the proxy. */
export function measuredTargetOf(
  type: DwellingType,
  buurtCode: string,
  latest: ReadonlyMap<string, MeasuredGasUse>,
): { gasM3: number; source: MeasuredSource; year: number | null } {
  const regions = /^BU\d{8}$/.test(buurtCode)
    ? [buurtCode, `WK${buurtCode.slice(2, 8)}`, `GM${buurtCode.slice(2, 6)}`]
    : [];
  for (let level = 0; level < regions.length; level++) {
    const row = latest.get(`${regions[level]}|${CBS_CHARACTERISTIC[type]}`);
    if (row && row.gasM3 !== null) return { gasM3: row.gasM3, source: MEASURED_SOURCES[level]!, year: row.year };
  }
  return { gasM3: proxyOf(type), source: 'regional-proxy', year: null };
}
