import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { importKillTrials } from './import-kill.ts';
import { planKillTrials } from './plan-kill.ts';

// Enough kills to prove the point in `npm test`: two at a seeded moment of a whole run (start-up, read, before the
// write) and two inside the write phase, each a child process start. `npm run fault:kill` runs 100 of each
// (README, Reliability).
const KILLS = 4;
const dirs: string[] = [];
const temp = (label: string): string => {
  const d = mkdtempSync(join(tmpdir(), `voorraad-${label}-`));
  dirs.push(d);
  return d;
};
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('kill -9 during an import', () => {
  it(`leaves the dataset as before or fully imported, never half-applied (${KILLS} seeded kills)`, async () => {
    // The small fixture keeps each run short (mostly CLI start-up); the script runs on the shipped dataset.
    const dir = temp('import-kill');
    const source = join(dir, 'small.gpkg');
    writeDataset(source, smallDataset());
    const r = await importKillTrials({ dir, kills: KILLS, seed: 9, source });
    expect(r.problems).toEqual([]);
    expect(r.before + r.after).toBe(KILLS);
    // The seeded moments put some kills inside the write phase, or the test would prove little.
    expect(r.duringWrite).toBeGreaterThan(0);
    expect(r.before).toBeGreaterThan(0);
    expect(r.leftoversAtEnd).toBe(0);
  }, 240_000);
});

describe('kill -9 during plan saves', () => {
  it(`loses no committed plan and leaves the state database consistent (${KILLS} seeded kills)`, async () => {
    const r = await planKillTrials({ dir: temp('plan-kill'), kills: KILLS, seed: 9 });
    expect(r.problems).toEqual([]);
    expect(r.committed).toBeGreaterThan(KILLS);
    expect(r.stored).toBeGreaterThanOrEqual(r.committed);
  }, 240_000);
});
