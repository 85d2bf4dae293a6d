import type { Map as MapLibreMap } from 'maplibre-gl';
import type { ScenarioResult } from './scenario-api.ts';

/** What the browser test reads from the compare page (`window.__voorraadCompare`). */
export interface CompareHooks {
  /** True once both maps and the charts show the current selection. */
  ready: boolean;
  busy: boolean;
  error: string | null;
  maps: MapLibreMap[];
  results: { a: ScenarioResult | null; b: ScenarioResult | null };
  selection: { a: string; b: string; area: string; metric: string; year: number; view: 'naast' | 'verschil' } | null;
}

declare global {
  interface Window {
    __voorraadCompare?: CompareHooks;
  }
}

export function installCompareHooks(): CompareHooks {
  const hooks: CompareHooks = {
    ready: false,
    busy: false,
    error: null,
    maps: [],
    results: { a: null, b: null },
    selection: null,
  };
  window.__voorraadCompare = hooks;
  return hooks;
}
