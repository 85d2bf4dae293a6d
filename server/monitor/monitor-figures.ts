import type { MonitorIssueCode } from '../../engine/monitor/monitor-issue-codes.ts';
import type { MonitorPlan } from '../../engine/monitor/monitor-plan.ts';
import { computeProgressFigures, type ProgressFigures } from '../../engine/monitor/progress-figures.ts';
import { QuarterId, quarterBounds } from '../../engine/monitor/quarter.ts';
import { planSchema } from '../../engine/planner/plan-types.ts';
import type { HistoryEntry, PlanSummary } from '../../engine/planner/saved-plan.ts';
import type { DwellingStatus } from '../../engine/planner/plan-status.ts';
import { runDateNl } from '../../engine/planner/run-date.ts';
import type { MonitorStatus, StatusEvent } from '../../engine/monitor/monitor-records.ts';
import { fail, type Result } from '../../engine/result.ts';
import type { PlanStore } from '../plans/plan-store.ts';
import type { MonitorStore } from './monitor-store.ts';

/**
 * The plan version in force at the end of a quarter: in the lineage of `planId` (default: the newest plan not yet
 * re-planned), the newest version saved on or before that day; the first version when all were saved later (a
 * programme monitored from before the product was used).
 */
export function planInForce(plans: PlanStore, quarter: string, planId?: number): PlanSummary | null {
  const head =
    planId === undefined ? plans.list().find((p) => p.supersededBy === null) : (plans.summary(planId) ?? undefined);
  if (!head) return null;
  const lineage: PlanSummary[] = [];
  for (let cur: PlanSummary | null = head; cur; cur = cur.parentId === null ? null : plans.summary(cur.parentId))
    lineage.unshift(cur);
  const until = quarterBounds(quarter).until;
  return [...lineage].reverse().find((p) => p.createdAt.slice(0, 10) <= until) ?? lineage[0]!;
}

/** The monitor's figures for one quarter from the stored plans and records. */
export function storedProgressFigures(
  plans: PlanStore,
  monitor: MonitorStore,
  quarter: string,
  planId?: number,
): Result<ProgressFigures, MonitorIssueCode> {
  if (!QuarterId.safeParse(quarter).success)
    return fail({
      code: 'monitor.quarter.invalid',
      message: `${quarter} is not a quarter such as 2027Q1`,
      path: ['quarter'],
    });
  const summary = planInForce(plans, quarter, planId);
  if (!summary)
    return fail({
      code: 'monitor.plan.none',
      message: planId === undefined ? 'no saved plan to measure against' : `no plan ${planId}`,
      path: ['plan'],
    });
  const stored = plans.get(summary.id)!;
  // A stored plan that no longer parses is a bug (plans are immutable and were parsed when saved).
  const plan: MonitorPlan = {
    id: summary.id,
    version: summary.version,
    batches: planSchema.parse(stored.plan).batches,
  };
  const recorded = monitor.statuses();
  return computeProgressFigures({
    quarter,
    settings: monitor.settings,
    plan,
    statuses: [...statusesFromPlanHistory(stored.history, recorded), ...recorded],
    money: monitor.money(),
  });
}

const FROM_PLAN_STATUS: Readonly<Partial<Record<DwellingStatus, MonitorStatus>>> = {
  onderzoek: 'akkoord',
  natuurvrij: 'natuurvrij',
  geïsoleerd: 'geïsoleerd',
  afgezien: 'afgezien',
};

/**
 * Status changes made in the plan panel (plan history) as monitor steps dated by the day they were entered
 * (Europe/Amsterdam), for dwellings without steps recorded in the monitor itself: the monitor's own dated steps win.
 * `onderzoek` means the owner accepted (the survey starts then); the figures imply the invitation.
 */
export function statusesFromPlanHistory(
  history: readonly HistoryEntry[],
  recorded: readonly StatusEvent[],
): StatusEvent[] {
  const own = new Set(recorded.map((s) => s.vboId));
  const out: StatusEvent[] = [];
  for (const h of history) {
    const status = h.action === 'status' && h.to ? FROM_PLAN_STATUS[h.to] : undefined;
    if (status && h.vboId && !own.has(h.vboId)) out.push({ vboId: h.vboId, status, date: runDateNl(new Date(h.at)) });
  }
  return out;
}
