import type Database from 'better-sqlite3';
import { openPlanDb } from '../plans/plan-db.ts';

/**
 * The monitor's records live in the state database beside the plans (server/plans/plan-db.ts), so a batch of
 * records, its audit-log entry and the plan facts they were checked against are read and written in ONE SQLite
 * transaction: an import is stored whole or not at all.
 *
 * Both tables are append-only (triggers refuse UPDATE and DELETE): a wrong money entry is corrected by a new entry
 * naming it in `corrects`, a wrong status step by the next step. `seq` is the recording order the figures use.
 */
const MONITOR_SCHEMA = `
CREATE TABLE IF NOT EXISTS monitor_money (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  reference TEXT NOT NULL UNIQUE,
  kind TEXT NOT NULL CHECK (kind IN ('toegezegd', 'betaald')),
  date TEXT NOT NULL,
  amount_eur REAL NOT NULL CHECK (amount_eur >= 0),
  source TEXT NOT NULL CHECK (source IN ('vhf', 'cofinanciering', 'subsidie', 'eigenaar')),
  vbo_id TEXT,
  batch_id TEXT,
  corrects TEXT UNIQUE REFERENCES monitor_money(reference),
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  role TEXT,
  origin TEXT NOT NULL,
  CHECK ((vbo_id IS NULL) <> (batch_id IS NULL))
);
CREATE TRIGGER IF NOT EXISTS monitor_money_no_update BEFORE UPDATE ON monitor_money BEGIN SELECT RAISE(ABORT, 'monitor_money is append-only: record a correction'); END;
CREATE TRIGGER IF NOT EXISTS monitor_money_no_delete BEFORE DELETE ON monitor_money BEGIN SELECT RAISE(ABORT, 'monitor_money is append-only: record a correction'); END;
CREATE TABLE IF NOT EXISTS monitor_status (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  vbo_id TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('uitgenodigd', 'akkoord', 'natuurvrij', 'geïsoleerd', 'afgezien')),
  date TEXT NOT NULL,
  recorded_at TEXT NOT NULL,
  recorded_by TEXT NOT NULL,
  role TEXT,
  origin TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS monitor_status_dwelling ON monitor_status (vbo_id, seq);
CREATE TRIGGER IF NOT EXISTS monitor_status_no_update BEFORE UPDATE ON monitor_status BEGIN SELECT RAISE(ABORT, 'monitor_status is append-only'); END;
CREATE TRIGGER IF NOT EXISTS monitor_status_no_delete BEFORE DELETE ON monitor_status BEGIN SELECT RAISE(ABORT, 'monitor_status is append-only'); END;
`;

/** Opens the state database of a state directory (or ':memory:') with the plan and monitor tables. */
export function openMonitorDb(stateDirOrMemory: string): Database.Database {
  const db = openPlanDb(stateDirOrMemory);
  db.exec(MONITOR_SCHEMA);
  return db;
}
