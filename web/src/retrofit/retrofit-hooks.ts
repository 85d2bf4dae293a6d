import type { RetrofitFilter } from './retrofit-filter.ts';
import type { RetrofitLayerId } from './retrofit-layers.ts';
import type { FactorWeights } from './weights-model.ts';

/** What the browser test and the benchmarks read about the retrofit layers (`window.__voorraad.retrofit`). */
export interface RetrofitTestHooks {
  /** True once the worker has scored the stock and the feature state is set. */
  ready: boolean;
  /** The retrofit layer shown, or null while a base attribute colours the map. */
  layer: RetrofitLayerId | null;
  filter: RetrofitFilter;
  factors: FactorWeights;
  /** Re-scores applied to the map since loading. */
  rescores: number;
  /** Milliseconds inside the worker for the last re-score (engine session and map column). */
  lastRescoreMs: number | null;
  /** Of which the engine's own `retrofitRescore`. */
  lastEngineRescoreMs: number | null;
  /** Milliseconds from the last slider input to the map's next `idle` after its colours were updated. */
  lastRepaintMs: number | null;
  /** Every measured repaint, oldest first. */
  repaintMs: number[];
  /**
   * Where the last measured repaint's time went (ms): input → worker answer, setting feature state, then
   * to the next rendered frame and to `idle`.
   */
  lastPhases: { toResult: number; apply: number; toRender: number; toIdle: number } | null;
  /** Dwellings whose feature state the last re-score changed. */
  lastChanged: number;
  error: string | null;
  /** True while the weights cannot score (all 0): the priority layer is greyed out. */
  weightsError?: boolean;
}

declare module '../test-hooks.ts' {
  interface VoorraadTestHooks {
    /** Set by web/src/retrofit once installed. */
    retrofit?: RetrofitTestHooks;
  }
}
