import { z } from 'zod';
import { REASON_CODES, REASON_LABELS, type ReasonCode } from './reason-codes.ts';

/**
 * Per target zone: how many candidates, how many selected, what they cost and which share of the budget that is,
 * and why (the reasons of the selected candidates, most frequent first, in words). This is what makes the old
 * centre's share of the €1.5M visible (docs/domain.md §1) in exports and the panel.
 */
export interface ZoneReason {
  code: ReasonCode;
  /** Dutch text (reason-codes.ts). */
  label: string;
  /** Selected candidates in the zone with this reason. */
  count: number;
}

export interface ZoneSummary {
  id: string;
  name: string;
  priority: number;
  candidates: number;
  selected: number;
  selectedCostEur: number;
  /** selectedCostEur / budget, 0–1, four decimals. */
  budgetShare: number;
  /** Reasons of the selected candidates, most frequent first (ties by code). */
  reasons: ZoneReason[];
}

interface Member {
  zoneId: string;
  selected: boolean;
  estimatedCostEur: number;
  reasons: readonly ReasonCode[];
}

export function summariseZones(
  zones: readonly { id: string; name: string; priority: number }[],
  candidates: readonly Member[],
  budgetEur: number,
): ZoneSummary[] {
  return zones.map((z) => {
    const mine = candidates.filter((c) => c.zoneId === z.id);
    const chosen = mine.filter((c) => c.selected);
    const cost = chosen.reduce((a, c) => a + c.estimatedCostEur, 0);
    const counts = new Map<ReasonCode, number>();
    for (const c of chosen) for (const r of c.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const reasons = [...counts]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .map(([code, count]) => ({ code, label: REASON_LABELS[code], count }));
    return {
      id: z.id,
      name: z.name,
      priority: z.priority,
      candidates: mine.length,
      selected: chosen.length,
      selectedCostEur: cost,
      budgetShare: budgetEur > 0 ? Math.round((cost / budgetEur) * 10_000) / 10_000 : 0,
      reasons,
    };
  });
}

/** One line in words per zone, for export metadata and the panel. */
export function zoneSummaryText(z: ZoneSummary, formatEur: (n: number) => string): string {
  const pct = `${(z.budgetShare * 100).toFixed(1).replace('.', ',')} %`;
  const why = z.reasons.slice(0, 3).map((r) => `${r.label} (${r.count})`);
  return (
    `${z.name} (prioriteit ${z.priority}): ${z.candidates} kandidaten, ${z.selected} geselecteerd, ` +
    `${formatEur(z.selectedCostEur)} = ${pct} van het budget` +
    (why.length > 0 ? `; waarom: ${why.join(', ')}` : '')
  );
}

/** A zone summary as the API answers it and the map parses it. */
export const ZoneSummarySchema = z.object({
  id: z.string(),
  name: z.string(),
  priority: z.number().int(),
  candidates: z.number().int(),
  selected: z.number().int(),
  selectedCostEur: z.number().int(),
  budgetShare: z.number().min(0).max(1).describe('selected cost / budget'),
  reasons: z
    .array(
      z.object({
        code: z.enum(REASON_CODES as [ReasonCode, ...ReasonCode[]]),
        label: z.string(),
        count: z.number().int(),
      }),
    )
    .describe('reasons of the selected candidates in words, most frequent first'),
});
