import type Database from 'better-sqlite3';
import { AuditLog, HEAD_LAG_MS } from '../audit/audit-log.ts';
import { DeniedTally } from '../audit/denied-tally.ts';
import { RateLimiter, SIGN_IN_FAILURES_PER_ADDRESS } from './rate-limit.ts';
import { SignInBackoff } from './sign-in-backoff.ts';
import { UsersReloader } from './users-reload.ts';
import { SessionStore } from './session-store.ts';
import { openStateDb, stateFiles } from './state-db.ts';
import { FileWriteError } from '../../geodata/file-write.ts';
import { allowedHostSet } from './host-guard.ts';
import { StateHealth } from './state-health.ts';
import { normaliseAddress } from './request-origin.ts';
import { TokenStore } from './token-store.ts';
import { ensureUsersFile, readUsersFile, type CreatedAccount, type UserEntry } from './users-file.ts';
import type { ScryptParams } from './password.ts';

/** Users, sessions, tokens, the audit log and the sign-in limits: everything the HTTP app needs for access control. */
export interface SecurityContext {
  /** The users file's users, reloaded when the file changes (refreshUsers). */
  users: ReadonlyMap<string, UserEntry>;
  /**
   * Re-reads the users file when it changed (checked at most once a second): a changed password, a disabled or a
   * removed account ends that user's sessions and revokes the tokens named after them at once.
   */
  refreshUsers(): void;
  /** Whether the state store can write (health "degraded", coded 503s). */
  state: StateHealth;
  /** Proxies whose X-Forwarded-For is believed for the client address (`serve --trusted-proxy`). */
  trustedProxies: ReadonlySet<string>;
  /** Host names the server answers (host-guard.ts): the local ones plus `serve --allowed-host`. */
  allowedHosts: ReadonlySet<string>;
  sessions: SessionStore;
  tokens: TokenStore;
  audit: AuditLog;
  /** Refused requests, written to the audit log as counts per actor, route and minute. */
  denied: DeniedTally;
  /** Mark the session cookie Secure (and name it __Host-…): set behind TLS (`--secure-cookies`). */
  secureCookies: boolean;
  signIn: { perPair: SignInBackoff; perAddress: RateLimiter };
}

export interface OpenSecurityOptions {
  /** State directory, or ':memory:' (tests). */
  stateDir: string;
  /** Users to use instead of the users file (tests). */
  users?: readonly UserEntry[];
  secureCookies?: boolean;
  now?: () => number;
  /** Addresses of reverse proxies whose X-Forwarded-For is believed. */
  trustedProxies?: readonly string[];
  /** Host names answered besides localhost, 127.0.0.1 and ::1. */
  allowedHosts?: readonly string[];
  /** scrypt cost for accounts created on first start. */
  scrypt?: ScryptParams;
}

export interface OpenedSecurity {
  security: SecurityContext;
  /** Accounts created on this start (first start), with their one-time passwords; null otherwise. */
  created: CreatedAccount[] | null;
  usersFile: string | null;
  close(): void;
}

/** Opens the state directory: creates users on first start, reads the users file, opens the state database. */
export async function openSecurity(o: OpenSecurityOptions): Promise<OpenedSecurity> {
  const now = o.now ?? Date.now;
  let created: CreatedAccount[] | null = null;
  let users: readonly UserEntry[];
  let usersFile: string | null = null;
  if (o.users) {
    users = o.users;
  } else {
    if (o.stateDir === ':memory:') throw new Error('openSecurity: an in-memory state needs explicit users');
    usersFile = stateFiles(o.stateDir).users;
    created = await ensureUsersFile(usersFile, o.scrypt);
    users = readUsersFile(usersFile);
  }
  let db: Database.Database;
  try {
    db = openStateDb(o.stateDir);
  } catch (err) {
    // At start: one coded line (cli/main.ts prints FileWriteError with its code), not a stack.
    const e = err as NodeJS.ErrnoException;
    throw new FileWriteError(stateFiles(o.stateDir).db, e.code ?? 'unknown', e.message);
  }
  // The head file follows the log within HEAD_LAG_MS (not a synchronous file write per request); close() writes it.
  const audit = new AuditLog(db, now, { headLagMs: HEAD_LAG_MS });
  const userMap = new Map(users.map((u) => [u.name, u]));
  const sessions = new SessionStore(db, now);
  const tokens = new TokenStore(db, now);
  const reloader =
    usersFile === null
      ? null
      : new UsersReloader(usersFile, userMap, {
          now,
          revoke: (name, change) => {
            const ended = sessions.endAllFor(name);
            const revoked = tokens.revokeNamed(name);
            audit.append({
              actor: 'voorraad',
              role: null,
              via: 'cli',
              action: 'user.change',
              object: `user:${name}`,
              result: 'ok',
              origin: 'users.json',
              detail: { change, sessionsEnded: ended, tokensRevoked: revoked },
            });
          },
        });
  const denied = new DeniedTally((e) => audit.append(e), now);
  // Housekeeping off the request path: a minute's refusal counts written, the chain checked onward in bounded steps,
  // and a signed checkpoint every ten minutes when there are new entries.
  let ticks = 0;
  const timer = setInterval(() => {
    denied.flush(new Date(now()).toISOString().slice(0, 16));
    audit.verifyIncremental(5_000);
    if (++ticks % 10 === 0) audit.checkpoint();
  }, 60_000);
  timer.unref();
  return {
    security: {
      users: userMap,
      refreshUsers: () => reloader?.refresh(),
      trustedProxies: new Set((o.trustedProxies ?? []).map(normaliseAddress)),
      allowedHosts: allowedHostSet(o.allowedHosts),
      state: new StateHealth(o.stateDir === ':memory:' ? null : o.stateDir, now),
      sessions,
      tokens,
      audit,
      denied,
      secureCookies: o.secureCookies ?? false,
      signIn: {
        perPair: new SignInBackoff(undefined, now),
        perAddress: new RateLimiter(SIGN_IN_FAILURES_PER_ADDRESS, now),
      },
    },
    created,
    usersFile,
    close: () => {
      clearInterval(timer);
      denied.flush();
      audit.close();
      audit.checkpoint();
      db.close();
    },
  };
}
