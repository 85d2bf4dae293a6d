import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { testUsers } from '../../test/api/test-app.ts';
import { securityApp, testPassword } from '../../test/security/security-app.ts';
import { createApp } from '../app.ts';
import { hashPassword } from './password.ts';
import { SIGN_IN_FAILURES_PER_ADDRESS } from './rate-limit.ts';
import { openSecurity } from './security-context.ts';
import { SIGN_IN_BACKOFF } from './sign-in-backoff.ts';
import { stateFiles } from './state-db.ts';
import { writeUsersFile } from './users-file.ts';

/**
 * Sign-in that cannot be turned against users: backoff per user name + client address, failures (not successes)
 * capped per address, trusted proxies for the client address, and users-file changes effective at once.
 */
const json = { 'content-type': 'application/json' };
type App = Awaited<ReturnType<typeof securityApp>>['app'];
const from = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });
const signIn = (app: App, username: string, password: string, address: string, headers: Record<string, string> = {}) =>
  app.request(
    '/api/auth/sign-in',
    { method: 'POST', headers: { ...json, ...headers }, body: JSON.stringify({ username, password }) },
    from(address),
  );

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

describe('sign-in backoff per user name and address', () => {
  it("an attacker failing for vhf does not lock vhf out from another address; the attacker's pair waits longer each time", async () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const { app } = await securityApp(undefined, { now: () => now });
    for (let i = 0; i < SIGN_IN_BACKOFF.freeFailures; i++)
      expect((await signIn(app, 'vhf', 'fout', '10.6.6.6')).status).toBe(401);
    const blocked = await signIn(app, 'vhf', testPassword('vhf'), '10.6.6.6');
    expect(blocked.status).toBe(429);
    expect(blocked.headers.get('retry-after')).toBe('1');
    expect((await signIn(app, 'vhf', testPassword('vhf'), '10.1.1.1')).status).toBe(200);
    now += 1_000;
    expect((await signIn(app, 'vhf', 'fout', '10.6.6.6')).status).toBe(401);
    expect((await signIn(app, 'vhf', 'fout', '10.6.6.6')).headers.get('retry-after')).toBe('2');
  });

  it('counts failures, not successes, per address: a whole organisation behind one proxy signs in all morning', async () => {
    const { app } = await securityApp();
    for (let i = 0; i < 40; i++)
      expect((await signIn(app, 'viewer', testPassword('viewer'), '10.0.0.1')).status).toBe(200);
  });

  it('refuses an address after too many failures over different user names, whatever X-Forwarded-For says; the window ends', async () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const { app } = await securityApp(undefined, { now: () => now });
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS.max; i++)
      expect(
        (await signIn(app, `onbekend-${i}`, 'x', '10.2.2.2', { 'x-forwarded-for': `10.0.0.${i % 250}` })).status,
      ).toBe(401);
    const limited = await signIn(app, 'gemeente', testPassword('gemeente'), '10.2.2.2', {
      'x-forwarded-for': '10.9.9.9',
    });
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'auth.rate-limited' });
    now += SIGN_IN_FAILURES_PER_ADDRESS.windowMs + 1;
    expect((await signIn(app, 'gemeente', testPassword('gemeente'), '10.2.2.2')).status).toBe(200);
  });
});

describe('trusted proxies', () => {
  it('takes the client address from X-Forwarded-For only when the socket is a configured proxy', async () => {
    const base = await securityApp();
    const opened = await openSecurity({
      stateDir: ':memory:',
      users: await testUsers(),
      trustedProxies: ['::ffff:10.0.0.1'],
    });
    const app = createApp({ ...base.ctx, security: opened.security });
    // Through the proxy: the attacker's client address backs off, a colleague behind the same proxy does not.
    for (let i = 0; i < SIGN_IN_BACKOFF.freeFailures; i++)
      await signIn(app, 'vhf', 'fout', '10.0.0.1', { 'x-forwarded-for': '6.6.6.6' });
    expect((await signIn(app, 'vhf', testPassword('vhf'), '10.0.0.1', { 'x-forwarded-for': '6.6.6.6' })).status).toBe(
      429,
    );
    expect(
      (await signIn(app, 'vhf', testPassword('vhf'), '10.0.0.1', { 'x-forwarded-for': '6.6.6.6, 192.168.1.5' })).status,
    ).toBe(200);
    const audit = opened.security.audit.list({ limit: 1, action: 'sign-in' })[0]!;
    expect(audit.origin).toBe('192.168.1.5');
    // Not a proxy: the header is ignored.
    await signIn(app, 'alwel', 'fout', '10.3.3.3', { 'x-forwarded-for': '1.2.3.4' });
    expect(opened.security.audit.list({ limit: 1, action: 'sign-in' })[0]!.origin).toBe('10.3.3.3');
  });
});

describe('users file changes take effect at once', () => {
  it("a password reset or a disabled account ends that user's sessions and tokens without a restart", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voorraad-users-'));
    dirs.push(dir);
    const users = await testUsers();
    writeUsersFile(stateFiles(dir).users, users);
    let now = Date.parse('2026-01-01T10:00:00Z');
    const opened = await openSecurity({ stateDir: dir, now: () => now });
    try {
      const base = await securityApp();
      const app = createApp({ ...base.ctx, security: opened.security });
      const vhfSession = opened.security.sessions.create('vhf');
      const alwelSession = opened.security.sessions.create('alwel');
      const vhfToken = opened.security.tokens.issue({ role: 'vhf', name: 'vhf', createdBy: 'test' }).token;
      const withCookie = (sid: string) =>
        app.request('/api/auth/session', { headers: { cookie: `voorraad_sessie=${sid}` } });
      expect((await withCookie(vhfSession)).status).toBe(200);
      const fresh = await hashPassword('nieuw-wachtwoord', { N: 2 ** 10, r: 8, p: 1 });
      writeUsersFile(
        stateFiles(dir).users,
        users.map((u) =>
          u.name === 'vhf' ? { ...u, passwordHash: fresh } : u.name === 'alwel' ? { ...u, disabled: true } : u,
        ),
      );
      now += 1_001;
      expect((await withCookie(vhfSession)).status).toBe(401);
      expect((await withCookie(alwelSession)).status).toBe(401);
      expect(
        (await app.request('/api/auth/session', { headers: { authorization: `Bearer ${vhfToken}` } })).status,
      ).toBe(401);
      expect((await signIn(app, 'vhf', 'nieuw-wachtwoord', '10.1.1.1')).status).toBe(200);
      expect(
        opened.security.audit.list({ limit: 10, action: 'user.change' }).map((e) => [e.object, e.detail.change]),
      ).toEqual(
        expect.arrayContaining([
          ['user:vhf', 'password'],
          ['user:alwel', 'disabled'],
        ]),
      );
    } finally {
      opened.close();
    }
  });
});
