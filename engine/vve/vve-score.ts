import type { VveConfig } from './vve-config.ts';
import { reason, type VveReason } from './vve-reasons.ts';
import type { Warmtefonds, WarmtefondsFailing } from './vve-warmtefonds.ts';

/**
 * The pilot score (0–100): points per component after docs/domain.md §3's "good pilot candidate" — size and loan
 * eligibility, an active board, the corporation's share of the votes, owner-occupiers, poor labels,
 * maintenance due — plus the probability of a qualified majority and the net monthly result per right.
 * Each component is 0–1; the configured points (sum 100) weigh them. Reasons say what counted.
 */
export interface ScoreFacts {
  units: number;
  minDwellings: number;
  eligibleWarmtefonds: boolean;
  warmtefondsFailing: readonly WarmtefondsFailing[];
  warmtefondsPath: Warmtefonds['path'];
  /** Ids of the ≥ 8 path's preconditions not (known to be) in place. */
  preconditionsToArrange: readonly string[];
  /** P(first meeting misses its quorum): above one half the decision mostly falls in a second meeting. */
  quorumMissedProbability: number;
  active: boolean;
  corporationVoteShare: number;
  ownerOccupierShare: number;
  /** Share of the dwellings with label D–G (0–1). */
  poorLabelShare: number;
  /** Number of elements (façade, roof, windows) with maintenance due, 0–3. */
  maintenanceDueCount: number;
  /** Qualified majority (second meeting included), or unanimity for a small VvE. */
  decisionProbability: number;
  netPerRightPerMonthEur: number;
  surveyNeeded: boolean;
  assumed: boolean;
}

export type ScoreComponents = Record<keyof VveConfig['score']['weights'], number>;

const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));

export function scoreComponents(f: ScoreFacts, cfg: VveConfig['score']): ScoreComponents {
  const [lo, hi] = cfg.corporationShareBand;
  const c = f.corporationVoteShare;
  return {
    // docs/domain.md §3: a good pilot has ≥ 8 units; a small VvE that can borrow counts half.
    size: f.units >= f.minDwellings ? (f.eligibleWarmtefonds ? 1 : 0.5) : f.eligibleWarmtefonds ? 0.5 : 0,
    active: f.active ? 1 : 0,
    corporationShare: c > 0.5 ? 0 : c >= lo && c <= hi ? 1 : c > 0 ? 0.5 : 0.2,
    ownerOccupiers: f.ownerOccupierShare > 0 ? 0.5 + 0.5 * clamp01(f.ownerOccupierShare / 0.5) : 0,
    labels: clamp01(f.poorLabelShare),
    maintenance: clamp01(f.maintenanceDueCount / 3),
    decision: c > 0.5 ? cfg.corporationControlledDecisionCredit : clamp01(f.decisionProbability),
    finance: clamp01(0.5 + (0.5 * f.netPerRightPerMonthEur) / cfg.financeFullAtEurPerMonth),
  };
}

export function vveScore(
  f: ScoreFacts,
  cfg: VveConfig['score'],
): { score: number; components: ScoreComponents; reasons: VveReason[] } {
  const components = scoreComponents(f, cfg);
  let score = 0;
  for (const k of Object.keys(components) as (keyof ScoreComponents)[]) score += cfg.weights[k] * components[k];
  const [lo, hi] = cfg.corporationShareBand;
  const c = f.corporationVoteShare;
  const reasons: VveReason[] = [
    reason(
      f.eligibleWarmtefonds
        ? f.warmtefondsPath === 'small-all-sign'
          ? 'omvang.klein-alle-leden'
          : 'omvang.warmtefonds'
        : (f.warmtefondsFailing[0] ?? 'omvang.te-klein'),
    ),
    ...f.warmtefondsFailing.slice(1).map(reason),
    ...(f.preconditionsToArrange.includes('maatwerk-vve-energieadvies') ? [reason('voorwaarde.energieadvies')] : []),
    ...(f.preconditionsToArrange.includes('mjop-loan-term') ? [reason('voorwaarde.mjop')] : []),
    reason(f.active ? 'bestuur.actief' : 'bestuur.slapend'),
    reason(
      c > 0.5
        ? 'corporatie.bepalend'
        : c >= lo && c <= hi
          ? 'corporatie.goed-aandeel'
          : c > 0
            ? 'corporatie.klein-aandeel'
            : 'corporatie.geen',
    ),
    reason(f.ownerOccupierShare > 0 ? 'eigenaren.bewoners' : 'eigenaren.geen-bewoners'),
    reason(f.poorLabelShare >= 0.5 ? 'label.slecht' : 'label.goed'),
    ...(f.maintenanceDueCount > 0 ? [reason('onderhoud.nodig')] : []),
    reason(f.decisionProbability >= 0.5 ? 'besluit.kansrijk' : 'besluit.onzeker'),
    ...(f.warmtefondsPath !== 'small-all-sign' && f.quorumMissedProbability > 0.5
      ? [reason('besluit.tweede-vergadering')]
      : []),
    reason(f.netPerRightPerMonthEur >= 0 ? 'financien.netto-voordeel' : 'financien.netto-last'),
    ...(f.surveyNeeded ? [reason('natuur.onderzoek')] : []),
    ...(f.assumed ? [reason('gegevens.aangenomen')] : []),
  ];
  return { score: Math.round(score * 10) / 10, components, reasons };
}
