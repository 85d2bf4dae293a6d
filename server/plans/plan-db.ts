import type Database from 'better-sqlite3';
import { openStateDb } from '../auth/state-db.ts';

/**
 * Saved batch plans live in the existing state database (`<state dir>/state.sqlite`), not in a file of their
 * own: a plan save, its history row and its audit-log entry then commit in ONE SQLite transaction, so a crash
 * (kill -9) leaves either all of them or none — with two files the audit entry could survive without the plan
 * or the reverse. The file already runs in WAL with synchronous=FULL and a busy timeout (state-db.ts), and
 * server and CLI open it the same way.
 *
 * Tables: `plans` (immutable once written: a re-plan is a new row linked by parent_id), `plan_dwellings`
 * (the only mutable part: the status per dwelling), `plan_history` (append-only, like audit_log).
 */
const PLAN_SCHEMA = `
CREATE TABLE IF NOT EXISTS plans (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  created_by TEXT NOT NULL,
  created_role TEXT,
  created_at TEXT NOT NULL,
  parent_id INTEGER UNIQUE REFERENCES plans(id),
  root_id INTEGER,
  version INTEGER NOT NULL,
  dataset_name TEXT NOT NULL,
  dataset_sha256 TEXT NOT NULL,
  synthetic INTEGER NOT NULL CHECK (synthetic IN (0, 1)),
  solver TEXT NOT NULL,
  objective REAL,
  gap REAL,
  greedy_objective REAL,
  dwellings INTEGER NOT NULL,
  batches INTEGER NOT NULL,
  input_json TEXT NOT NULL,
  plan_json TEXT NOT NULL
);
CREATE TRIGGER IF NOT EXISTS plans_no_update BEFORE UPDATE ON plans BEGIN SELECT RAISE(ABORT, 'plans are immutable: re-plan to a new version'); END;
CREATE TRIGGER IF NOT EXISTS plans_no_delete BEFORE DELETE ON plans BEGIN SELECT RAISE(ABORT, 'plans are immutable'); END;
CREATE TABLE IF NOT EXISTS plan_dwellings (
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  vbo_id TEXT NOT NULL,
  batch_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('voorgesteld', 'onderzoek', 'natuurvrij', 'geïsoleerd', 'afgezien')),
  updated_at TEXT NOT NULL,
  updated_by TEXT NOT NULL,
  PRIMARY KEY (plan_id, vbo_id)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS plan_history (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  plan_id INTEGER NOT NULL REFERENCES plans(id),
  vbo_id TEXT,
  at TEXT NOT NULL,
  actor TEXT NOT NULL,
  role TEXT,
  action TEXT NOT NULL CHECK (action IN ('create', 'replan', 'status')),
  from_status TEXT,
  to_status TEXT,
  reason TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS plan_history_plan ON plan_history (plan_id, seq);
CREATE TRIGGER IF NOT EXISTS plan_history_no_update BEFORE UPDATE ON plan_history BEGIN SELECT RAISE(ABORT, 'plan_history is append-only'); END;
CREATE TRIGGER IF NOT EXISTS plan_history_no_delete BEFORE DELETE ON plan_history BEGIN SELECT RAISE(ABORT, 'plan_history is append-only'); END;
`;

/** Opens the state database of a state directory (or ':memory:') with the plan tables added. */
export function openPlanDb(stateDirOrMemory: string): Database.Database {
  const db = openStateDb(stateDirOrMemory);
  db.pragma('foreign_keys = ON');
  db.exec(PLAN_SCHEMA);
  return db;
}
