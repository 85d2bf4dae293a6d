/**
 * The planner's MIP solver: HiGHS (npm `highs`, WebAssembly) behind the engine's injected MipSolver interface.
 * Uses the persistent model API because the one-shot `solve()` reports no dual bound: the MIP gap comes from
 * the `mip_dual_bound` / `mip_gap` info items after the run.
 */
import highsModule, { type Highs } from 'highs';
import type { MipModel, MipOutcome, MipSolveOptions, MipSolver } from '../engine/planner/mip.ts';

// The package's types describe a CommonJS default (`module.default`), but Node's ESM entry (build/highs.mjs)
// exports the loader itself as the default: take the runtime value with the loader's type.
const highsLoader = highsModule as unknown as typeof highsModule.default;

let runtime: Promise<Highs> | null = null;

/** HiGHS model status code → text (highs types.d.ts ModelStatusCode). */
const STATUS = ['Not Set', 'Load error', 'Model error', 'Presolve error', 'Solve error', 'Postsolve error', 'Empty', 'Optimal', 'Infeasible',
  'Primal infeasible or unbounded', 'Unbounded', 'Bound on objective reached', 'Target for objective reached', 'Time limit reached',
  'Iteration limit reached', 'Unknown', 'Solution limit reached', 'Interrupted', 'Memory limit reached'];

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
      if (model.numCols === 0) return { status: 'Empty', hasSolution: true, objective: 0, bound: 0, values: new Float64Array(0) };
      const starts = [0];
      const indices: number[] = [], values: number[] = [];
      for (const r of model.rows) {
        indices.push(...r.indices);
        values.push(...r.values);
        starts.push(indices.length);
      }
      return highs.withModel((m) => {
        m.passModel({
          numCols: model.numCols, numRows: model.rows.length, sense: highs.constants.objectiveSense.maximize,
          colCost: model.colCost, colLower: new Float64Array(model.numCols), colUpper: new Float64Array(model.numCols).fill(1),
          rowLower: new Float64Array(model.rows.length).fill(-highs.infinity), rowUpper: Float64Array.from(model.rows, (r) => r.upper),
          matrix: { format: 'csr', numRows: model.rows.length, numCols: model.numCols, starts, indices, values },
          integrality: new Int32Array(model.numCols).fill(highs.constants.variableType.integer),
        });
        m.options.set({
          // Presolve reduces nothing on this model (one-season-per-unit rows and knapsack rows) and costs seconds of probing.
          presolve: 'off',
          mip_rel_gap: options.mipRelGap, output_flag: false, random_seed: 0,
          ...(options.timeLimitSeconds === undefined ? {} : { time_limit: options.timeLimitSeconds }),
        });
        if (options.start) m.setSolution({ colValue: options.start });
        m.run();
        const code = m.getModelStatus();
        const status = STATUS[code] ?? `status ${code}`;
        const primal = infoNumber(m, 'primal_solution_status');
        const hasSolution = primal === 2; // kSolutionStatusFeasible
        const objective = hasSolution ? m.getObjectiveValue() : 0;
        const bound = infoNumber(m, 'mip_dual_bound');
        return { status, hasSolution, objective, bound, values: hasSolution ? m.getSolution().colValue : new Float64Array(model.numCols) };
      });
    },
  };
}
