/**
 * Units a scenario reports on and refers to: every buurt of the stock, then the programme areas
 * (passed in as data — the engine does not know Roosendaal's boundaries) and the scenario's own areas.
 */
import type { ScenarioIssue } from './scenario-yaml.ts';
import type { HousingStock } from './stock.ts';

export interface Unit {
  /** Buurt code or area name. */
  id: string;
  name: string;
  kind: 'buurt' | 'area';
  /** Indexes into the stock's buurtCodes. */
  buurten: number[];
}

export interface AreaIndex {
  units: Unit[];
  /** Unit index by id. */
  byId: Map<string, number>;
  /** Area names (programme and scenario areas) by unit index, for messages. */
  known: string[];
}

const BUURT_CODE = /^BU\d{8}$/;

/** Builds the units; issues for scenario areas that name buurten outside the dataset. */
export function buildAreaIndex(
  stock: HousingStock,
  programmeAreas: Readonly<Record<string, readonly string[]>>,
  scenarioAreas: Readonly<Record<string, readonly string[]>> | undefined,
  buurtNames: Readonly<Record<string, string>>,
  issues: ScenarioIssue[],
): AreaIndex {
  const units: Unit[] = stock.buurtCodes.map((code, b) => ({
    id: code,
    name: buurtNames[code] ?? code,
    kind: 'buurt',
    buurten: [b],
  }));
  const bIndex = new Map(stock.buurtCodes.map((c, i) => [c, i]));
  const add = (name: string, codes: readonly string[], path: (string | number)[] | null): void => {
    const buurten: number[] = [];
    codes.forEach((code, j) => {
      const b = bIndex.get(code);
      if (b !== undefined) buurten.push(b);
      else if (path)
        issues.push({
          code: 'scenario.areas.unknown-buurt',
          message: `buurt ${code} of area "${name}" is not in the dataset`,
          path: [...path, j],
        });
    });
    if (buurten.length > 0) units.push({ id: name, name, kind: 'area', buurten: buurten.sort((a, b) => a - b) });
  };
  for (const [name, codes] of Object.entries(programmeAreas)) add(name, codes, null);
  for (const [name, codes] of Object.entries(scenarioAreas ?? {})) {
    if (name in programmeAreas || BUURT_CODE.test(name)) {
      issues.push({
        code: 'scenario.areas.duplicate',
        message: `area "${name}" is already defined (a programme area or a buurt code)`,
        path: ['areas', name],
      });
      continue;
    }
    add(name, codes, ['areas', name]);
  }
  const byId = new Map(units.map((u, i) => [u.id, i]));
  return { units, byId, known: units.filter((u) => u.kind === 'area').map((u) => u.id) };
}

/** The unit an `area:` field names, or an issue (unknown name, or an area with no dwellings in the dataset). */
export function resolveArea(
  idx: AreaIndex,
  area: string,
  path: (string | number)[],
  issues: ScenarioIssue[],
  programmeAreas: Readonly<Record<string, readonly string[]>>,
): Unit | undefined {
  const u = idx.byId.get(area);
  if (u !== undefined) return idx.units[u];
  if (area in programmeAreas) {
    issues.push({ code: 'scenario.area.empty', message: `area "${area}" has no dwellings in the dataset`, path });
  } else if (BUURT_CODE.test(area)) {
    issues.push({ code: 'scenario.area.unknown', message: `buurt ${area} is not in the dataset`, path });
  } else {
    const buurten = idx.units.filter((x) => x.kind === 'buurt').map((x) => x.id);
    issues.push({
      code: 'scenario.area.unknown',
      message: `unknown area "${area}"; expected one of ${[...idx.known, ...buurten].join(', ')}`,
      path,
    });
  }
  return undefined;
}
