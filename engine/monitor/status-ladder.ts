import type { MonitorStatus } from './monitor-records.ts';

/**
 * Allowed next steps per monitor status (monitor-records.ts). A step is never skipped: natuurvrij needs the owner's
 * acceptance because the ecological survey starts then (docs/domain.md §2), and insulation needs natuurvrij.
 * `null` is the state before any step.
 */
export const MONITOR_TRANSITIONS: Readonly<Record<MonitorStatus | 'start', readonly MonitorStatus[]>> = {
  start: ['uitgenodigd'],
  uitgenodigd: ['akkoord', 'afgezien'],
  akkoord: ['natuurvrij', 'afgezien'],
  natuurvrij: ['geïsoleerd', 'afgezien'],
  geïsoleerd: [],
  afgezien: [],
};

/** The step's place on the ladder: afgezien sorts last so a same-day decline follows the step it ends. */
export const STATUS_RANK: Readonly<Record<MonitorStatus, number>> = {
  uitgenodigd: 0,
  akkoord: 1,
  natuurvrij: 2,
  geïsoleerd: 3,
  afgezien: 4,
};

export function mayFollow(from: MonitorStatus | null, to: MonitorStatus): boolean {
  return MONITOR_TRANSITIONS[from ?? 'start'].includes(to);
}

/** Allowed next steps in words, for error messages. */
export function allowedAfter(from: MonitorStatus | null): string {
  const next = MONITOR_TRANSITIONS[from ?? 'start'];
  return next.length ? next.join(', ') : `none (${from} is final)`;
}
