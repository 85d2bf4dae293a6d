import { serve, type ServerType } from '@hono/node-server';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { vveInput } from '../engine/vve/vve-assess.ts';
import { DEFAULT_VVE_CONFIG, type VveConfig } from '../engine/vve/vve-config.ts';
import { readDataset } from '../geodata/dataset-store.ts';
import { loadAcquisitionConfig } from '../geodata/exports/acquisition-config.ts';
import { ensureTiles } from '../geodata/shipped.ts';
import { splitRestricted } from '../geodata/synthetic-signals/signal-set.ts';
import { startAcquisitionWorker } from '../workers/acquisition-node.ts';
import { startPlannerWorker } from '../workers/planner-node.ts';
import { todayInNl } from './today.ts';
import { startScenarioPool } from '../workers/scenario-pool.ts';
import { startNodeEngine, type NodeEngine } from '../workers/node-engine.ts';
import { createApp } from './app.ts';
import { HEAD_LAG_MS } from './audit/audit-log.ts';
import { startAuditWriter, type AuditWriterThread } from './audit/audit-writer.ts';
import { showOneTimePasswords } from './auth/first-passwords.ts';
import { openSecurity } from './auth/security-context.ts';
import { defaultStateDir } from './auth/state-db.ts';
import { loadDatasetIntoMemory } from './loaded-dataset.ts';
import { applyServerLimits, serverOptions } from './server-limits.ts';
import { openPlanStore } from './plans/plan-store.ts';
import { openScenarioVersionStore } from './scenario-versions/version-store.ts';

export interface StartOptions {
  datasetFile: string;
  port: number;
  host: string;
  webDir: string | null;
  version: string;
  log: (msg: string) => void;
  /** Users, sessions, tokens and audit log; default ./.voorraad (VOORRAAD_STATE_DIR). */
  stateDir?: string;
  /** Mark the session cookie Secure (behind TLS); https requests get it anyway. */
  secureCookies?: boolean;
  /** Acquisition configuration file; default config/acquisition.default.json. */
  acquisitionConfig?: string;
  /** Reverse proxies whose X-Forwarded-For is believed for the client address (sign-in backoff, audit origin). */
  trustedProxies?: readonly string[];
  /** Host names answered besides the local ones (server/auth/host-guard.ts); DNS rebinding is refused with 421. */
  allowedHosts?: readonly string[];
  /** Where first-start passwords go; default the controlling terminal (tests inject one, or null for "no terminal"). */
  terminal?: ((text: string) => void) | null;
  /** VvE pilot configuration, validated by the caller (geodata/exports/vve-export-config.ts loadVveConfig); default the shipped one. */
  vveConfig?: VveConfig;
}

export interface RunningServer {
  url: string;
  /**
   * Stops listening, lets requests in flight finish for up to `graceMs` (default 5000), then terminates the worker
   * threads (cutting off engine, scenario and planner work) and drops the connections still waiting on them.
   */
  close(graceMs?: number): Promise<void>;
}

/**
 * Loads and checks everything first (dataset, tiles, engine worker), then listens: the server
 * never accepts requests half-configured.
 */
export async function startServer(o: StartOptions): Promise<RunningServer> {
  // The worker thread boots (its own TypeScript loader) on the other core while this one reads the dataset.
  const engine: NodeEngine = startNodeEngine();
  // Monte Carlo runs of POST /api/scenarios/run go to their own thread, never the event loop.
  const scenarioPool = startScenarioPool(1);
  // Batch plans (POST /api/plans) are solved in their own thread too; terminating it cuts a running solve off.
  const planner = startPlannerWorker();
  // Acquisition plans (scores and budget knapsack, up to ~0.5 s each) in their own thread as well.
  const acquisitionWorker = startAcquisitionWorker();
  let closeSecurity = (): void => {};
  let auditWriter: AuditWriterThread | null = null;
  let closePlans = (): void => {};
  let closeVersions = (): void => {};
  try {
    // The RESTRICTED signals are split off at once: tiles and the dwelling routes never see them.
    const { dataset, signalSet: signals } = splitRestricted(readDataset(o.datasetFile, { restricted: true }));
    const acquisition = loadAcquisitionConfig(o.acquisitionConfig);
    await acquisitionWorker.api.load({ dwellings: dataset.dwellings, vves: dataset.vves, signals: signals.signals });
    const tiles = ensureTiles(o.datasetFile, dataset);
    if (tiles.built) o.log(`kaarttegels gebouwd in ${tiles.dir}`);
    const data = loadDatasetIntoMemory(dataset);
    // Cloned, not transferred: the server keeps its own copy for the HTTP routes.
    await engine.api.load(data.columns);
    // The VvE ranking (about a second) runs in the worker while this thread finishes starting; an early GET /api/vve
    // waits for it in the worker's queue instead of blocking the event loop. Not awaited: it must not delay listening.
    const vveConfig = o.vveConfig ?? DEFAULT_VVE_CONFIG;
    engine.api.vveLoad(vveInput(dataset), vveConfig, todayInNl()).then(
      (r) => {
        if (!r.ok)
          o.log(
            `VvE-rangschikking niet gelukt (GET /api/vve probeert opnieuw): ${r.issues.map((i) => `${i.code}: ${i.message}`).join('; ')}`,
          );
      },
      (err: unknown) =>
        o.log(`VvE-rangschikking niet gelukt (GET /api/vve probeert opnieuw): ${(err as Error).message}`),
    );
    const stateDir = o.stateDir ?? defaultStateDir();
    const opened = await openSecurity({
      stateDir,
      secureCookies: o.secureCookies ?? false,
      trustedProxies: o.trustedProxies ?? [],
      allowedHosts: [...(o.allowedHosts ?? []), ...(isWildcard(o.host) ? [] : [o.host])],
    });
    closeSecurity = opened.close;
    // Restricted reads are audited by a writer thread: the event loop never waits for the disk (audit-writer.ts).
    auditWriter = await startAuditWriter(opened.security.audit, stateDir, HEAD_LAG_MS);
    // Plans live in the same state.sqlite (server/plans/plan-db.ts), on their own connection with its own audit writer.
    const plans = openPlanStore(stateDir);
    closePlans = plans.close;
    // Scenario versions drawn on the map, in the same state.sqlite (server/scenario-versions/version-store.ts).
    const versions = openScenarioVersionStore(stateDir);
    closeVersions = versions.close;
    // On the terminal only, never into the log (server/auth/first-passwords.ts).
    if (opened.created)
      showOneTimePasswords(opened.created, {
        stateDir,
        usersFile: opened.usersFile!,
        log: o.log,
        ...(o.terminal !== undefined ? { terminal: o.terminal } : {}),
      });
    if (signals.source === 'synthetic')
      o.log(`signalen: ${signals.signals.length} synthetische signalen (de dataset heeft er geen)`);
    const app = createApp({
      data,
      engine: engine.api,
      version: o.version,
      tilesDir: tiles.dir,
      webDir: o.webDir,
      security: opened.security,
      signals,
      acquisition,
      acquisitionPlanner: acquisitionWorker.api,
      vveConfig,
      scenarios: { runner: scenarioPool },
      planner,
      plans: { store: plans.store, datasetPath: o.datasetFile },
      scenarioVersions: versions.store,
    });
    const server = await listen(app.fetch, o.port, o.host);
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}/`,
      async close(graceMs = 5_000) {
        const closed = new Promise<void>((resolve) => server.close(() => resolve()));
        let timer: NodeJS.Timeout | undefined;
        await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, graceMs)))]);
        clearTimeout(timer);
        await engine.terminate();
        await scenarioPool.terminate();
        await planner.terminate();
        await acquisitionWorker.terminate();
        // Requests still waiting on a terminated worker would never be answered: drop their connections.
        if ('closeAllConnections' in server) server.closeAllConnections();
        await closed;
        await auditWriter?.close();
        plans.close();
        versions.close();
        opened.close();
      },
    };
  } catch (err) {
    await engine.terminate();
    await scenarioPool.terminate();
    await planner.terminate();
    await acquisitionWorker.terminate();
    await auditWriter?.close();
    closePlans();
    closeVersions();
    closeSecurity();
    throw err;
  }
}

const isWildcard = (host: string) => host === '0.0.0.0' || host === '::' || host === '';

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname, serverOptions: serverOptions() }, () => resolve(server));
    // Explicit timeouts and a connection cap (server-limits.ts), set before the first connection.
    applyServerLimits(server as Server);
    server.once('error', reject);
  });
}
