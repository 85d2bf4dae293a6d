import type { AcquisitionConfig } from '../engine/acquisition/params.ts';
import type { VveConfig } from '../engine/vve/vve-config.ts';
import type { SignalSet } from '../geodata/synthetic-signals/signal-set.ts';
import type { EngineApi } from '../workers/engine-api.ts';
import type { AcquisitionPlannerApi } from '../workers/acquisition-api.ts';
import type { PlannerApi } from '../workers/planner-api.ts';
import type { ScenarioDataset } from '../workers/scenario-files.ts';
import type { ScenarioRunner } from '../workers/scenario-pool.ts';
import type { SecurityContext } from './auth/security-context.ts';
import type { FairQueue } from './fair-queue.ts';
import type { LoadedDataset } from './loaded-dataset.ts';
import type { PlanStore } from './plans/plan-store.ts';
import type { ScenarioVersionStore } from './scenario-versions/version-store.ts';

// The options of the scenario and plan routes are declared here, not in their route modules: those import
// AppContext, so a type import back from them would close a cycle (server/routes → app-context → server/routes).

/** Options of the scenario routes (server/routes/scenario-routes.ts). */
export interface ScenarioRouteOptions {
  /** Directory of the shipped scenario files; default the repository's scenarios/. */
  scenarioDir?: string;
  /** Runs the Monte Carlo runs; default in this thread, yielding between chunks (pass a worker pool in production). */
  runner?: ScenarioRunner;
  /** Fair per-user queue in front of the runner; default one run at a time, one per user, three waiting per user. */
  queue?: FairQueue;
  /** Stocks with extra buurten kept between requests (an LRU of EXTRA_STOCKS); injected by tests to watch it. */
  stockCache?: Map<string, ScenarioDataset>;
}

/** Options of the plan routes (server/routes/plan-routes.ts). */
export interface PlanRouteOptions {
  /** Saved plans; default an in-memory store that writes to the app's audit log (tests). */
  store?: PlanStore;
  /** The GeoPackage the planner worker reads; the shipped dataset when absent. */
  datasetPath?: string;
  /** The clock a plan's run date comes from (tests pin it). */
  now?: () => Date;
}

/** Everything the HTTP app needs, injected so tests can build an app without a server or files. */
export interface AppContext {
  data: LoadedDataset;
  /** The engine, normally a Comlink proxy to a worker thread; any EngineApi works in tests. */
  engine: Pick<
    EngineApi,
    | 'stats'
    | 'retrofitLoadContext'
    | 'retrofitScores'
    | 'retrofitScoresJson'
    | 'retrofitDwelling'
    | 'vveLoad'
    | 'vveRanking'
  >;
  version: string;
  /** Directory holding basemap.pmtiles and dwellings.pmtiles; null = no tile routes. */
  tilesDir: string | null;
  /** Built web app (web/dist); null = no web app routes. */
  webDir: string | null;
  /** Today's date (YYYY-MM-DD, Europe/Amsterdam) for planning defaults; injected so tests pin it. */
  today?: () => string;
  /** Scenario runs: a worker pool in production (start-server.ts), in-process in tests. */
  scenarios?: ScenarioRouteOptions;
  /** Users, sessions, tokens, audit log and sign-in limits (server/auth); every route is authorised by role. */
  security: SecurityContext;
  /** RESTRICTED municipal signals: read only by the signals and acquisition routes, never in `data` or tiles. */
  signals: SignalSet;
  /** Acquisition budget, target zones and weights (config/acquisition.default.json). */
  acquisition: AcquisitionConfig;
  /** The acquisition planner, a worker thread in production (workers/acquisition-node.ts); in-process when absent. */
  acquisitionPlanner?: Pick<AcquisitionPlannerApi, 'plan' | 'candidates'>;
  /** VvE pilot configuration (config/vve.default.json or `serve --vve-config`); the shipped defaults when absent. */
  vveConfig?: VveConfig;
  /** The batch planner, normally workers/planner-node.ts (a worker thread); POST /api/plans answers 503 without it. */
  planner?: Pick<PlannerApi, 'plan'>;
  /** Saved plans (state.sqlite) and the GeoPackage the planner reads; an in-memory store when absent (tests). */
  plans?: PlanRouteOptions;
  /** Saved scenario versions (state.sqlite); an in-memory store when absent (tests). */
  scenarioVersions?: ScenarioVersionStore;
}
