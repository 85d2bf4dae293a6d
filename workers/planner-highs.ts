/**
 * The planner's MIP solver: HiGHS (npm `highs`, WebAssembly) behind the engine's injected MipSolver interface.
 * Uses the persistent model API because the one-shot `solve()` reports no dual bound: the MIP gap comes from
 * the `mip_dual_bound` / `mip_gap` info items after the run.
 */
import highsModule, { type Highs } from 'highs';
import { lpDive } from '../engine/planner/lp-dive.ts';
import type { MipModel, MipOutcome, MipSolveOptions, MipSolver } from '../engine/planner/mip.ts';

// The package's types describe a CommonJS default (`module.default`), but Node's ESM entry (build/highs.mjs)
// exports the loader itself as the default: take the runtime value with the loader's type.
const highsLoader = highsModule as unknown as typeof highsModule.default;

let runtime: Promise<Highs> | null = null;

/** HiGHS model status code → text (highs types.d.ts ModelStatusCode). */
const STATUS = [
  'Not Set',
  'Load error',
  'Model error',
  'Presolve error',
  'Solve error',
  'Postsolve error',
  'Empty',
  'Optimal',
  'Infeasible',
  'Primal infeasible or unbounded',
  'Unbounded',
  'Bound on objective reached',
  'Target for objective reached',
  'Time limit reached',
  'Iteration limit reached',
  'Unknown',
  'Solution limit reached',
  'Interrupted',
  'Memory limit reached',
];

function infoNumber(h: { info: { get(name: string): number | bigint } }, name: string): number | null {
  try {
    const v = Number(h.info.get(name));
    return Number.isFinite(v) ? v : null;
  } catch {
    return null; // not available for this model/run
  }
}

export function highsMipSolver(): MipSolver {
  return {
    async solve(model: MipModel, options: MipSolveOptions): Promise<MipOutcome> {
      runtime ??= highsLoader();
      const highs = await runtime;
      if (model.numCols === 0)
        return {
          status: 'Empty',
          hasSolution: true,
          objective: 0,
          bound: 0,
          values: new Float64Array(0),
          startObjective: null,
          startSource: null,
        };
      const starts = [0];
      const indices: number[] = [],
        values: number[] = [];
      for (const r of model.rows) {
        indices.push(...r.indices);
        values.push(...r.values);
        starts.push(indices.length);
      }
      return highs.withModel((m) => {
        m.passModel({
          numCols: model.numCols,
          numRows: model.rows.length,
          sense: highs.constants.objectiveSense.maximize,
          colCost: model.colCost,
          colLower: new Float64Array(model.numCols),
          colUpper: new Float64Array(model.numCols).fill(1),
          rowLower: new Float64Array(model.rows.length).fill(-highs.infinity),
          rowUpper: Float64Array.from(model.rows, (r) => r.upper),
          matrix: { format: 'csr', numRows: model.rows.length, numCols: model.numCols, starts, indices, values },
        });
        const all = { kind: 'range', from: 0, to: model.numCols - 1 } as const;
        // One wall-clock budget for the LP dive and the MIP together: each run gets what is left of it.
        const deadline =
          options.timeLimitSeconds === undefined ? Infinity : performance.now() + options.timeLimitSeconds * 1000;
        const left = (): number => (deadline - performance.now()) / 1000;
        const limitRun = (): void => {
          if (Number.isFinite(deadline)) m.options.set({ time_limit: Math.max(left(), 1e-3) });
        };
        m.options.set({
          // Presolve reduces nothing on this model (one-season-per-unit rows and knapsack rows) and costs seconds of
          // probing; with an LP-dive start within the gap the MIP ends after its root LP, which presolve only delays.
          presolve: 'off',
          mip_rel_gap: options.mipRelGap,
          output_flag: false,
          random_seed: 0,
        });
        const startValue = (x: ArrayLike<number>): number => {
          let v = 0;
          for (let j = 0; j < model.numCols; j++) v += model.colCost[j]! * x[j]!;
          return v;
        };
        let start: Float64Array | null = options.start ?? null,
          startSource: MipOutcome['startSource'] = start ? 'given' : null;
        let lpBound: number | null = null;
        if (options.lpDive) {
          // The model is passed without integrality: each run() re-solves the LP, warm from the previous basis.
          const dive = lpDive(model, (lower, upper) => {
            if (left() <= 0) return null;
            m.changeColsBounds(all, lower, upper);
            limitRun();
            m.run();
            if (STATUS[m.getModelStatus()] !== 'Optimal') return null;
            // The first LP is the relaxation: its optimum bounds the MIP even when the MIP stops before its root LP.
            lpBound ??= m.getObjectiveValue();
            return m.getSolution().colValue;
          });
          m.changeColsBounds(all, new Float64Array(model.numCols), new Float64Array(model.numCols).fill(1));
          if (dive && (start === null || startValue(dive) > startValue(start))) {
            start = dive;
            startSource = 'lp-dive';
          }
        }
        const started = { startObjective: start ? startValue(start) : null, startSource };
        if (left() <= 0) {
          // The dive used the whole time limit: the start is the plan, the LP relaxation its bound.
          return {
            status: 'Time limit reached',
            hasSolution: start !== null,
            objective: start ? startValue(start) : 0,
            bound: lpBound,
            values: start ?? new Float64Array(model.numCols),
            ...started,
          };
        }
        m.changeColsIntegrality(all, new Int32Array(model.numCols).fill(highs.constants.variableType.integer));
        if (start) m.setSolution({ colValue: start });
        limitRun();
        m.run();
        const code = m.getModelStatus();
        const status = STATUS[code] ?? `status ${code}`;
        const primal = infoNumber(m, 'primal_solution_status');
        const hasSolution = primal === 2; // kSolutionStatusFeasible
        const objective = hasSolution ? m.getObjectiveValue() : 0;
        const mipBound = infoNumber(m, 'mip_dual_bound');
        const bound = mipBound === null ? lpBound : lpBound === null ? mipBound : Math.min(mipBound, lpBound);
        return {
          status,
          hasSolution,
          objective,
          bound,
          values: hasSolution ? m.getSolution().colValue : new Float64Array(model.numCols),
          ...started,
        };
      });
    },
  };
}
