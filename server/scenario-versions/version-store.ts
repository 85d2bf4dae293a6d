import type Database from 'better-sqlite3';
import { openStateDb } from '../auth/state-db.ts';

/**
 * Saved scenario versions in the state database (`<state dir>/state.sqlite`, like saved plans): each version is
 * immutable once written (a change is a new version whose parent is the old one), with its author, role, time and
 * note, the scenario as JSON and, when it was drawn on the map, the drawing it came from.
 */
const SCHEMA = `
CREATE TABLE IF NOT EXISTS scenario_versions (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  name TEXT NOT NULL,
  author TEXT NOT NULL,
  role TEXT,
  created_at TEXT NOT NULL,
  note TEXT NOT NULL,
  parent_id INTEGER REFERENCES scenario_versions(id),
  scenario_json TEXT NOT NULL,
  draft_json TEXT
);
CREATE TRIGGER IF NOT EXISTS scenario_versions_no_update BEFORE UPDATE ON scenario_versions BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable: save a new version'); END;
CREATE TRIGGER IF NOT EXISTS scenario_versions_no_delete BEFORE DELETE ON scenario_versions BEGIN SELECT RAISE(ABORT, 'scenario versions are immutable'); END;
`;

export interface VersionMeta {
  id: number;
  name: string;
  author: string;
  role: string | null;
  /** ISO 8601 UTC. */
  createdAt: string;
  note: string;
  parentId: number | null;
}

export interface StoredVersion extends VersionMeta {
  scenario: Record<string, unknown>;
  draft: Record<string, unknown> | null;
}

export interface NewVersion {
  name: string;
  author: string;
  role: string | null;
  note: string;
  parentId: number | null;
  scenario: Record<string, unknown>;
  draft: Record<string, unknown> | null;
}

interface Row {
  id: number;
  name: string;
  author: string;
  role: string | null;
  created_at: string;
  note: string;
  parent_id: number | null;
  scenario_json: string;
  draft_json: string | null;
}

const meta = (r: Row): VersionMeta => ({
  id: r.id,
  name: r.name,
  author: r.author,
  role: r.role,
  createdAt: r.created_at,
  note: r.note,
  parentId: r.parent_id,
});

/** Most versions one list answer gives (newest first); bounds the answer. */
export const LIST_LIMIT = 500;

export class ScenarioVersionStore {
  constructor(
    private readonly db: Database.Database,
    private readonly now: () => number = Date.now,
  ) {
    db.exec(SCHEMA);
  }

  /** Saves a version; the caller has checked that the parent exists (`get`). */
  create(v: NewVersion): VersionMeta {
    const at = new Date(this.now()).toISOString();
    const info = this.db
      .prepare(
        `INSERT INTO scenario_versions (name, author, role, created_at, note, parent_id, scenario_json, draft_json)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        v.name,
        v.author,
        v.role,
        at,
        v.note,
        v.parentId,
        JSON.stringify(v.scenario),
        v.draft ? JSON.stringify(v.draft) : null,
      );
    const { name, author, role, note, parentId } = v;
    return { id: Number(info.lastInsertRowid), name, author, role, createdAt: at, note, parentId };
  }

  get(id: number): StoredVersion | null {
    const r = this.db.prepare('SELECT * FROM scenario_versions WHERE id = ?').get(id) as Row | undefined;
    if (!r) return null;
    return {
      ...meta(r),
      scenario: JSON.parse(r.scenario_json) as Record<string, unknown>,
      draft: r.draft_json ? (JSON.parse(r.draft_json) as Record<string, unknown>) : null,
    };
  }

  list(): VersionMeta[] {
    const rows = this.db
      .prepare(
        'SELECT id, name, author, role, created_at, note, parent_id FROM scenario_versions ORDER BY id DESC LIMIT ?',
      )
      .all(LIST_LIMIT) as Row[];
    return rows.map(meta);
  }
}

/** The store on the state database of a state directory, or in memory (':memory:', tests and the default app). */
export function openScenarioVersionStore(
  stateDirOrMemory: string,
  now?: () => number,
): { store: ScenarioVersionStore; close(): void } {
  const db = openStateDb(stateDirOrMemory);
  db.pragma('foreign_keys = ON');
  return { store: new ScenarioVersionStore(db, now), close: () => db.close() };
}
