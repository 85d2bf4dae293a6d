import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { FileWriteError } from '../../geodata/file-write.ts';
import { securityApp } from '../../test/security/security-app.ts';
import { openSecurity } from './security-context.ts';
import { isStateStoreError } from './state-health.ts';

const dir = mkdtempSync(join(tmpdir(), 'voorraad-state-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Issue finding "a full or read-only state directory gives uncoded 500s (health still ok) and an uncoded stack at start". */
describe('state store that cannot write', () => {
  it('answers a coded 503 and health says degraded', async () => {
    const { as, ctx } = await securityApp();
    expect(await (await as('viewer')('/api/health')).json()).toMatchObject({ status: 'ok' });
    // The state database refuses writes, as a read-only or full disk would (tests run as root: chmod does not stop root).
    (ctx.security.audit as unknown as { db: Database.Database }).db.pragma('query_only = ON');
    const res = await as('gemeente')('/api/signals');
    expect(res.status).toBe(503);
    expect(res.headers.get('retry-after')).toBe('30');
    expect(await res.json()).toMatchObject({ code: 'state.unavailable' });
    const health = (await (await as('viewer')('/api/health')).json()) as { status: string; problems: string[] };
    expect(health.status).toBe('degraded');
    expect(health.problems[0]).toMatch(/SQLITE_READONLY/);
  });

  it('fails at start with a coded error naming the file, not a stack', async () => {
    const file = join(dir, 'een-bestand');
    writeFileSync(file, 'x');
    const err = await openSecurity({ stateDir: join(file, 'state'), users: [] as never[] }).catch((e: unknown) => e);
    // users given: only the database is opened
    expect(err).toBeInstanceOf(FileWriteError);
    expect((err as FileWriteError).message).toContain(join(file, 'state', 'state.sqlite'));
  });

  it('knows the codes of a store that cannot write', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_READONLY', 'SQLITE_IOERR_WRITE', 'ENOSPC', 'EROFS'])
      expect(isStateStoreError({ code })).toBe(true);
    for (const code of ['SQLITE_CONSTRAINT', 'ENOENT', undefined]) expect(isStateStoreError({ code })).toBe(false);
  });
});
