import { afterAll, describe, expect, it } from 'vitest';
import { candidatesAnswer } from '../engine/acquisition/candidates-answer.ts';
import { DEFAULT_ACQUISITION_CONFIG } from '../engine/acquisition/params.ts';
import { planAcquisition } from '../engine/acquisition/plan.ts';
import { splitRestricted } from '../geodata/synthetic-signals/signal-set.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { startAcquisitionWorker } from './acquisition-node.ts';

describe('acquisition planner in a worker thread', () => {
  const w = startAcquisitionWorker();
  afterAll(() => w.terminate());

  it('gives the same plan as in this thread, with and without signals', async () => {
    const { dataset, signalSet } = splitRestricted(smallDataset());
    await w.api.load({ dwellings: dataset.dwellings, vves: dataset.vves, signals: signalSet.signals });
    for (const withSignals of [true, false]) {
      const here = planAcquisition({
        dwellings: dataset.dwellings,
        vves: dataset.vves,
        signals: withSignals ? signalSet.signals : null,
        config: DEFAULT_ACQUISITION_CONFIG,
      });
      expect(JSON.stringify(await w.api.plan(withSignals, DEFAULT_ACQUISITION_CONFIG))).toBe(JSON.stringify(here));
      // The map's answer is made in the thread; only its text comes back.
      const meta = { synthetic: true, signalSource: 'synthetic' };
      if (!here.ok) throw new Error(here.issues[0]!.message);
      expect(await w.api.candidates(withSignals, DEFAULT_ACQUISITION_CONFIG, null, 2, meta)).toEqual({
        ok: true,
        value: candidatesAnswer(here.value, here.warnings, 2, meta),
        warnings: here.warnings,
      });
    }
  }, 60_000);
});
