import type { AcquisitionConfig } from '../engine/acquisition/params.ts';
import type { SignalSet } from '../geodata/synthetic-signals/signal-set.ts';
import type { EngineApi } from '../workers/engine-api.ts';
import type { SecurityContext } from './auth/security-context.ts';
import type { LoadedDataset } from './loaded-dataset.ts';

/** Everything the HTTP app needs, injected so tests can build an app without a server or files. */
export interface AppContext {
  data: LoadedDataset;
  /** The engine, normally a Comlink proxy to a worker thread; any EngineApi works in tests. */
  engine: Pick<EngineApi, 'stats' | 'retrofitLoadContext' | 'retrofitScores' | 'retrofitScoresJson' | 'retrofitDwelling' | 'vveLoad' | 'vveRanking'>;
  version: string;
  /** Directory holding basemap.pmtiles and dwellings.pmtiles; null = no tile routes. */
  tilesDir: string | null;
  /** Built web app (web/dist); null = no web app routes. */
  webDir: string | null;
  /** Today's date (YYYY-MM-DD, Europe/Amsterdam) for planning defaults; injected so tests pin it. */
  today?: () => string;
  /** Scenario runs: a worker pool in production (start-server.ts), in-process in tests. */
  scenarios?: import('./routes/scenario-routes.ts').ScenarioRouteOptions;
  /** Users, sessions, tokens, audit log and sign-in limits (server/auth); every route is authorised by role. */
  security: SecurityContext;
  /** RESTRICTED municipal signals: read only by the signals and acquisition routes, never in `data` or tiles. */
  signals: SignalSet;
  /** Acquisition budget, target zones and weights (config/acquisition.default.json). */
  acquisition: AcquisitionConfig;
  /** The acquisition planner, a worker thread in production (workers/acquisition-node.ts); in-process when absent. */
  acquisitionPlanner?: import('./routes/acquisition-routes.ts').AcquisitionRouteContext['acquisitionPlanner'];
  /** VvE pilot configuration (config/vve.default.json or `serve --vve-config`); the shipped defaults when absent. */
  vveConfig?: import('../engine/vve/vve-config.ts').VveConfig;
  /** The batch planner, normally workers/planner-node.ts (a worker thread); POST /api/plans answers 503 without it. */
  planner?: Pick<import('../workers/planner-api.ts').PlannerApi, 'plan'>;
  /** Saved plans (state.sqlite) and the GeoPackage the planner reads; an in-memory store when absent (tests). */
  plans?: import('./routes/plan-routes.ts').PlanRouteOptions;
}
