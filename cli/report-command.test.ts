import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TEST_PLAN, vbo } from '../engine/monitor/monitor-test-plan.ts';
import { smallDataset } from '../engine/test-fixtures/small-dataset.ts';
import { writeDataset } from '../geodata/dataset-store.ts';
import { openMonitorStore } from '../server/monitor/monitor-store.ts';
import { VHF_ACTOR, storesWithPlan } from '../server/monitor/monitor-test-stores.ts';
import { captureOutput } from '../test/cli/capture-output.ts';
import { ReportError, reportCommand } from './report-command.ts';
import { UsageError } from './usage-error.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-report-cli-'));
const state = join(dir, 'state');
const dataset = join(dir, 'ds.gpkg');
writeDataset(dataset, smallDataset());

function seed(): void {
  const s = storesWithPlan(TEST_PLAN, state);
  const r = s.store.recordStatuses(
    [
      { record: { vboId: vbo(1), status: 'uitgenodigd', date: '2026-06-01' }, path: [0] },
      { record: { vboId: vbo(1), status: 'akkoord', date: '2026-06-10' }, path: [1] },
      { record: { vboId: vbo(1), status: 'natuurvrij', date: '2026-08-05' }, path: [2] },
      { record: { vboId: vbo(1), status: 'geïsoleerd', date: '2026-10-20' }, path: [3] },
    ],
    VHF_ACTOR,
    'test',
  );
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  s.close();
}

describe('voorraad report progress', () => {
  it('refuses a wrong command line and a quarter without a plan', async () => {
    await expect(reportCommand(['progress'])).rejects.toThrow(UsageError);
    await expect(reportCommand(['progress', '--quarter', '2026Q4', '--format', 'doc'])).rejects.toThrow(UsageError);
    const err: unknown = await reportCommand([
      'progress',
      '--quarter',
      '2026Q4',
      '--dataset',
      dataset,
      '--state-dir',
      join(dir, 'empty'),
    ]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ReportError);
    expect((err as ReportError).code).toBe('monitor.plan.none');
  });

  it('writes the HTML report from the stored records and logs the export', async () => {
    seed();
    const out = join(dir, 'r.html');
    const run = await captureOutput(() =>
      reportCommand(['progress', '--quarter', '2026Q4', '--dataset', dataset, '--state-dir', state, '--out', out]),
    );
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('vastgelegd in het auditlog');
    const html = readFileSync(out, 'utf8');
    expect(html).toContain('Voortgangsrapportage isolatieprogramma');
    expect(html).toContain('Tot en met dit kwartaal zijn 1 woningen geïsoleerd');
    const s = openMonitorStore(state);
    const logged = s.db
      .prepare("SELECT COUNT(*) FROM audit_log WHERE action = 'export' AND object = 'progress-report:html'")
      .pluck()
      .get();
    s.close();
    expect(logged).toBe(1);
  });
});
