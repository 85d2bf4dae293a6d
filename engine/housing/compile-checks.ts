/** Shared checks of the scenario compiler: years inside the horizon, schedules, counts against the stock. */
import type { LoadedRule } from '../rules/rule-schema.ts';
import type { RetrofitPlanEntry } from './retrofit-plan.ts';
import type { AreaIndex, Unit } from './scenario-areas.ts';
import type { Scenario } from './scenario-schema.ts';
import type { ScenarioIssue } from './scenario-yaml.ts';
import type { HousingStock } from './stock.ts';

/** What a scenario is compiled against, besides the scenario itself. */
export interface CompileContext {
  stock: HousingStock;
  /** Programme area → buurt codes (geodata/boundaries/programme-areas.ts), passed in as data. */
  programmeAreas: Readonly<Record<string, readonly string[]>>;
  buurtNames?: Readonly<Record<string, string>>;
  /** Areas where no new social rent is built (Woonagenda 2021–2025, docs/domain.md §4): new social rent there is a warning. */
  noNewSocialRentAreas?: readonly string[];
  /** Retrofit plans read by the caller, by intervention index. */
  plans?: Readonly<Record<number, readonly RetrofitPlanEntry[]>>;
  /** Overrides the scenario's `runs` (CLI --runs). */
  runs?: number;
  /**
   * Low-income share per buurt code from the buurt parameters (engine/buurt-parameters, resolved against the
   * dataset's registers by the caller); buurten it lacks are resolved from the shipped parameters file.
   */
  lowIncomeShare?: Readonly<Record<string, number>>;
  /** Policy rules (config/rules); the shipped ones by default. */
  rules?: readonly LoadedRule[];
  /** Block (or complex) id of each stock dwelling, aligned with the stock; what `blocks:` refers to. */
  blockOf?: readonly (string | null)[];
}

/** The compiler's working state: the scenario, the stock, the units, issues found so far, dwellings claimed by plans. */
export type Ctx = {
  s: Scenario;
  stock: HousingStock;
  areas: AreaIndex;
  years: number[];
  issues: ScenarioIssue[];
  warnings: ScenarioIssue[];
  reserved: Uint8Array;
  programmeAreas: Readonly<Record<string, readonly string[]>>;
  /** Stock indexes by block id (block-selection.ts). */
  blocks: Map<string, number[]>;
};

/** The year's index when it lies in the horizon (interventions from start + 1), else an issue at `path`. */
export function checkYear(c: Ctx, year: number, path: (string | number)[], allowStart = false): number | undefined {
  const { start, end } = c.s.horizon;
  const first = allowStart ? start : start + 1;
  if (year < first || year > end) {
    c.issues.push({
      code: 'scenario.year.outside-horizon',
      path,
      message: `year ${year} is outside the horizon ${first}–${end}${allowStart ? '' : ` (${start} is the dataset's state; changes start in ${start + 1})`}`,
    });
    return undefined;
  }
  return year - start;
}

/** Cumulative count due by each year, spread evenly over from..by. */
export function schedule(c: Ctx, count: number, from: number, by: number): Int32Array {
  const due = new Int32Array(c.years.length);
  c.years.forEach((y, yi) => {
    due[yi] = y < from ? 0 : y >= by ? count : Math.round((count * (y - from + 1)) / (by - from + 1));
  });
  return due;
}

/** An intervention's from…by years, checked (from defaults to the first simulated year). */
export function yearWindow(
  c: Ctx,
  iv: { from?: number | undefined; by: number },
  path: (string | number)[],
): { from: number; by: number } | undefined {
  const from = iv.from ?? c.s.horizon.start + 1;
  const okFrom = iv.from === undefined || checkYear(c, iv.from, [...path, 'from']) !== undefined;
  const okBy = checkYear(c, iv.by, [...path, 'by']) !== undefined;
  if (!okFrom || !okBy) return undefined;
  if (from > iv.by) {
    c.issues.push({
      code: 'scenario.year.order',
      message: `from ${from} is after by ${iv.by}`,
      path: [...path, 'from'],
    });
    return undefined;
  }
  return { from, by: iv.by };
}

/** The issue for asking more dwellings than qualify, at `path`.count. */
export function exceeds(
  c: Ctx,
  path: (string | number)[],
  verb: string,
  count: number,
  what: string,
  available: number,
  unit: Unit,
): void {
  c.issues.push({
    code: 'scenario.count.exceeds-stock',
    path: [...path, 'count'],
    message: `${verb} ${count} ${what} in ${unit.name}, but only ${available} qualify`,
  });
}

/** " (tussenwoning, hoekwoning)" for messages; empty when all types qualify. */
export const typesText = (types: readonly string[] | undefined): string => (types ? ` (${types.join(', ')})` : '');
