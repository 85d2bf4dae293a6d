import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_PLAN, vbo } from '../engine/monitor/monitor-test-plan.ts';
import { openMonitorStore } from '../server/monitor/monitor-store.ts';
import { storesWithPlan } from '../server/monitor/monitor-test-stores.ts';
import { captureOutput } from '../test/cli/capture-output.ts';
import { main } from './main.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-monitor-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
storesWithPlan(TEST_PLAN, dir).close();
const run = (...argv: string[]) => captureOutput(() => main(['monitor', ...argv, '--state-dir', dir]));
const file = (name: string, text: string) => {
  const f = join(dir, name);
  writeFileSync(f, text);
  return f;
};
const HEADER = 'referentie;soort;datum;bedrag_eur;bron;vbo_id;batch_id;corrigeert\n';
const storedMoney = () => {
  const s = openMonitorStore(dir);
  try {
    return s.store.money();
  } finally {
    s.close();
  }
};

describe('voorraad monitor', () => {
  it('refuses a file whose header does not match, naming the column', async () => {
    const r = await run(
      'import',
      'geld',
      file('kop.csv', 'referentie;soort;datum;bron;vbo_id\nA;betaald;2026-11-01;vhf;' + vbo(1) + '\n'),
    );
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/import\.header/);
    expect(r.stderr).toMatch(/bedrag_eur/);
  });

  it('refuses a whole file when one row is bad, naming file, row and column, and stores nothing', async () => {
    const f = file(
      'fout.csv',
      `${HEADER}A;betaald;2026-11-01;100,50;vhf;${vbo(1)};;\nB;betaald;2026-11-01;veel;vhf;${vbo(1)};;\n`,
    );
    const r = await run('import', 'geld', f);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('gelezen 2 = geaccepteerd 1 + geweigerd 1');
    expect(r.stderr).toMatch(/monitor\.record\.invalid: .*fout\.csv .*column bedrag_eur: expected an amount in euro/);
    const checked = await run(
      'import',
      'geld',
      file(
        'buiten.csv',
        `${HEADER}A;betaald;2026-11-01;100;vhf;${vbo(1)};;\nB;betaald;2026-11-01;-5;vhf;${vbo(1)};;\nC;betaald;2026-11-01;5;vhf;${vbo(99)};;\n`,
      ),
    );
    expect(checked.code).toBe(1);
    expect(checked.stderr).toMatch(/monitor\.money\.negative: entry B/);
    expect(checked.stderr).toMatch(/monitor\.money\.outside-plan: entry C/);
    expect(storedMoney()).toEqual([]);
  });

  it('imports a good file whole, records on the command line and shows the figures with the forecast', async () => {
    const f = file(
      'goed.csv',
      `${HEADER}A;toegezegd;02-06-2026;1.000,00;VHF;${vbo(1)};;\nB;betaald;2026-11-01;250;eigenaar;;2026-najaar:K1;\n`,
    );
    const r = await run('import', 'geld', f);
    expect(r).toMatchObject({ code: 0, stdout: expect.stringContaining('gelezen 2 = geaccepteerd 2 + geweigerd 0') });
    expect(storedMoney().map((m) => [m.reference, m.amountEur, m.source, m.batchId])).toEqual([
      ['A', 1000, 'vhf', null],
      ['B', 250, 'eigenaar', '2026-najaar:K1'],
    ]);
    expect(
      (await run('record', 'status', '--vbo', vbo(1), '--status', 'uitgenodigd', '--datum', '2026-05-01')).code,
    ).toBe(0);
    const skip = await run('record', 'status', '--vbo', vbo(1), '--status', 'geïsoleerd', '--datum', '2026-11-01');
    expect(skip.code).toBe(1);
    expect(skip.stderr).toContain('monitor.status.skip');
    const dup = await run(
      'record',
      'geld',
      '--referentie',
      'A',
      '--soort',
      'betaald',
      '--datum',
      '2026-11-02',
      '--bedrag',
      '10',
      '--bron',
      'vhf',
      '--vbo',
      vbo(1),
    );
    expect(dup.stderr).toContain('monitor.money.duplicate-reference');
    const show = await run('show', '--quarter', '2026Q4', '--format', 'json');
    expect(show.code).toBe(0);
    const out = JSON.parse(show.stdout) as {
      figures: { total: { money: { committedEur: number; paidEur: number }; realised: { invited: number } } };
      forecast: { seed: number };
    };
    expect(out.figures.total.money).toMatchObject({ committedEur: 1000, paidEur: 250 });
    expect(out.figures.total.realised.invited).toBe(1);
    expect(out.forecast.seed).toBe(1);
    const table = await run('show', '--quarter', '2026Q4');
    expect(table.stdout).toMatch(/^Totaal +1\/3 /m);
    expect((await run('show', '--quarter', '2026-4')).stderr).toContain('monitor.quarter.invalid');
  });
});
