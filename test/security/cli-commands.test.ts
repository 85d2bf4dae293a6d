import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { exportCommand } from '../../cli/export-command.ts';
import { tokenCommand } from '../../cli/token-command.ts';
import { userCommand } from '../../cli/user-command.ts';
import { UsageError } from '../../cli/usage-error.ts';
import { writeDataset } from '../../geodata/dataset-store.ts';
import { AuditLog } from '../../server/audit/audit-log.ts';
import { openStateDb } from '../../server/auth/state-db.ts';
import { TokenStore } from '../../server/auth/token-store.ts';
import { readUsersFile } from '../../server/auth/users-file.ts';
import { verifyPassword } from '../../server/auth/password.ts';
import { securityDataset } from '../../engine/test-fixtures/security-dataset.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-cli-sec-'));
const stateDir = join(dir, 'state');
const dataset = join(dir, 'ds.gpkg');
writeDataset(dataset, securityDataset());

function capture(): { out: () => string; err: () => string } {
  let out = '',
    err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((s: string | Uint8Array) => {
    out += typeof s === 'string' ? s : Buffer.from(s).toString();
    return true;
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    err += String(s);
    return true;
  });
  return { out: () => out, err: () => err };
}
afterEach(() => vi.restoreAllMocks());

const auditEntries = () => {
  const db = openStateDb(stateDir);
  try {
    return new AuditLog(db).list({ limit: 100 }).reverse();
  } finally {
    db.close();
  }
};

describe('voorraad token', () => {
  it('prints one token on stdout, stores only its hash, and audits the issue', async () => {
    const io = capture();
    expect(await tokenCommand(['--role', 'vhf', '--name', 'batchplanner', '--state-dir', stateDir])).toBe(0);
    const token = io.out().trim();
    expect(token).toMatch(/^vrd_[A-Za-z0-9_-]{43}$/);
    expect(io.err()).toContain('rol vhf');
    const db = openStateDb(stateDir);
    expect(new TokenStore(db).verify(token)).toMatchObject({ role: 'vhf', name: 'batchplanner' });
    expect(readFileSync(join(stateDir, 'state.sqlite')).includes(Buffer.from(token))).toBe(false);
    db.close();
    expect(auditEntries().at(-1)).toMatchObject({
      action: 'token.issue',
      via: 'cli',
      detail: { role: 'vhf', name: 'batchplanner' },
    });
  });

  it('lists and revokes', async () => {
    const io = capture();
    await tokenCommand(['--list', '--state-dir', stateDir]);
    const id = /^([0-9a-f]{12})\s/.exec(io.out())![1]!;
    expect(await tokenCommand(['--revoke', id, '--state-dir', stateDir])).toBe(0);
    expect(await tokenCommand(['--revoke', id, '--state-dir', stateDir])).toBe(1);
  });

  it('refuses an unknown role', async () => {
    await expect(tokenCommand(['--role', 'admin', '--state-dir', stateDir])).rejects.toThrow(UsageError);
  });
});

describe('voorraad export acquisition', () => {
  it('writes the CSV for gemeente with signal columns, stating the exporter, and audits it', async () => {
    const out = join(dir, 'lijst.csv');
    capture();
    expect(
      await exportCommand([
        'acquisition',
        '--format',
        'csv',
        '--out',
        out,
        '--dataset',
        dataset,
        '--state-dir',
        stateDir,
        '--name',
        'p.planner',
      ]),
    ).toBe(0);
    const text = readFileSync(out, 'utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    expect(text).toContain('Geëxporteerd door;p.planner (rol gemeente, via opdrachtregel)');
    expect(text).toContain('Overlastmeldingen (klasse, 12 mnd)');
    expect(text).toContain('Synthetisch;ja');
    expect(auditEntries().at(-1)).toMatchObject({
      actor: 'p.planner',
      role: 'gemeente',
      via: 'cli',
      action: 'export',
      object: 'acquisition:csv',
      result: 'ok',
      detail: { signals: true, out },
    });
  });

  it('gives alwel no signal columns and refuses vhf (audited as denied)', async () => {
    const io = capture();
    expect(
      await exportCommand([
        'acquisition',
        '--format',
        'geojson',
        '--role',
        'alwel',
        '--dataset',
        dataset,
        '--state-dir',
        stateDir,
      ]),
    ).toBe(0);
    const fc = JSON.parse(io.out()) as {
      features: { properties: Record<string, unknown> }[];
      metadata: { exportedBy: { role: string } };
    };
    expect(fc.metadata.exportedBy.role).toBe('alwel');
    expect(Object.keys(fc.features[0]!.properties)).not.toContain('overlast_klasse');
    expect(
      await exportCommand([
        'acquisition',
        '--format',
        'csv',
        '--role',
        'vhf',
        '--dataset',
        dataset,
        '--state-dir',
        stateDir,
      ]),
    ).toBe(1);
    expect(io.err()).toContain('auth.forbidden');
    expect(auditEntries().at(-1)).toMatchObject({ role: 'vhf', action: 'access.denied', result: 'denied' });
  });

  it('writes XLSX to a file and rejects bad options', async () => {
    capture();
    const out = join(dir, 'lijst.xlsx');
    expect(
      await exportCommand([
        'acquisition',
        '--format',
        'xlsx',
        '--out',
        out,
        '--dataset',
        dataset,
        '--state-dir',
        stateDir,
        '--budget',
        '500000',
      ]),
    ).toBe(0);
    expect(readFileSync(out).subarray(0, 2).toString()).toBe('PK');
    await expect(exportCommand(['acquisition', '--format', 'pdf', '--dataset', dataset])).rejects.toThrow(UsageError);
    await expect(exportCommand(['stats', '--format', 'csv'])).rejects.toThrow(UsageError);
    await expect(exportCommand(['acquisition', '--format', 'csv', '--purpose', 'x'])).rejects.toThrow(UsageError);
    await expect(exportCommand(['acquisition', '--format', 'csv', '--budget', '5'])).rejects.toThrow(UsageError);
  });
});

describe('voorraad user', () => {
  it('adds a user with a generated password printed once, resets and disables', async () => {
    const io = capture();
    const users = join(dir, 'users-state');
    expect(await userCommand(['add', 'p.planner', '--role', 'gemeente', '--state-dir', users])).toBe(0);
    const password = /^p\.planner: (\S+)$/m.exec(io.out())![1]!;
    const entry = readUsersFile(join(users, 'users.json')).find((u) => u.name === 'p.planner')!;
    expect(entry.role).toBe('gemeente');
    expect(await verifyPassword(password, entry.passwordHash)).toBe(true);
    expect(await userCommand(['disable', 'p.planner', '--state-dir', users])).toBe(0);
    expect(readUsersFile(join(users, 'users.json')).find((u) => u.name === 'p.planner')!.disabled).toBe(true);
    await expect(userCommand(['add', 'p.planner', '--role', 'gemeente', '--state-dir', users])).rejects.toThrow(
      UsageError,
    );
  }, 30_000);
});
