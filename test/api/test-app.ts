import { mkdirSync } from 'node:fs';
import type { Hono } from 'hono';
import { smallDataset } from '../../engine/test-fixtures/small-dataset.ts';
import { DEFAULT_ACQUISITION_CONFIG } from '../../engine/acquisition/params.ts';
import type { Dataset } from '../../engine/dataset.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { splitRestricted } from '../../geodata/synthetic-signals/signal-set.ts';
import type { AppContext } from '../../server/app-context.ts';
import { createApp } from '../../server/app.ts';
import { hashPassword } from '../../server/auth/password.ts';
import { ROLES, type Role } from '../../server/auth/roles.ts';
import { openSecurity, type SecurityContext } from '../../server/auth/security-context.ts';
import { openStateDb, stateFiles } from '../../server/auth/state-db.ts';
import { TokenStore } from '../../server/auth/token-store.ts';
import { writeUsersFile, type UserEntry } from '../../server/auth/users-file.ts';
import { loadDatasetIntoMemory } from '../../server/loaded-dataset.ts';
import { createEngineService } from '../../workers/engine-service.ts';

/** Cheap scrypt for test accounts (the product uses N = 2^15, p = 3). */
const TEST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

/** Test accounts: one per role, named after the role, password `<role>-wachtwoord`. */
export const testPassword = (role: Role): string => `${role}-wachtwoord`;

let usersP: Promise<UserEntry[]> | null = null;
export function testUsers(): Promise<UserEntry[]> {
  return (usersP ??= (async () => {
    const users: UserEntry[] = [];
    for (const role of ROLES)
      users.push({
        name: role,
        displayName: `Test ${role}`,
        role,
        passwordHash: await hashPassword(testPassword(role), TEST_SCRYPT),
        disabled: false,
      });
    return users;
  })());
}

/**
 * The security part of an AppContext, in memory: test users, sessions, tokens, audit log, the dataset's signals
 * (split off as the server does) and the default acquisition configuration. Spread it into a context:
 * `{ data, engine, version, tilesDir, webDir, ...await testSecurity(ds) }`.
 */
export async function testSecurity(full: Dataset = smallDataset(), o: { now?: () => number } = {}) {
  const { signalSet } = splitRestricted(full);
  const opened = await openSecurity({
    stateDir: ':memory:',
    users: await testUsers(),
    ...(o.now ? { now: o.now } : {}),
  });
  return { security: opened.security, signals: signalSet, acquisition: DEFAULT_ACQUISITION_CONFIG };
}

/** A bearer token for a role (default gemeente). */
export function tokenFor(security: SecurityContext, role: Role = 'gemeente'): string {
  return security.tokens.issue({ role, name: `test-${role}`, createdBy: 'test' }).token;
}

/** Makes every `app.request()` carry a bearer token for the role (default gemeente); returns the app. */
export function signedIn<A extends Hono>(app: A, security: SecurityContext, role: Role = 'gemeente'): A {
  const token = tokenFor(security, role);
  const request = app.request;
  app.request = (input, init, env, executionCtx) => {
    const headers = new Headers(init?.headers);
    if (!headers.has('authorization')) headers.set('authorization', `Bearer ${token}`);
    return request(input, { ...init, headers }, env, executionCtx);
  };
  return app;
}

/** A session cookie value for a browser test (`context.addCookies([{ name: 'voorraad_sessie', value, url }])`). */
export function sessionFor(security: SecurityContext, user: Role = 'gemeente'): string {
  return security.sessions.create(user);
}

/**
 * For tests that start the real server: a state directory with the test users and a bearer token per role,
 * so no test ever writes to the repository's own .voorraad/.
 */
export async function prepareStateDir(dir: string): Promise<{ dir: string; tokens: Record<Role, string> }> {
  mkdirSync(dir, { recursive: true });
  writeUsersFile(stateFiles(dir).users, await testUsers());
  const db = openStateDb(dir);
  try {
    const store = new TokenStore(db);
    const tokens = Object.fromEntries(
      ROLES.map((r) => [r, store.issue({ role: r, name: `test-${r}`, createdBy: 'test' }).token]),
    ) as Record<Role, string>;
    return { dir, tokens };
  } finally {
    db.close();
  }
}

/**
 * The HTTP app over the small fixture, with the engine service in-process (no thread, no files); every
 * `app.request()` carries a bearer token for `role` (default gemeente; null = unauthenticated). Pass `engine` to
 * watch the engine calls the routes make.
 */
export async function testApp(o: { role?: Role | null; engine?: ReturnType<typeof createEngineService> } = {}) {
  const { app, security } = await appOver(smallDataset(), {}, o.engine);
  const role = o.role === undefined ? 'gemeente' : o.role;
  return role === null ? app : signedIn(app, security, role);
}

/** The HTTP app over any dataset (engine in-process, no files), with its security context for tokens and audit. */
export async function appOver(
  ds: Dataset,
  extra: Partial<Pick<AppContext, 'today'>> = {},
  engine = createEngineService(),
) {
  await engine.load(toColumns(ds.dwellings));
  const sec = await testSecurity(ds);
  const app = createApp({
    data: loadDatasetIntoMemory(ds),
    engine,
    version: 'test',
    tilesDir: null,
    webDir: null,
    ...extra,
    ...sec,
  });
  return { app, security: sec.security };
}
