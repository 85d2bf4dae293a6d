import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeDataset } from '../geodata/dataset-store.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { startPlannerWorker } from './planner-node.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-planner-'));
const datasetPath = join(dir, 'small.gpkg');
writeDataset(datasetPath, smallDataset());
const INPUT = {
  runDate: '2025-07-01',
  window: { from: '2025-07-01' },
  budgetEur: 60_000,
  capacity: { perSeason: { dwellings: 10 } },
};

describe('planner worker', () => {
  it('plans with HiGHS in a worker thread and returns coded issues for bad input', async () => {
    const w = startPlannerWorker();
    try {
      const r = await w.plan(INPUT, { datasetPath });
      expect(r.ok).toBe(true);
      if (!r.ok) return;
      expect(r.value.meta.solver.used).toBe('mip');
      expect(r.value.meta.dataset.synthetic).toBe(true);
      expect(r.value.totals.programmeContributionEur).toBeLessThanOrEqual(60_000);
      const bad = await w.plan({ ...INPUT, budgetEur: -1 }, { datasetPath });
      expect(bad.ok ? null : bad.issues[0]!.code).toBe('plan.budget.negative');
      const fixed = await w.plan(INPUT, { datasetPath, fixed: r.value.batches.slice(0, 1) });
      expect(fixed.ok && fixed.value.batches.some((b) => b.fixed)).toBe(r.value.batches.length > 0);
    } finally {
      await w.terminate();
    }
  }, 60_000);

  it('can be stopped during a solve: the pending plan resolves as plan.solver.stopped', async () => {
    const w = startPlannerWorker();
    const pending = w.plan(INPUT, { datasetPath });
    await w.terminate();
    await expect(pending).resolves.toMatchObject({ ok: false, issues: [{ code: 'plan.solver.stopped' }] });
    await expect(w.plan(INPUT, { datasetPath })).resolves.toMatchObject({ ok: false });
  }, 60_000);
});
