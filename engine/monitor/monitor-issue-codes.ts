import type { Issue } from '../result.ts';

/**
 * Codes of the monitor: records refused on entry or import (the record is named in the path), and warnings of the
 * figures and forecast. server/api-error.ts and cli/exit-codes.ts map each one.
 */
export const MONITOR_ISSUE_CODES = [
  'monitor.record.invalid',
  'monitor.money.outside-plan',
  'monitor.money.negative',
  'monitor.money.before-start',
  'monitor.money.duplicate-reference',
  'monitor.money.unknown-correction',
  'monitor.money.corrected-twice',
  'monitor.status.outside-plan',
  'monitor.status.skip',
  'monitor.status.before-start',
  'monitor.status.after-end',
  'monitor.status.out-of-order',
  'monitor.plan.none',
  'monitor.quarter.invalid',
  'monitor.quarter.before-start',
  'monitor.forecast.misses-end',
  'monitor.forecast.year-cap',
  'monitor.forecast.budget-short',
  'monitor.forecast.no-pace',
] as const;
export type MonitorIssueCode = (typeof MONITOR_ISSUE_CODES)[number];
export type MonitorIssue = Issue<MonitorIssueCode>;
