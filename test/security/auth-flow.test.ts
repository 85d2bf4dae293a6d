import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SIGN_IN_FAILURES_PER_ADDRESS } from '../../server/auth/rate-limit.ts';
import { generatePassword, hashPassword, isPasswordHash, verifyPassword } from '../../server/auth/password.ts';
import { openSecurity } from '../../server/auth/security-context.ts';
import { openStateDb } from '../../server/auth/state-db.ts';
import { TokenStore } from '../../server/auth/token-store.ts';
import { SessionStore } from '../../server/auth/session-store.ts';
import { UsersFile, readUsersFile } from '../../server/auth/users-file.ts';
import { securityApp, testPassword } from './security-app.ts';

const json = { 'content-type': 'application/json' };
const signIn = (
  req: (p: string, i?: RequestInit) => Promise<Response>,
  username: string,
  password: string,
  headers: Record<string, string> = {},
) =>
  req('/api/auth/sign-in', {
    method: 'POST',
    headers: { ...json, ...headers },
    body: JSON.stringify({ username, password }),
  });

describe('sign-in with a session cookie', () => {
  it('sets an HttpOnly, SameSite=Strict cookie that opens the API, and sign-out ends it', async () => {
    const { as } = await securityApp();
    const anon = as(null);
    const res = await signIn(anon, 'alwel', testPassword('alwel'));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({
      user: { name: 'alwel', role: 'alwel' },
      via: 'session',
      permissions: { acquisition: true, signalDetail: false, audit: false },
    });
    const cookie = res.headers.get('set-cookie')!;
    expect(cookie).toMatch(/^voorraad_sessie=[A-Za-z0-9_-]{43};/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\//);
    expect(cookie).not.toMatch(/Secure/i);
    const session = { cookie: cookie.split(';')[0]! };
    expect((await anon('/api/auth/session', { headers: session })).status).toBe(200);
    expect((await anon('/api/acquisition/candidates', { headers: session })).status).toBe(200);
    expect((await anon('/api/signals', { headers: session })).status).toBe(403);
    const out = await anon('/api/auth/sign-out', { method: 'POST', headers: { ...json, ...session }, body: '{}' });
    expect(out.status).toBe(200);
    expect(out.headers.get('set-cookie')).toMatch(/voorraad_sessie=;.*Max-Age=0/i);
    expect((await anon('/api/auth/session', { headers: session })).status).toBe(401);
  });

  it('uses a Secure __Host- cookie behind TLS', async () => {
    const { app } = await securityApp();
    const res = await app.request('https://localhost/api/auth/sign-in', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'viewer', password: testPassword('viewer') }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toMatch(
      /^__Host-voorraad_sessie=.*; Path=\/; HttpOnly; Secure; SameSite=Strict/,
    );
  });

  it('answers a wrong password or unknown user the same way, and backs off per user name and address (429)', async () => {
    const { as } = await securityApp();
    const anon = as(null);
    const unknown = await signIn(anon, 'niemand', 'x');
    const wrong = await signIn(anon, 'gemeente', 'fout');
    expect([unknown.status, wrong.status]).toEqual([401, 401]);
    expect(await unknown.json()).toEqual(await wrong.json());
    for (let i = 0; i < 4; i++) await signIn(anon, 'gemeente', 'fout');
    const limited = await signIn(anon, 'gemeente', testPassword('gemeente'));
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await limited.json()).toMatchObject({ code: 'auth.rate-limited' });
    // Another user is not locked out by those attempts.
    expect((await signIn(anon, 'vhf', testPassword('vhf'))).status).toBe(200);
  });

  it('keys the address limit on the socket, never on X-Forwarded-For', async () => {
    const { as } = await securityApp();
    const anon = as(null);
    for (let i = 0; i < SIGN_IN_FAILURES_PER_ADDRESS.max; i++)
      await signIn(anon, `gebruiker${i}`, 'x', { 'x-forwarded-for': `10.0.0.${i}` });
    const res = await signIn(anon, 'vhf', testPassword('vhf'), { 'x-forwarded-for': '10.9.9.9' });
    expect(res.status).toBe(429);
  });

  it('accepts only same-origin JSON for state-changing requests, with a body limit', async () => {
    const { as } = await securityApp();
    const anon = as(null);
    const form = await anon('/api/auth/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'username=gemeente&password=x',
    });
    expect(form.status).toBe(415);
    expect((await signIn(anon, 'gemeente', testPassword('gemeente'), { origin: 'https://evil.example' })).status).toBe(
      403,
    );
    expect((await signIn(anon, 'gemeente', testPassword('gemeente'), { 'sec-fetch-site': 'cross-site' })).status).toBe(
      403,
    );
    expect((await signIn(anon, 'gemeente', testPassword('gemeente'), { origin: 'http://localhost' })).status).toBe(200);
    const big = await anon('/api/auth/sign-in', {
      method: 'POST',
      headers: json,
      body: JSON.stringify({ username: 'gemeente', password: 'x'.repeat(10_000) }),
    });
    expect(big.status).toBe(413);
    expect((await anon('/api/auth/sign-in', { method: 'POST', headers: json, body: '{"username":1}' })).status).toBe(
      400,
    );
    expect((await anon('/api/auth/sign-in', { method: 'POST', headers: json, body: '{nope' })).status).toBe(400);
  });

  it('expires an idle session', async () => {
    let now = Date.UTC(2025, 0, 1);
    const { as } = await securityApp(undefined, { now: () => now });
    const res = await signIn(as(null), 'gemeente', testPassword('gemeente'));
    const session = { cookie: res.headers.get('set-cookie')!.split(';')[0]! };
    now += 29 * 60_000;
    expect((await as(null)('/api/auth/session', { headers: session })).status).toBe(200);
    now += 31 * 60_000;
    expect((await as(null)('/api/auth/session', { headers: session })).status).toBe(401);
  });

  it('sends security headers: CSP without anything external, HSTS ≥ 1 year, no CORS', async () => {
    const { as } = await securityApp();
    const res = await as('viewer')('/api/buurten', { headers: { origin: 'https://evil.example' } });
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toMatch(/https?:/);
    expect(
      Number(/max-age=(\d+)/.exec(res.headers.get('strict-transport-security') ?? '')?.[1]),
    ).toBeGreaterThanOrEqual(31_536_000);
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    expect(res.headers.get('cache-control')).toBe('no-store');
  });
});

describe('passwords, tokens and the users file', () => {
  it('hashes with scrypt and a salt, verifies in constant time, rejects malformed hashes', async () => {
    const params = { N: 2 ** 10, r: 8, p: 1 };
    const a = await hashPassword('geheim', params);
    expect(a).toMatch(/^scrypt\$1024\$8\$1\$/);
    expect(a).not.toBe(await hashPassword('geheim', params));
    expect(await verifyPassword('geheim', a)).toBe(true);
    expect(await verifyPassword('Geheim', a)).toBe(false);
    expect(await verifyPassword('geheim', 'geheim')).toBe(false);
    expect(isPasswordHash('scrypt$1000$8$1$AAAAAAAAAAAAAAAAAAAAAA$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA')).toBe(
      false,
    );
    expect(generatePassword()).toMatch(/^[a-z2-9]{5}(-[a-z2-9]{5}){3}$/);
  });

  it('stores tokens only hashed; expires and revokes them', () => {
    let now = Date.UTC(2025, 0, 1);
    const db = openStateDb(':memory:');
    const store = new TokenStore(db, () => now);
    const { token, info } = store.issue({ role: 'vhf', name: 'batch-script', days: 2, createdBy: 'test' });
    expect(token).toMatch(/^vrd_[A-Za-z0-9_-]{43}$/);
    expect(JSON.stringify(db.prepare('SELECT * FROM tokens').all())).not.toContain(token.slice(4));
    expect(store.verify(token)).toMatchObject({ role: 'vhf', name: 'batch-script' });
    now += 3 * 86_400_000;
    expect(store.verify(token)).toBeNull();
    const second = store.issue({ role: 'viewer', name: 'x', createdBy: 'test' });
    expect(store.revoke(second.info.id)).toBe(true);
    expect(store.verify(second.token)).toBeNull();
    expect(store.revoke(second.info.id)).toBe(false);
    expect(store.list().map((t) => t.id)).toEqual([info.id, second.info.id]);
    expect(() => store.issue({ role: 'vhf', name: 'x', days: 0, createdBy: 't' })).toThrow(RangeError);
  });

  it('stores session ids only hashed', () => {
    const db = openStateDb(':memory:');
    const sessions = new SessionStore(db);
    const id = sessions.create('gemeente');
    expect(JSON.stringify(db.prepare('SELECT * FROM sessions').all())).not.toContain(id);
    expect(sessions.resolve(id)).toBe('gemeente');
    expect(sessions.resolve('')).toBeNull();
  });

  it('creates one account per role on first start with random passwords, file mode 0600, never a plain password', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'voorraad-state-'));
    const first = await openSecurity({ stateDir: dir, scrypt: { N: 2 ** 10, r: 8, p: 1 } });
    expect(first.created!.map((a) => a.role)).toEqual(['gemeente', 'alwel', 'vhf', 'viewer']);
    const text = readFileSync(first.usersFile!, 'utf8');
    for (const a of first.created!) expect(text).not.toContain(a.password);
    expect(statSync(first.usersFile!).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o077).toBe(0);
    const users = readUsersFile(first.usersFile!);
    expect(await verifyPassword(first.created![0]!.password, users[0]!.passwordHash)).toBe(true);
    first.close();
    const second = await openSecurity({ stateDir: dir });
    expect(second.created).toBeNull();
    second.close();
  });

  it('documents the users file format with an example that validates', () => {
    const example = JSON.parse(
      readFileSync(new URL('../../config/users.example.json', import.meta.url), 'utf8'),
    ) as unknown;
    expect(UsersFile.safeParse(example).success).toBe(true);
    expect(
      UsersFile.safeParse({ users: [{ name: 'x1', displayName: 'x', role: 'gemeente', passwordHash: 'welkom01' }] })
        .success,
    ).toBe(false);
  });
});
