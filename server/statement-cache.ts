import type Database from 'better-sqlite3';

/**
 * Prepared statements kept per connection and SQL text. Preparing compiles the SQL again each time; the audit list
 * and the plan list did so on every request (1.5 % of the event loop in the soak test, bench/soak.ts). Keyed by the
 * exact text, so a query built from optional filters keeps one statement per combination; `max` bounds them anyway.
 * A statement's pluck mode is part of the statement: give plucked queries their own text (they have in this repo).
 */
export type Prepared = (sql: string) => Database.Statement;

export function statementCache(db: Database.Database, max = 32): Prepared {
  const statements = new Map<string, Database.Statement>();
  return (sql) => {
    let s = statements.get(sql);
    if (!s) {
      s = db.prepare(sql);
      if (statements.size >= max) statements.delete(statements.keys().next().value!);
      statements.set(sql, s);
    }
    return s;
  };
}
