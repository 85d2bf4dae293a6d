import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runCli } from '../test/cli/capture-output.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('voorraad rules', () => {
  it('lists the rules in force on a date with their sources (json)', async () => {
    const r = await runCli(['rules', '--date', '2026-06-01', '--format', 'json']);
    expect(r.code).toBe(0);
    const body = JSON.parse(r.stdout) as {
      date: string;
      rules: { id: string; value: unknown; version: string; source: { url?: string } }[];
    };
    expect(body.date).toBe('2026-06-01');
    const max = body.rules.find((x) => x.id === 'warmtefonds.vve.max-per-right')!;
    expect(max).toMatchObject({ value: 34000, version: 'warmtefonds.vve.max-per-right@2026-01-01' });
    expect(max.source.url).toBe('https://www.warmtefonds.nl/vve/voorwaarden-vve-energiebespaarlening');
    expect(body.rules.find((x) => x.id === 'housing.daeb.income-limit.single')!.value).toBe(51537);
  });

  it('shows the row valid on an earlier date in a Dutch table', async () => {
    const r = await runCli(['rules', '--date', '2025-03-01']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Regels op 2025-03-01');
    expect(r.stdout).toMatch(
      /warmtefonds\.vve\.max-per-right {2}Maximale lening per appartementsrecht[^\n]*\n {2}waarde: {2}€ 30\.000/,
    );
    expect(r.stdout).toContain('€ 49.669 per jaar');
    expect(r.stdout).toContain('(aanname, niet uit de bron)');
  });

  it('refuses a bad date (exit 2) and a rules directory with a bad row (exit 1, file, row and field named)', async () => {
    expect((await runCli(['rules', '--date', '2026-02-30'])).code).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'rules-'));
    dirs.push(dir);
    writeFileSync(
      join(dir, 'x.json'),
      JSON.stringify({
        rules: [
          {
            id: 'x.y',
            kind: 'number',
            title: 'X',
            value: 5,
            unit: 'EUR',
            range: { min: 0, max: 1 },
            validFrom: '2025-01-01',
            validTo: null,
            retrieved: '2026-12-07',
          },
        ],
      }),
    );
    const r = await runCli(['rules', '--rules', dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain(
      `voorraad rules: rules.source.missing: ${join(dir, 'x.json')}, rules[0] (x.y), source: required`,
    );
  });
});
