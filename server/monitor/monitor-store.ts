import type Database from 'better-sqlite3';
import type { MonitorIssueCode } from '../../engine/monitor/monitor-issue-codes.ts';
import type { MoneyEntry, StatusEvent } from '../../engine/monitor/monitor-records.ts';
import { DEFAULT_PROGRAMME_SETTINGS, type ProgrammeSettings } from '../../engine/monitor/programme-settings.ts';
import {
  checkMoneyEntries,
  checkStatusEvents,
  type Located,
  type RecordContext,
} from '../../engine/monitor/record-checks.ts';
import { fail, ok, type Result } from '../../engine/result.ts';
import { AuditLog } from '../audit/audit-log.ts';
import type { AuditSink, PlanActor } from '../plans/plan-store.ts';
import { openMonitorDb } from './monitor-db.ts';

interface MoneyRow {
  reference: string;
  kind: MoneyEntry['kind'];
  date: string;
  amount_eur: number;
  source: MoneyEntry['source'];
  vbo_id: string | null;
  batch_id: string | null;
  corrects: string | null;
}

/**
 * Money entries and status steps of the programme monitor: append-only, every batch checked whole against the
 * stored records and the saved plans (engine/monitor/record-checks.ts) and written with its audit-log entry in ONE
 * immediate transaction, so a refused import leaves nothing behind and an accepted one is complete.
 */
export class MonitorStore {
  constructor(
    private readonly db: Database.Database,
    private readonly audit: AuditSink,
    private readonly now: () => number = Date.now,
    readonly settings: ProgrammeSettings = DEFAULT_PROGRAMME_SETTINGS,
  ) {}

  /** Stored entries in recording order. */
  money(): MoneyEntry[] {
    return (
      this.db
        .prepare(
          'SELECT reference, kind, date, amount_eur, source, vbo_id, batch_id, corrects FROM monitor_money ORDER BY seq',
        )
        .all() as MoneyRow[]
    ).map((r) => ({
      reference: r.reference,
      kind: r.kind,
      date: r.date,
      amountEur: r.amount_eur,
      source: r.source,
      vboId: r.vbo_id,
      batchId: r.batch_id,
      corrects: r.corrects,
    }));
  }

  /** Stored status steps in recording order. */
  statuses(): StatusEvent[] {
    return (
      this.db.prepare('SELECT vbo_id, status, date FROM monitor_status ORDER BY seq').all() as {
        vbo_id: string;
        status: StatusEvent['status'];
        date: string;
      }[]
    ).map((r) => ({ vboId: r.vbo_id, status: r.status, date: r.date }));
  }

  /** What new records are checked against: stored records and every saved plan's dwellings and batches. */
  context(): RecordContext {
    const rows = this.db.prepare('SELECT DISTINCT vbo_id, batch_id FROM plan_dwellings').all() as {
      vbo_id: string;
      batch_id: string;
    }[];
    return {
      settings: this.settings,
      plannedDwellings: new Set(rows.map((r) => r.vbo_id)),
      plannedBatches: new Set(rows.map((r) => r.batch_id)),
      money: this.money(),
      statuses: this.statuses(),
    };
  }

  /** Records money entries (all or none); `what` says where they came from, e.g. `app` or `import:export.csv`. */
  recordMoney(
    entries: readonly Located<MoneyEntry>[],
    actor: PlanActor,
    what: string,
  ): Result<{ recorded: number }, MonitorIssueCode> {
    return this.write(actor, what, 'monitor.money', entries.length, (ctx) => {
      const issues = checkMoneyEntries(ctx, entries);
      if (issues.length) return issues;
      const put = this.db.prepare(
        `INSERT INTO monitor_money (reference, kind, date, amount_eur, source, vbo_id, batch_id, corrects, recorded_at, recorded_by, role, origin)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      );
      const at = new Date(this.now()).toISOString();
      for (const { record: e } of entries)
        put.run(
          e.reference,
          e.kind,
          e.date,
          e.amountEur,
          e.source,
          e.vboId,
          e.batchId,
          e.corrects,
          at,
          actor.name,
          actor.role,
          what,
        );
      return [];
    });
  }

  /** Records status steps (all or none). */
  recordStatuses(
    events: readonly Located<StatusEvent>[],
    actor: PlanActor,
    what: string,
  ): Result<{ recorded: number }, MonitorIssueCode> {
    return this.write(actor, what, 'monitor.status', events.length, (ctx) => {
      const issues = checkStatusEvents(ctx, events);
      if (issues.length) return issues;
      const put = this.db.prepare(
        'INSERT INTO monitor_status (vbo_id, status, date, recorded_at, recorded_by, role, origin) VALUES (?, ?, ?, ?, ?, ?, ?)',
      );
      const at = new Date(this.now()).toISOString();
      for (const { record: s } of events) put.run(s.vboId, s.status, s.date, at, actor.name, actor.role, what);
      return [];
    });
  }

  private write(
    actor: PlanActor,
    what: string,
    action: 'monitor.money' | 'monitor.status',
    count: number,
    insert: (ctx: RecordContext) => ReturnType<typeof checkMoneyEntries>,
  ): Result<{ recorded: number }, MonitorIssueCode> {
    // The checks read inside the write transaction, so two writers cannot both pass with the same reference.
    const issues = this.db
      .transaction(() => {
        const found = insert(this.context());
        if (found.length) return found;
        this.audit.append({
          actor: actor.name,
          role: actor.role,
          via: actor.via,
          action,
          object: `monitor:${what}`.slice(0, 300),
          result: 'ok',
          origin: actor.origin,
          detail: { records: count },
        });
        return [];
      })
      .immediate();
    if (issues.length) return fail(...issues);
    this.audit.flushHead();
    return ok({ recorded: count });
  }
}

/** A monitor store over the state database of `stateDir` (or ':memory:') whose audit entries commit with each write. */
export function openMonitorStore(
  stateDir: string,
  now: () => number = Date.now,
): { store: MonitorStore; db: Database.Database; audit: AuditLog; close(): void } {
  const db = openMonitorDb(stateDir);
  const audit = new AuditLog(db, now);
  return { store: new MonitorStore(db, audit, now), db, audit, close: () => db.close() };
}
