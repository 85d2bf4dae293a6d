import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SHIPPED_RULES } from '../../engine/rules/shipped-rules.ts';
import { loadRulesDir, loadRulesDirOrThrow, RulesFileError, SHIPPED_RULES_DIR } from './load-rules.ts';

const dirs: string[] = [];
const tmp = (files: Record<string, string>): string => {
  const d = mkdtempSync(join(tmpdir(), 'rules-'));
  dirs.push(d);
  for (const [f, text] of Object.entries(files)) writeFileSync(join(d, f), text);
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const row = (validFrom: string, validTo: string | null) => ({
  id: 'a.b',
  kind: 'number',
  title: 'A',
  value: 1,
  unit: 'EUR',
  range: { min: 0, max: 10 },
  validFrom,
  validTo,
  source: { title: 'S', document: 'docs/domain.md §3' },
  retrieved: '2026-12-07',
});

describe('loadRulesDir', () => {
  it('loads the shipped directory to the rows the engine embeds', () => {
    const r = loadRulesDir(SHIPPED_RULES_DIR);
    expect(r.ok).toBe(true);
    const strip = (x: { file: string }) => ({ ...x, file: x.file.slice(x.file.lastIndexOf('/') + 1) });
    expect(r.ok && r.value.map(strip)).toEqual(SHIPPED_RULES.map(strip));
  });

  it('refuses overlapping periods across files, naming the later file and row', () => {
    const d = tmp({
      'a.json': JSON.stringify({ rules: [row('2025-01-01', '2025-12-31')] }),
      'b.json': JSON.stringify({ rules: [row('2025-07-01', null)] }),
    });
    const r = loadRulesDir(d);
    expect(!r.ok && r.issues[0]).toMatchObject({
      code: 'rules.validity.overlap',
      file: join(d, 'b.json'),
      row: 0,
      field: 'validFrom',
    });
  });

  it('reports broken JSON and every bad file, and loads nothing', () => {
    const d = tmp({
      'a.json': '{ "rules": [',
      'b.json': JSON.stringify({ rules: [{ ...row('2025-01-01', null), value: 11 }] }),
    });
    const r = loadRulesDir(d);
    expect(!r.ok && r.issues.map((i) => i.code)).toEqual(['rules.file.json', 'rules.value.out-of-range']);
    expect(() => loadRulesDirOrThrow(d)).toThrow(RulesFileError);
  });

  it('refuses a missing or empty directory', () => {
    expect(loadRulesDir(join(tmpdir(), 'no-such-rules-dir-x'))).toMatchObject({
      ok: false,
      issues: [{ code: 'rules.file.read' }],
    });
    expect(loadRulesDir(tmp({}))).toMatchObject({ ok: false, issues: [{ code: 'rules.file.read' }] });
  });
});
