/**
 * Checks new monitor records against what is stored and planned, before anything is written: a payment for a
 * dwelling or batch outside every plan, a negative amount, a date before the programme start, a duplicate reference,
 * a correction of an unknown or already corrected entry, a status that skips a step or goes back in time. Every
 * problem is reported (not just the first), each naming its record by `path`, so an import can be refused whole.
 */
import type { MonitorIssue } from './monitor-issue-codes.ts';
import type { MoneyEntry, MonitorStatus, StatusEvent } from './monitor-records.ts';
import type { ProgrammeSettings } from './programme-settings.ts';
import { allowedAfter, mayFollow } from './status-ladder.ts';

export interface RecordContext {
  settings: Pick<ProgrammeSettings, 'start' | 'end'>;
  /** BAG ids of the dwellings in any saved plan (every version). */
  plannedDwellings: ReadonlySet<string>;
  /** Batch ids of any saved plan. */
  plannedBatches: ReadonlySet<string>;
  /** Stored entries, in recording order. */
  money: readonly MoneyEntry[];
  /** Stored status steps, in recording order. */
  statuses: readonly StatusEvent[];
}

/** A new record with the path that names it to the user (e.g. ['rij', 12] for a file row, ['money', 0] in a body). */
export interface Located<T> {
  record: T;
  path: (string | number)[];
}

export function checkMoneyEntries(ctx: RecordContext, entries: readonly Located<MoneyEntry>[]): MonitorIssue[] {
  const issues: MonitorIssue[] = [];
  const known = new Map(ctx.money.map((m) => [m.reference, m]));
  const corrected = new Set(ctx.money.flatMap((m) => (m.corrects === null ? [] : [m.corrects])));
  for (const { record: e, path } of entries) {
    const at = (field: string) => [...path, field];
    if (e.amountEur < 0)
      issues.push({
        code: 'monitor.money.negative',
        message: `entry ${e.reference}: amount ${e.amountEur} is negative; enter a correction (a new entry naming the one it replaces) instead`,
        path: at('amountEur'),
      });
    if (e.date < ctx.settings.start)
      issues.push({
        code: 'monitor.money.before-start',
        message: `entry ${e.reference}: date ${e.date} is before the programme start ${ctx.settings.start}`,
        path: at('date'),
      });
    if (e.vboId !== null && !ctx.plannedDwellings.has(e.vboId))
      issues.push({
        code: 'monitor.money.outside-plan',
        message: `entry ${e.reference}: dwelling ${e.vboId} is in no saved plan`,
        path: at('vboId'),
      });
    if (e.batchId !== null && !ctx.plannedBatches.has(e.batchId))
      issues.push({
        code: 'monitor.money.outside-plan',
        message: `entry ${e.reference}: batch ${e.batchId} is in no saved plan`,
        path: at('batchId'),
      });
    if (known.has(e.reference))
      issues.push({
        code: 'monitor.money.duplicate-reference',
        message: `entry ${e.reference}: the reference is already recorded`,
        path: at('reference'),
      });
    if (e.corrects !== null) {
      if (!known.has(e.corrects))
        issues.push({
          code: 'monitor.money.unknown-correction',
          message: `entry ${e.reference} corrects ${e.corrects}, which is not recorded (record the entry before its correction)`,
          path: at('corrects'),
        });
      else if (corrected.has(e.corrects))
        issues.push({
          code: 'monitor.money.corrected-twice',
          message: `entry ${e.reference} corrects ${e.corrects}, which was corrected already; correct the newest entry instead`,
          path: at('corrects'),
        });
      corrected.add(e.corrects);
    }
    if (!known.has(e.reference)) known.set(e.reference, e);
  }
  return issues;
}

export function checkStatusEvents(ctx: RecordContext, events: readonly Located<StatusEvent>[]): MonitorIssue[] {
  const issues: MonitorIssue[] = [];
  const last = new Map<string, { status: MonitorStatus; date: string }>();
  for (const s of ctx.statuses) last.set(s.vboId, s);
  for (const { record: s, path } of events) {
    const at = (field: string) => [...path, field];
    if (!ctx.plannedDwellings.has(s.vboId)) {
      issues.push({
        code: 'monitor.status.outside-plan',
        message: `dwelling ${s.vboId} is in no saved plan`,
        path: at('vboId'),
      });
      continue;
    }
    if (s.date < ctx.settings.start)
      issues.push({
        code: 'monitor.status.before-start',
        message: `dwelling ${s.vboId}: date ${s.date} is before the programme start ${ctx.settings.start}`,
        path: at('date'),
      });
    if (s.date > ctx.settings.end)
      issues.push({
        code: 'monitor.status.after-end',
        message: `dwelling ${s.vboId}: date ${s.date} is after the programme end ${ctx.settings.end}`,
        path: at('date'),
      });
    const prev = last.get(s.vboId);
    if (!mayFollow(prev?.status ?? null, s.status)) {
      issues.push({
        code: 'monitor.status.skip',
        message: `dwelling ${s.vboId}: ${s.status} cannot follow ${prev ? prev.status : 'no status'}; allowed: ${allowedAfter(prev?.status ?? null)}`,
        path: at('status'),
      });
      continue;
    }
    if (prev && s.date < prev.date)
      issues.push({
        code: 'monitor.status.out-of-order',
        message: `dwelling ${s.vboId}: ${s.status} on ${s.date} is before its ${prev.status} on ${prev.date}`,
        path: at('date'),
      });
    last.set(s.vboId, s);
  }
  return issues;
}
