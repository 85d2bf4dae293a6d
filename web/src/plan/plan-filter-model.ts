/**
 * Map filters and bulk status changes of the plan panel (pure: the view wires them to MapLibre and the PATCH route).
 * Dwellings can be shown for one season and/or one status, coloured by season or by status; a batch's dwellings can
 * move to a next status together, each through the same per-dwelling rule (engine/planner/plan-status.ts).
 */
import type { ExpressionSpecification, FilterSpecification } from 'maplibre-gl';
import { PLAN_STATUSES } from '../../../engine/planner/plan-types.ts';
import { STATUS_TRANSITIONS, type DwellingStatus } from '../../../engine/planner/plan-status.ts';
import { formatCount } from '../format.ts';
import { batchName, statusLabel, type PlanDetail } from './plan-model.ts';

/** "1 woning", "12 woningen". */
export const woningen = (n: number): string => `${formatCount(n)} ${n === 1 ? 'woning' : 'woningen'}`;

/** "All" in a filter. */
export const ALL = 'alle';

/**
 * One colour per status along the work order (grey proposed, orange survey, blue natuurvrij, green insulated, red
 * declined): distinct for colour-blind readers (Okabe–Ito palette) and unrelated to the season ramp.
 */
export const STATUS_COLOURS: Readonly<Record<DwellingStatus, string>> = {
  voorgesteld: '#999999',
  onderzoek: '#e69f00',
  natuurvrij: '#0072b2',
  geïsoleerd: '#009e73',
  afgezien: '#d55e00',
};

export const statusColourExpression = (): ExpressionSpecification =>
  [
    'match',
    ['get', 'status'],
    ...PLAN_STATUSES.flatMap((s) => [s, STATUS_COLOURS[s]]),
    '#888888',
  ] as unknown as ExpressionSpecification;

/** The map filter for a season and a status (either may be ALL); null shows every dwelling. */
export function planFilter(season: string, status: string): FilterSpecification | null {
  const parts: unknown[] = [];
  if (season !== ALL) parts.push(['==', ['get', 'season'], season]);
  if (status !== ALL) parts.push(['==', ['get', 'status'], status]);
  if (parts.length === 0) return null;
  return (parts.length === 1 ? parts[0] : ['all', ...parts]) as FilterSpecification;
}

const statusOf = (d: PlanDetail): Map<string, DwellingStatus> => new Map(d.statuses.map((s) => [s.vboId, s.status]));

/** Dwellings per status after the filter, for the counts beside the filter ("onderzoek: 12"). */
export function filteredCount(d: PlanDetail, season: string, status: string): number {
  const st = statusOf(d);
  return d.plan.batches
    .filter((b) => season === ALL || b.season === season)
    .reduce(
      (a, b) => a + b.dwellings.filter((w) => status === ALL || (st.get(w.vboId) ?? 'voorgesteld') === status).length,
      0,
    );
}

/** Batches to choose from for a bulk change (those of the season, or all), labelled with season and size. */
export function batchOptions(d: PlanDetail, season: string): { id: string; label: string }[] {
  return d.plan.batches
    .filter((b) => season === ALL || b.season === season)
    .map((b) => ({ id: b.id, label: `${batchName(b.id)} (${woningen(b.dwellings.length)})` }));
}

/** The statuses some dwelling of the batch may move to (the choices of a bulk change). */
export function bulkStatuses(d: PlanDetail, batchId: string): DwellingStatus[] {
  const st = statusOf(d);
  const b = d.plan.batches.find((x) => x.id === batchId);
  if (!b) return [];
  const next = new Set(b.dwellings.flatMap((w) => STATUS_TRANSITIONS[st.get(w.vboId) ?? 'voorgesteld']));
  return PLAN_STATUSES.filter((s) => next.has(s));
}

/**
 * A batch's dwellings that may move to `to` now, and how many may not (already there, final, or a step would be
 * skipped): a bulk change never forces a move the per-dwelling rule refuses.
 */
export function bulkTargets(
  d: PlanDetail,
  batchId: string,
  to: DwellingStatus,
): { vboIds: string[]; skipped: number; text: string } {
  const st = statusOf(d);
  const b = d.plan.batches.find((x) => x.id === batchId);
  if (!b) return { vboIds: [], skipped: 0, text: `Batch ${batchId} staat niet in dit plan.` };
  const vboIds = b.dwellings
    .filter((w) => STATUS_TRANSITIONS[st.get(w.vboId) ?? 'voorgesteld'].includes(to))
    .map((w) => w.vboId);
  const skipped = b.dwellings.length - vboIds.length;
  const text = `${woningen(vboIds.length)} naar ${statusLabel(to)}${skipped ? `; ${formatCount(skipped)} blijven ongewijzigd (die overgang is voor hen niet toegestaan)` : ''}.`;
  return { vboIds, skipped, text };
}
