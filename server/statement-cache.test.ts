import Database from 'better-sqlite3';
import { describe, expect, it, vi } from 'vitest';
import { statementCache } from './statement-cache.ts';

describe('statementCache', () => {
  it('prepares each SQL text once per connection, and keeps at most `max`', () => {
    const db = new Database(':memory:');
    const prepare = vi.spyOn(db, 'prepare');
    const sql = statementCache(db, 2);
    expect(sql('SELECT 1 AS x').get()).toEqual({ x: 1 });
    expect(sql('SELECT 1 AS x')).toBe(sql('SELECT 1 AS x'));
    expect(prepare).toHaveBeenCalledTimes(1);
    sql('SELECT 2');
    sql('SELECT 3');
    sql('SELECT 1 AS x');
    // The oldest was dropped when the third arrived, so it is prepared again.
    expect(prepare).toHaveBeenCalledTimes(4);
    db.close();
  });
});
