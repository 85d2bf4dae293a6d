import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';

/**
 * The product's own state, next to its configuration in the state directory (default `./.voorraad/`, or
 * `--state-dir` / VOORRAAD_STATE_DIR): `users.json` and `state.sqlite` with hashed sessions, hashed script
 * tokens and the append-only audit log. Server and CLI open the same file (WAL, busy timeout), and every
 * committed write is synced (synchronous=FULL, tech-notes "SQLite durability").
 */
export const STATE_DIR_ENV = 'VOORRAAD_STATE_DIR';

export function defaultStateDir(env: NodeJS.ProcessEnv = process.env, cwd: string = process.cwd()): string {
  return resolve(cwd, env[STATE_DIR_ENV] || '.voorraad');
}

export const stateFiles = (dir: string) => ({ users: join(dir, 'users.json'), db: join(dir, 'state.sqlite') });

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (
  id TEXT PRIMARY KEY, hash TEXT NOT NULL UNIQUE, name TEXT NOT NULL, role TEXT NOT NULL,
  created_at TEXT NOT NULL, expires_at TEXT NOT NULL, revoked_at TEXT, created_by TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sessions (
  hash TEXT PRIMARY KEY, user TEXT NOT NULL, created_at INTEGER NOT NULL, last_seen INTEGER NOT NULL, expires_at INTEGER NOT NULL
);
CREATE TABLE IF NOT EXISTS audit_log (
  seq INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, actor TEXT NOT NULL, role TEXT, via TEXT NOT NULL,
  action TEXT NOT NULL, object TEXT NOT NULL, result TEXT NOT NULL, origin TEXT NOT NULL, detail TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL, keyed INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS audit_checkpoint (
  id INTEGER PRIMARY KEY AUTOINCREMENT, seq INTEGER NOT NULL, hash TEXT NOT NULL, at TEXT NOT NULL, prev_mac TEXT NOT NULL, mac TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS audit_checkpoint_no_update BEFORE UPDATE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_checkpoint_no_delete BEFORE DELETE ON audit_checkpoint BEGIN SELECT RAISE(ABORT, 'audit_checkpoint is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_update BEFORE UPDATE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
CREATE TRIGGER IF NOT EXISTS audit_log_no_delete BEFORE DELETE ON audit_log BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END;
`;

/** Creates what is missing; an audit_log from before the keyed chain gets its `keyed` column (its rows stay unkeyed). */
function migrate(db: Database.Database): void {
  const columns = db.prepare("SELECT name FROM pragma_table_info('audit_log')").pluck().all() as string[];
  if (columns.length > 0 && !columns.includes('keyed')) {
    try {
      db.exec('ALTER TABLE audit_log ADD COLUMN keyed INTEGER NOT NULL DEFAULT 0');
    } catch (err) {
      // Another process migrated it between the check and the ALTER.
      if (!/duplicate column/.test((err as Error).message)) throw err;
    }
  }
  db.exec(SCHEMA);
}

/** Opens (creating if needed) the state database; `':memory:'` for tests. */
export function openStateDb(dirOrMemory: string): Database.Database {
  if (dirOrMemory === ':memory:') {
    const db = new Database(':memory:');
    migrate(db);
    return db;
  }
  mkdirSync(dirOrMemory, { recursive: true, mode: 0o700 });
  const file = stateFiles(dirOrMemory).db;
  const fresh = !existsSync(file);
  const db = new Database(file);
  if (fresh) chmodSync(file, 0o600);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
