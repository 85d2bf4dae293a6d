import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { SHIPPED_DATASET, ensureShippedDataset } from '../geodata/shipped.ts';
import { prepareStateDir } from '../test/api/test-app.ts';
import { startServer } from './start-server.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-shutdown-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
// The integration project runs file after file in one process: the Worker spy must not outlive this file.
afterEach(() => vi.restoreAllMocks());

describe('startServer close()', () => {
  it('stops listening, terminates every worker thread and drops a request still waiting on one', async () => {
    ensureShippedDataset();
    const state = await prepareStateDir(join(dir, 'state'));
    const terminated: Promise<number>[] = [];
    const real = Worker.prototype.terminate;
    vi.spyOn(Worker.prototype, 'terminate').mockImplementation(function (this: Worker) {
      const p = real.call(this);
      terminated.push(p);
      return p;
    });
    const server = await startServer({
      datasetFile: SHIPPED_DATASET,
      port: 0,
      host: '127.0.0.1',
      webDir: null,
      version: 'test',
      log: () => {},
      stateDir: state.dir,
    });
    // A 500-run Monte Carlo on the shipped stock: several seconds of work in the scenario worker (about 5 s on an idle 2-core machine).
    const inFlight = fetch(new URL('api/scenarios/run', server.url), {
      method: 'POST',
      headers: { authorization: `Bearer ${state.tokens.gemeente}`, 'content-type': 'application/json' },
      body: JSON.stringify({ scenario: 'baseline', runs: 500 }),
    }).then(
      (r) => r.status,
      (e: Error) => e.name,
    );
    await new Promise((r) => setTimeout(r, 200));
    await server.close(0);
    // Dropped (TypeError: fetch failed) instead of kept waiting until the worker finishes.
    expect(await inFlight).toBe('TypeError');
    // Engine, scenario pool and planner threads: each terminated and exited.
    expect(terminated.length).toBeGreaterThanOrEqual(3);
    for (const code of await Promise.all(terminated)) expect(typeof code).toBe('number');
    await expect(fetch(new URL('api/health', server.url))).rejects.toThrow();
  }, 60_000);
});
