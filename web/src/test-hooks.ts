import type { Map as MapLibreMap } from 'maplibre-gl';
import type { StatsTable } from '../../engine/dwelling-stats.ts';
import type { SearchHooks } from './search/search-view.ts';

/** What the browser test reads from the page (`window.__voorraad`). */
export interface VoorraadTestHooks {
  /** True once the map has loaded and the first statistics are drawn. */
  ready: boolean;
  map: MapLibreMap | null;
  /** The most recent statistics table the engine worker returned. */
  lastStats: StatsTable | null;
  /** The first load error, in the words the banner shows. */
  error: string | null;
  /** The map search's last query and choice (web/src/search). */
  search?: SearchHooks;
}

declare global {
  interface Window {
    __voorraad?: VoorraadTestHooks;
  }
}

export function installTestHooks(): VoorraadTestHooks {
  const hooks: VoorraadTestHooks = { ready: false, map: null, lastStats: null, error: null };
  window.__voorraad = hooks;
  return hooks;
}
