import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resultJson } from '../../engine/housing/result-json.ts';
import { DatasetCache, loadScenarioFile, type PreparedScenario } from '../../workers/scenario-files.ts';
import { inProcessRunner, runScenario, startScenarioPool, type ScenarioPool } from '../../workers/scenario-pool.ts';

const FILE = fileURLToPath(new URL('../../scenarios/westrand-sloop-nieuwbouw.yaml', import.meta.url));
const RUNS = 37;

describe('Monte Carlo in worker threads', () => {
  let pool: ScenarioPool;
  let prepared: PreparedScenario;

  beforeAll(() => {
    const p = loadScenarioFile(FILE, { datasets: new DatasetCache(), runs: RUNS });
    if (!p.ok) throw new Error(JSON.stringify(p.issues));
    prepared = p.value;
    pool = startScenarioPool(2);
  });
  afterAll(async () => {
    await pool?.terminate();
  });

  it('gives byte-identical results on two workers, one worker and in this thread', async () => {
    const here = resultJson(await runScenario(prepared, inProcessRunner(5)));
    const two = resultJson(await runScenario(prepared, pool));
    expect(two).toBe(here);
    const one = startScenarioPool(1);
    try {
      expect(resultJson(await runScenario(prepared, one))).toBe(here);
    } finally {
      await one.terminate();
    }
  }, 120_000);

  it("summarises in the runner (the pool's worker), not on the caller's thread", async () => {
    let calls = 0;
    const here = inProcessRunner(5);
    const spy = {
      run: here.run,
      summarise: (...a: Parameters<NonNullable<ScenarioPool['summarise']>>) => {
        calls++;
        return pool.summarise(...a);
      },
    };
    const viaPool = resultJson(await runScenario(prepared, spy));
    expect(calls).toBe(1);
    expect(viaPool).toBe(resultJson(await runScenario(prepared, here)));
  }, 60_000);

  it('gives the same result when asked twice (the worker keeps no state between jobs)', async () => {
    const a = await pool.run(prepared.stock, prepared.compiled, 9);
    const b = await pool.run(prepared.stock, prepared.compiled, 9);
    expect(Buffer.from(a.buffer).equals(Buffer.from(b.buffer))).toBe(true);
  }, 60_000);
});
