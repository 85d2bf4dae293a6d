/** What the browser test reads about the plan panel (`window.__voorraad.plan`). */
export interface PlanTestHooks {
  state: 'loading' | 'ready' | 'not-permitted' | 'error';
  /** The plan shown, or null. */
  planId: number | null;
  /** Batches and dwellings of the plan shown, and its seasons with batches in time order. */
  batches: number;
  dwellings: number;
  seasons: string[];
  /** Set while a plan is being made or re-planned. */
  busy: boolean;
  /** Status changes saved since loading. */
  statusChanges: number;
  error: string | null;
}

declare module '../test-hooks.ts' {
  interface VoorraadTestHooks {
    /** Set by web/src/plan once installed. */
    plan?: PlanTestHooks;
  }
}
