/**
 * The PlannerApi implementation inside the planner worker: validates the input and fixed batches, reads the
 * dataset (cached by path and modification time), and runs the engine's planner with HiGHS as its MIP solver.
 */
import { statSync } from 'node:fs';
import type { Dataset } from '../engine/dataset.ts';
import { parseFixedBatches, parsePlanInput } from '../engine/planner/plan-input.ts';
import { planRetrofit } from '../engine/planner/planner.ts';
import { fail } from '../engine/result.ts';
import { DatasetFileError, readDataset } from '../geodata/dataset-store.ts';
import type { PlannerApi } from './planner-api.ts';
import { highsMipSolver } from './planner-highs.ts';

export function createPlannerService(): PlannerApi {
  let cache: { key: string; ds: Dataset } | null = null;
  const solver = highsMipSolver();

  async function dataset(path: string | undefined): Promise<Dataset> {
    let file = path;
    if (file === undefined) {
      const { SHIPPED_DATASET, ensureShippedDataset } = await import('../geodata/shipped.ts');
      ensureShippedDataset();
      file = SHIPPED_DATASET;
    }
    let mtime = 0;
    try {
      mtime = statSync(file).mtimeMs;
    } catch {
      throw new DatasetFileError('dataset.missing', file, 'no such file');
    }
    const key = `${file}\u0000${mtime}`;
    if (cache?.key !== key) cache = { key, ds: readDataset(file) };
    return cache.ds;
  }

  return {
    async plan(raw, options = {}) {
      const input = parsePlanInput(raw);
      if (!input.ok) return input;
      const fixed = parseFixedBatches(options.fixed ?? []);
      if (!fixed.ok) return fixed;
      let ds: Dataset;
      try {
        ds = await dataset(options.datasetPath);
      } catch (err) {
        if (err instanceof DatasetFileError)
          return fail({
            code: 'plan.dataset.unreadable',
            path: ['datasetPath'],
            message: `${err.code}: ${err.message}`,
          });
        throw err;
      }
      return planRetrofit(ds, input.value, fixed.value, { solver, now: () => performance.now() });
    },
  };
}
