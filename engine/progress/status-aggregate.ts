import { DEFAULT_DISCLOSURE_RULES, controlCount, controlRate, type DisclosureRules } from '../disclosure-control.ts';

/**
 * The status map's figures: per CBS buurt (fixed geographies only), how many planned dwellings are still proposed,
 * under way (survey or natuurvrij), insulated or declined, after the disclosure control of the safety layer
 * (engine/disclosure-control.ts: counts under 10 hidden, the rest rounded to 5, shares only with 50 or more planned
 * dwellings), so no single owner's choice can be read off the map, the report or its spreadsheet.
 */
export const STATUS_GROUPS = ['voorgesteld', 'lopend', 'geïsoleerd', 'afgezien'] as const;
export type StatusGroup = (typeof STATUS_GROUPS)[number];

export const STATUS_GROUP_LABELS: Readonly<Record<StatusGroup, string>> = {
  voorgesteld: 'voorgesteld',
  lopend: 'lopend (uitgenodigd, akkoord, onderzoek of natuurvrij)',
  geïsoleerd: 'geïsoleerd',
  afgezien: 'afgezien',
};

/** Exact counts of one buurt, as the stored records give them (never published as such). */
export interface BuurtStatusCounts {
  buurtcode: string;
  planned: number;
  counts: Readonly<Record<StatusGroup, number>>;
}

/** One buurt as it may be shown: each count null when suppressed; the insulated share null when not publishable. */
export interface ControlledBuurtStatus {
  buurtcode: string;
  planned: number | null;
  counts: Record<StatusGroup, number | null>;
  insulatedShare: number | null;
}

/** Which plan statuses fall in which group (engine/planner/plan-status.ts). */
export function statusGroupOf(status: string): StatusGroup {
  if (status === 'geïsoleerd') return 'geïsoleerd';
  if (status === 'afgezien') return 'afgezien';
  if (status === 'onderzoek' || status === 'natuurvrij') return 'lopend';
  return 'voorgesteld';
}

/** Counts statuses of planned dwellings per buurt; a dwelling whose buurt is unknown is counted by the caller's warning. */
export function countStatuses(
  states: readonly { vboId: string; status: string }[],
  buurtOf: (vboId: string) => string | undefined,
): { counts: BuurtStatusCounts[]; unplaced: number } {
  const per = new Map<string, BuurtStatusCounts>();
  let unplaced = 0;
  for (const s of states) {
    const b = buurtOf(s.vboId);
    if (b === undefined) {
      unplaced++;
      continue;
    }
    let c = per.get(b);
    if (!c)
      per.set(b, (c = { buurtcode: b, planned: 0, counts: { voorgesteld: 0, lopend: 0, geïsoleerd: 0, afgezien: 0 } }));
    c.planned++;
    (c.counts as Record<StatusGroup, number>)[statusGroupOf(s.status)]++;
  }
  return { counts: [...per.values()].sort((a, b) => (a.buurtcode < b.buurtcode ? -1 : 1)), unplaced };
}

/** The buurt counts after disclosure control. */
export function controlStatuses(
  list: readonly BuurtStatusCounts[],
  rules: DisclosureRules = DEFAULT_DISCLOSURE_RULES,
): ControlledBuurtStatus[] {
  return list.map((b) => {
    const counts = Object.fromEntries(STATUS_GROUPS.map((g) => [g, controlCount(b.counts[g], rules).value])) as Record<
      StatusGroup,
      number | null
    >;
    return {
      buurtcode: b.buurtcode,
      planned: controlCount(b.planned, rules).value,
      counts,
      insulatedShare: controlRate(b.counts.geïsoleerd, b.planned, rules).value,
    };
  });
}
