import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { readDataset } from '../geodata/dataset-store.ts';
import { ensureTiles } from '../geodata/shipped.ts';
import { startNodeEngine, type NodeEngine } from '../workers/node-engine.ts';
import { createApp } from './app.ts';
import { loadDatasetIntoMemory } from './loaded-dataset.ts';

export interface StartOptions {
  datasetFile: string;
  port: number;
  host: string;
  webDir: string | null;
  version: string;
  log: (msg: string) => void;
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
  try {
    const dataset = readDataset(o.datasetFile);
    const tiles = ensureTiles(o.datasetFile, dataset);
    if (tiles.built) o.log(`kaarttegels gebouwd in ${tiles.dir}`);
    const data = loadDatasetIntoMemory(dataset);
    // Cloned, not transferred: the server keeps its own copy for the HTTP routes.
    await engine.api.load(data.columns);
    const app = createApp({ data, engine: engine.api, version: o.version, tilesDir: tiles.dir, webDir: o.webDir });
    const server = await listen(app.fetch, o.port, o.host);
    const { port } = server.address() as AddressInfo;
    return {
      url: `http://${o.host.includes(':') ? `[${o.host}]` : o.host}:${port}/`,
      async close() {
        await new Promise<void>((resolve) => server.close(() => resolve()));
        await engine.terminate();
      },
    };
  } catch (err) {
    await engine.terminate();
    throw err;
  }
}

function listen(fetch: Parameters<typeof serve>[0]['fetch'], port: number, hostname: string): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch, port, hostname }, () => resolve(server));
    server.once('error', reject);
  });
}
