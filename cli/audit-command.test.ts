import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { AuditLog } from '../server/audit/audit-log.ts';
import { openStateDb } from '../server/auth/state-db.ts';
import { auditCommand } from './audit-command.ts';
import { UsageError } from './usage-error.ts';
import { captureOutput } from '../test/cli/capture-output.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-audit-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
afterEach(() => vi.restoreAllMocks());

function withLog<T>(state: string, f: (log: AuditLog, db: ReturnType<typeof openStateDb>) => T): T {
  const db = openStateDb(state);
  try {
    return f(new AuditLog(db), db);
  } finally {
    db.close();
  }
}

describe('voorraad audit', () => {
  it('verify: exit 0 on an intact log, exit 1 with a code when the newest entries were deleted', async () => {
    const state = join(dir, 'a');
    withLog(state, (log) => {
      for (let i = 0; i < 4; i++)
        log.append({
          actor: 'x',
          role: null,
          via: 'cli',
          action: 'export',
          object: `o${i}`,
          result: 'ok',
          origin: 'cli',
        });
    });
    let io = await captureOutput(() => auditCommand(['verify', '--state-dir', state]));
    expect(io.code).toBe(0);
    expect(io.stdout).toContain('auditlog intact: 4 regels');
    withLog(state, (_log, db) => {
      db.exec('DROP TRIGGER audit_log_no_delete');
      db.exec('DELETE FROM audit_log WHERE seq = 4');
    });
    io = await captureOutput(() => auditCommand(['verify', '--state-dir', state]));
    expect(io.code).toBe(1);
    expect(io.stderr).toMatch(/^voorraad audit: audit\.truncated: /);
  });

  it('export: entries and checkpoints as JSON lines in a 0600 file, and the export is audited', async () => {
    const state = join(dir, 'b');
    withLog(state, (log) => {
      for (let i = 0; i < 3; i++)
        log.append({
          actor: 'x',
          role: null,
          via: 'cli',
          action: 'sign-in',
          object: `o${i}`,
          result: 'ok',
          origin: 'cli',
        });
      log.checkpoint();
    });
    const out = join(dir, 'audit.jsonl');
    expect((await captureOutput(() => auditCommand(['export', '--out', out, '--state-dir', state]))).code).toBe(0);
    const lines = readFileSync(out, 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines[0]).toMatchObject({ format: 'voorraad-audit-export@1', checkpoints: [{ seq: 3 }] });
    expect(lines.slice(1).map((l) => l.seq)).toEqual([1, 2, 3]);
    expect(statSync(out).mode & 0o777).toBe(0o600);
    expect(withLog(state, (log) => log.list({ limit: 1 })[0])).toMatchObject({
      action: 'export',
      object: 'audit_log',
      detail: { rows: 3 },
    });
    await expect(auditCommand(['export', '--state-dir', state])).rejects.toBeInstanceOf(UsageError);
    await expect(auditCommand(['nope'])).rejects.toBeInstanceOf(UsageError);
  });
});
