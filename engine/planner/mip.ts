/**
 * The MIP of the block × season model: one binary per unit option (unit u in season s), maximising the value of
 * the chosen options subject to one season per unit, the budget, year caps, capacity per season and the permit
 * profiles' caps per CBS buurt and period. The solver is injected (the worker wraps HiGHS), so the engine loads no WebAssembly.
 */
import type { PlanModel, UnitOption } from './model.ts';

/** A sparse 0/1 maximisation problem with `≤` rows. */
export interface MipModel {
  numCols: number;
  /** Objective coefficient per column (maximised). */
  colCost: Float64Array;
  rows: MipRow[];
}

export interface MipRow {
  /** Which limit the row is, for explanations and debugging: 'unit:<id>', 'budget', 'year:<y>', 'dwellings:<season>', … */
  name: string;
  indices: number[];
  values: number[];
  upper: number;
}

export interface MipSolveOptions {
  mipRelGap: number;
  timeLimitSeconds?: number;
  /** A feasible 0/1 start (the greedy plan), so the solver begins with an incumbent. */
  start?: Float64Array;
  /**
   * Also look for a start by LP diving (lp-dive.ts) on the relaxation and begin from the better of the two: with
   * a start within `mipRelGap` of the LP bound the solver can stop after its root LP.
   */
  lpDive?: boolean;
}

export interface MipOutcome {
  /** The solver's model status as text (HiGHS: 'Optimal', 'Time limit reached', …). */
  status: string;
  /** A primal solution is available in `values`. */
  hasSolution: boolean;
  objective: number;
  /** Best proven bound (an upper bound, as the model is maximised); null when unknown. */
  bound: number | null;
  values: ArrayLike<number>;
  /** Objective of the start the solver began from (greedy or the LP dive, whichever is better); null without one. */
  startObjective: number | null;
  /** Where that start came from. */
  startSource: 'given' | 'lp-dive' | null;
}

export interface MipSolver {
  solve(model: MipModel, options: MipSolveOptions): Promise<MipOutcome>;
}

export function buildMip(m: PlanModel): MipModel {
  const n = m.options.length;
  const colCost = Float64Array.from(m.options, (o) => o.value);
  const rows: MipRow[] = [];
  // One season per unit (only units with a choice need the row).
  let k = 0;
  while (k < n) {
    let e = k;
    while (e + 1 < n && m.options[e + 1]!.unit === m.options[k]!.unit) e++;
    if (e > k)
      rows.push({
        name: `unit:${m.units[m.options[k]!.unit]!.id}`,
        indices: range(k, e),
        values: range(k, e).map(() => 1),
        upper: 1,
      });
    k = e + 1;
  }
  const all = (
    f: (o: UnitOption) => number,
    name: string,
    upper: number,
    keep: (o: UnitOption) => boolean = () => true,
  ): void => {
    if (!Number.isFinite(upper)) return;
    const indices: number[] = [],
      values: number[] = [];
    m.options.forEach((o, j) => {
      if (!keep(o)) return;
      const v = f(o);
      if (v !== 0) {
        indices.push(j);
        values.push(v);
      }
    });
    if (indices.length) rows.push({ name, indices, values, upper });
  };
  all((o) => m.units[o.unit]!.contributionEur, 'budget', m.budgetEur);
  for (const [year, cap] of [...m.yearCap].sort((a, b) => a[0] - b[0])) {
    all(
      (o) => m.units[o.unit]!.contributionEur,
      `year:${year}`,
      cap,
      (o) => m.seasons[o.season]!.year === year,
    );
  }
  m.seasons.forEach((s, si) => {
    all(
      (o) => m.units[o.unit]!.dwellings,
      `dwellings:${s.id}`,
      m.capDwellings[si]!,
      (o) => o.season === si,
    );
    all(
      (o) => m.units[o.unit]!.crewWeeks,
      `crew-weeks:${s.id}`,
      m.capCrewWeeks[si]!,
      (o) => o.season === si,
    );
  });
  m.permitCaps.forEach((g, gi) => {
    all(
      (o) => m.units[o.unit]!.permitCount,
      `permit:${g.profile}:${g.buurtcode}:${g.period}`,
      g.cap,
      (o) => m.permitCapOf[o.unit * m.seasons.length + o.season] === gi,
    );
  });
  return { numCols: n, colCost, rows };
}

function range(a: number, b: number): number[] {
  const out: number[] = [];
  for (let i = a; i <= b; i++) out.push(i);
  return out;
}

/** Options set to 1 in a solution (values above ½, as solvers return near-integral floats). */
export function chosenOptions(m: PlanModel, values: ArrayLike<number>): UnitOption[] {
  const out: UnitOption[] = [];
  for (let j = 0; j < m.options.length; j++) if (values[j]! > 0.5) out.push(m.options[j]!);
  return out;
}

/** A selection as a 0/1 start vector. */
export function startVector(m: PlanModel, chosen: readonly UnitOption[]): Float64Array {
  const x = new Float64Array(m.options.length);
  const index = new Map(m.options.map((o, j) => [o, j]));
  for (const o of chosen) x[index.get(o)!] = 1;
  return x;
}

/** CPLEX LP text of the model (for inspection with any LP solver). */
export function mipToLp(model: MipModel): string {
  const term = (v: number, j: number, first: boolean): string =>
    `${v < 0 ? '- ' : first ? '' : '+ '}${Math.abs(v)} x${j}`;
  const lines = [
    'Maximize',
    ` obj: ${Array.from(model.colCost, (v, j) => term(v, j, j === 0)).join(' ') || '0 x0'}`,
    'Subject To',
  ];
  model.rows.forEach((r, i) =>
    lines.push(` r${i}: ${r.indices.map((j, k) => term(r.values[k]!, j, k === 0)).join(' ')} <= ${r.upper}`),
  );
  lines.push('Binary', ...Array.from({ length: model.numCols }, (_, j) => ` x${j}`), 'End', '');
  return lines.join('\n');
}
