import * as Comlink from 'comlink';
import type { Plan, PlanInputRaw, PlanIssueCode } from '../engine/planner/plan-types.ts';
import { fail, type Result } from '../engine/result.ts';
import { nodeEndpoint } from './node-endpoint.ts';
import type { PlannerApi, PlanOptions } from './planner-api.ts';
import { BACKGROUND_NICE } from './thread-priority.ts';
import { startTsWorker } from './ts-worker.ts';

export interface PlannerWorker {
  /** The raw comlink proxy (a call pending when the worker stops never settles: prefer `plan`). */
  api: Comlink.Remote<PlannerApi>;
  /** Plans in the worker; resolves with `plan.solver.stopped` when the worker is terminated during the solve. */
  plan(input: PlanInputRaw, options?: PlanOptions): Promise<Result<Plan, PlanIssueCode>>;
  /** Stops the thread: a running solve is cut off. Start a new worker to plan again. */
  terminate(): Promise<void>;
}

/** Starts a planner worker thread (TypeScript through tsx; HiGHS WASM loads there), at background priority. */
export function startPlannerWorker(): PlannerWorker {
  const worker = startTsWorker(new URL('./planner-worker.ts', import.meta.url), { nice: BACKGROUND_NICE });
  const api = Comlink.wrap<PlannerApi>(nodeEndpoint(worker));
  let stopped = false;
  const waiting = new Set<(r: Result<Plan, PlanIssueCode>) => void>();
  const stoppedResult = (): Result<Plan, PlanIssueCode> =>
    fail({ code: 'plan.solver.stopped', message: 'the planner worker was stopped before the plan was ready' });
  worker.on('exit', () => {
    stopped = true;
    for (const settle of waiting) settle(stoppedResult());
    waiting.clear();
  });
  return {
    api,
    plan(input, options) {
      if (stopped) return Promise.resolve(stoppedResult());
      return new Promise<Result<Plan, PlanIssueCode>>((resolve, reject) => {
        waiting.add(resolve);
        api.plan(input, options).then(
          (r) => {
            waiting.delete(resolve);
            resolve(r);
          },
          (err: unknown) => {
            waiting.delete(resolve);
            reject(err instanceof Error ? err : new Error(String(err)));
          },
        );
      });
    },
    async terminate() {
      stopped = true;
      api[Comlink.releaseProxy]();
      await worker.terminate();
      for (const settle of waiting) settle(stoppedResult());
      waiting.clear();
    },
  };
}
