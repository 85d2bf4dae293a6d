import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { readDataset } from '../geodata/dataset-store.ts';
import { loadAcquisitionConfig } from '../geodata/exports/acquisition-config.ts';
import { ensureTiles } from '../geodata/shipped.ts';
import { splitRestricted } from '../geodata/synthetic-signals/signal-set.ts';
import { startScenarioPool } from '../workers/scenario-pool.ts';
import { startNodeEngine, type NodeEngine } from '../workers/node-engine.ts';
import { createApp } from './app.ts';
import { openSecurity } from './auth/security-context.ts';
import { defaultStateDir } from './auth/state-db.ts';
import { loadDatasetIntoMemory } from './loaded-dataset.ts';

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
}

export interface RunningServer {
  url: string;
  close(): Promise<void>;
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
  let closeSecurity = (): void => {};
  try {
    // The RESTRICTED signals are split off at once: tiles and the dwelling routes never see them.
    const { dataset, signalSet: signals } = splitRestricted(readDataset(o.datasetFile, { restricted: true }));
    const acquisition = loadAcquisitionConfig(o.acquisitionConfig);
    const tiles = ensureTiles(o.datasetFile, dataset);
    if (tiles.built) o.log(`kaarttegels gebouwd in ${tiles.dir}`);
    const data = loadDatasetIntoMemory(dataset);
    // Cloned, not transferred: the server keeps its own copy for the HTTP routes.
    await engine.api.load(data.columns);
    const stateDir = o.stateDir ?? defaultStateDir();
    const opened = await openSecurity({ stateDir, secureCookies: o.secureCookies ?? false });
    closeSecurity = opened.close;
    if (opened.created) {
      o.log(`eerste start: gebruikers aangemaakt in ${opened.usersFile} (één per rol). Eenmalige wachtwoorden — noteer ze nu, ze worden niet opgeslagen`);
      o.log('(nieuw wachtwoord: voorraad user password <naam>; token voor scripts: voorraad token --role <rol>):');
      for (const a of opened.created) o.log(`  ${a.name.padEnd(9)} rol ${a.role.padEnd(9)} wachtwoord ${a.password}`);
    }
    if (signals.source === 'synthetic') o.log(`signalen: ${signals.signals.length} synthetische signalen (de dataset heeft er geen)`);
    const app = createApp({ data, engine: engine.api, version: o.version, tilesDir: tiles.dir, webDir: o.webDir, security: opened.security, signals, acquisition, scenarios: { runner: scenarioPool } });
    const server = await listen(app.fetch, o.port, o.host);
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}/`,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await engine.terminate();
        await scenarioPool.terminate();
        opened.close();
      },
    };
  } catch (err) {
    await engine.terminate();
    await scenarioPool.terminate();
    closeSecurity();
    throw err;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
