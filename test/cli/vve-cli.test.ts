import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli/main.ts';
import { owners, vveDataset } from '../../engine/vve/vve-fixture.ts';
import { VveRankingSchema } from '../../engine/vve/vve-schemas.ts';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { AuditLog } from '../../server/audit/audit-log.ts';
import { openStateDb } from '../../server/auth/state-db.ts';
import { captureOutput } from './capture-output.ts';

const run = (argv: string[]) => captureOutput(() => main(argv));
afterEach(() => vi.restoreAllMocks());

const tmp = mkdtempSync(join(tmpdir(), 'voorraad-vve-cli-'));
const state = join(tmp, 'state');
const good = join(tmp, 'goed.gpkg');
writeDataset(
  good,
  vveDataset([
    { vveId: 'VVE-PILOT', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
    { vveId: 'VVE-CORP', ownership: [...owners(6, 'corporatie'), ...owners(4)] },
    { vveId: 'VVE-KLEIN', ownership: owners(6) },
  ]),
);
const badDs = vveDataset([
  { vveId: 'VVE-OK', ownership: owners(9) },
  { vveId: 'VVE-FOUT', ownership: owners(8) },
]);
badDs.vves[1]!.members = badDs.vves[1]!.members.slice(1);
const bad = join(tmp, 'fout.gpkg');
writeDataset(bad, badDs);
const BASE = ['vve', '--dataset', good, '--state-dir', state];

const exports = () => {
  const db = openStateDb(state);
  try {
    return new AuditLog(db).list({ limit: 100, action: 'export' });
  } finally {
    db.close();
  }
};

describe('voorraad vve', () => {
  it('--format json: the ranking with the fields the VvE pilot needs; exit 0', async () => {
    const r = await run([...BASE, '--format', 'json']);
    expect(r.code).toBe(0);
    const body = VveRankingSchema.parse(JSON.parse(r.stdout));
    const by = Object.fromEntries(body.vves.map((v) => [v.vveId, v]));
    // 6 dwellings: the small-VvE path, where every member must sign.
    expect(by['VVE-KLEIN']!.warmtefonds).toMatchObject({ eligible: true, path: 'small-all-sign' });
    expect(by['VVE-KLEIN']!.decisionProbability).toBe(by['VVE-KLEIN']!.decision.unanimityProbability);
    expect(body.rulesUsed.map((v) => v.id)).toContain('warmtefonds.vve.max-per-right');
    expect(by['VVE-CORP']!.corporationControlled).toBe(true);
    expect(by['VVE-PILOT']!.rank).toBe(1);
    expect(r.stderr).toContain('synthetische gegevens');
  });

  it('prints a Dutch table by default, with nl-NL amounts and the synthetic mark', async () => {
    const r = await run(BASE);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^rang\s+pilot\s+VvE/);
    expect(r.stdout).toMatch(/€\s\d\.\d{3}/); // nl-NL: thousands with "."
    // Its chance of a decision is under the default threshold: off the shortlist, with the reason in figures.
    expect(r.stdout).toContain('Pilot-shortlist (★): geen');
    expect(r.stdout).toMatch(/VVE-PILOT: Kans op een besluit [\d,]+% ligt onder de drempel van 25% voor de shortlist/);
    expect(r.stdout).toMatch(/Regels van \d{4}-\d{2}-\d{2}: .*warmtefonds\.vve\.max-per-right@/);
    expect(r.stdout).toContain('Let op: synthetische gegevens');
  });

  it('--format csv: Dutch Excel CSV on stdout, logged in the audit log', async () => {
    const before = exports().length;
    const r = await run([...BASE, '--format', 'csv']);
    expect(r.code).toBe(0);
    expect(r.stdout.charCodeAt(0)).toBe(0xfeff);
    expect(r.stdout).toContain('Synthetisch;ja');
    expect(r.stdout).toMatch(/\r\nRang;Op de pilot-shortlist;VvE-id;/);
    expect(exports().length).toBe(before + 1);
    expect(exports()[0]).toMatchObject({ via: 'cli', object: 'vve:csv', result: 'ok' });
  });

  it('--export file.xlsx writes the workbook and logs it; file.csv likewise', async () => {
    const xlsx = join(tmp, 'vve.xlsx'),
      csv = join(tmp, 'vve.csv');
    const r = await run([...BASE, '--format', 'json', '--export', xlsx]);
    expect(r.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(xlsx);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['VvE-pilot', 'Over deze export']);
    expect(r.stderr).toContain('vastgelegd in het auditlog');
    expect((await run([...BASE, '--export', csv])).code).toBe(0);
    expect(readFileSync(csv, 'utf8')).toContain('Dataset;VvE-proefset (peildatum 2025-06-30)');
    expect(
      exports()
        .slice(0, 2)
        .map((e) => e.object),
    ).toEqual(['vve:csv', 'vve:xlsx']);
  });

  it('uses a configuration file (per-VvE majority override)', async () => {
    const cfg = JSON.parse(readFileSync(new URL('../../config/vve.default.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    const file = join(tmp, 'vve-override.json');
    writeFileSync(file, JSON.stringify({ ...cfg, overrides: { 'VVE-PILOT': { majority: 0.5 } }, shortlistSize: 1 }));
    const r = await run([...BASE, '--format', 'json', '--config', file]);
    expect(r.code).toBe(0);
    const body = VveRankingSchema.parse(JSON.parse(r.stdout));
    expect(body.vves.find((v) => v.vveId === 'VVE-PILOT')!.decision).toMatchObject({
      majority: 0.5,
      ruleSource: 'override',
    });
    expect(body.shortlist).toHaveLength(1);
  });
});

describe('voorraad vve: bad input and exit codes', () => {
  it('a VvE whose rights do not add up is reported with its code, the rest ranked; exit 1', async () => {
    const r = await run(['vve', '--dataset', bad, '--state-dir', state, '--format', 'json']);
    expect(r.code).toBe(1);
    const body = VveRankingSchema.parse(JSON.parse(r.stdout));
    expect(body.vves.map((v) => v.vveId)).toEqual(['VVE-OK']);
    expect(body.rejected[0]).toMatchObject({
      vveId: 'VVE-FOUT',
      issues: [expect.objectContaining({ code: 'vve.rights.mismatch' })],
    });
    expect(r.stderr).toMatch(/VVE-FOUT: vve\.rights\.mismatch/);
  });

  it('a majority override outside (0, 1] is reported for that VvE only; exit 1', async () => {
    const cfg = JSON.parse(readFileSync(new URL('../../config/vve.default.json', import.meta.url), 'utf8')) as Record<
      string,
      unknown
    >;
    const file = join(tmp, 'vve-majority.json');
    writeFileSync(file, JSON.stringify({ ...cfg, overrides: { 'VVE-KLEIN': { majority: 1.5 } } }));
    const r = await run([...BASE, '--format', 'json', '--config', file]);
    expect(r.code).toBe(1);
    const body = VveRankingSchema.parse(JSON.parse(r.stdout));
    expect(body.vves.map((v) => v.vveId).sort()).toEqual(['VVE-CORP', 'VVE-PILOT']);
    expect(r.stderr).toMatch(/VVE-KLEIN: vve\.majority\.invalid: .*not a fraction in \(0, 1\]/);
  });

  it.each([
    [['--format', 'pdf'], /--format: expected one of table, json, csv, found "pdf"/],
    [['--export', 'vve.pdf'], /--export: expected a file name ending in \.csv or \.xlsx/],
    [['--onbekend'], /Unknown option '--onbekend'/],
  ])('usage error %j → exit 2', async (args, message) => {
    const r = await run([...BASE, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(message);
    expect(r.stdout).toBe('');
  });

  it('an invalid configuration file names the JSON path; exit 2, nothing written', async () => {
    const file = join(tmp, 'vve-fout.json');
    writeFileSync(file, JSON.stringify({ shortlistSize: 0 }));
    const r = await run([...BASE, '--config', file]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--config: .*vve-fout\.json: vve\.config\./);
    writeFileSync(file, '{ niet json');
    expect((await run([...BASE, '--config', file])).stderr).toMatch(/not readable JSON/);
    expect((await run([...BASE, '--config', join(tmp, 'bestaat-niet.json')])).stderr).toMatch(/file not found/);
    expect(r.stdout).toBe('');
  });

  it('a missing dataset file: exit 1 with the dataset error', async () => {
    const r = await run(['vve', '--dataset', join(tmp, 'geen.gpkg'), '--state-dir', state]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/dataset\.missing/);
    expect(existsSync(join(tmp, 'geen.gpkg'))).toBe(false);
  });
});

describe('voorraad serve --vve-config', () => {
  const serve = (file: string) =>
    run(['serve', '--port', '0', '--no-web', '--dataset', good, '--state-dir', state, '--vve-config', file]);
  it('an invalid file: exit 2 naming the file, the code and the JSON path, before anything starts', async () => {
    const file = join(tmp, 'serve-vve-fout.json');
    writeFileSync(
      file,
      JSON.stringify({
        ...JSON.parse(readFileSync(new URL('../../config/vve.default.json', import.meta.url), 'utf8')),
        decision: { defaultMajority: 1.5 },
      }),
    );
    const r = await serve(file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^voorraad serve: --vve-config: .*serve-vve-fout\.json: vve\.config\.[a-z-]+: decision\./);
    expect(r.stdout).toBe('');
  });
  it('a missing file or broken JSON: exit 2 with the code', async () => {
    const missing = await serve(join(tmp, 'geen-vve.json'));
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/--vve-config: vve\.config\.not-found: .*geen-vve\.json: file not found/);
    const file = join(tmp, 'serve-vve-kapot.json');
    writeFileSync(file, '{');
    const broken = await serve(file);
    expect(broken.code).toBe(2);
    expect(broken.stderr).toMatch(/--vve-config: vve\.config\.json: .*serve-vve-kapot\.json: not readable JSON/);
  });
});
