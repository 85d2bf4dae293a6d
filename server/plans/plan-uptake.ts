import { isStarted, type DwellingStatus } from '../../engine/planner/plan-status.ts';
import { planSchema } from '../../engine/planner/plan-types.ts';
import type { ObservedUptake } from '../../engine/planner/uptake.ts';

/**
 * The owners' answers per CBS buurt in a saved plan, for the planner's uptake feedback: accepted = work under way
 * or done (onderzoek, natuurvrij, geïsoleerd), declined = afgezien; proposals without an answer do not count.
 * Merged with what earlier versions observed (in the input the plan was made with): acceptances carry over into the
 * next version with their batch, so the larger count is kept; declines leave the plan, so they add up.
 */
export function observedUptake(
  savedPlan: unknown,
  statuses: readonly { vboId: string; status: DwellingStatus }[],
  earlier: readonly ObservedUptake[],
): ObservedUptake[] {
  const plan = planSchema.parse(savedPlan);
  const buurtOf = new Map(plan.batches.flatMap((b) => b.dwellings.map((d) => [d.vboId, b.buurtcode] as const)));
  const now = new Map<string, ObservedUptake>();
  for (const s of statuses) {
    const buurtcode = buurtOf.get(s.vboId);
    if (buurtcode === undefined || (s.status !== 'afgezien' && !isStarted(s.status))) continue;
    const o = now.get(buurtcode) ?? { buurtcode, accepted: 0, declined: 0 };
    if (s.status === 'afgezien') o.declined++;
    else o.accepted++;
    now.set(buurtcode, o);
  }
  const out = new Map(earlier.map((o) => [o.buurtcode, { ...o }]));
  for (const [buurtcode, o] of now) {
    const e = out.get(buurtcode);
    out.set(
      buurtcode,
      e ? { buurtcode, accepted: Math.max(e.accepted, o.accepted), declined: e.declined + o.declined } : o,
    );
  }
  return [...out.values()].sort((a, b) => (a.buurtcode < b.buurtcode ? -1 : 1));
}
