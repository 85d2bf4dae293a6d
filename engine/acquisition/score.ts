import type { Dwelling, EnergyLabel } from '../dwelling.ts';
import type { OrdinanceFacts } from './ordinance.ts';
import type { AcquisitionConfig, AcquisitionWeights } from './params.ts';
import type { ReasonCode } from './reason-codes.ts';
import type { DwellingSignalSummary } from './signal-bands.ts';

/**
 * The acquisition score of one candidate: four components in 0–1 (signals, condition, price, strategic
 * location), weighted to 0–100, each with the reason codes that explain it. Without signals (a role that may
 * not see them) the signal component is left out and the other weights are rescaled.
 */
export interface StrategicFacts {
  /** Share (0–1) of the other dwellings in the same BAG pand owned by a housing corporation. */
  corporationShareInPand: number;
  /** The dwelling's VvE has corporation members. */
  corporationInVve: boolean;
  /** Priority of the zone it lies in (1 = first). */
  zonePriority: number;
}

export interface ScoreComponents {
  /** null when scored without signals. */
  signals: number | null;
  condition: number;
  price: number;
  strategic: number;
}

export interface CandidateScore {
  components: ScoreComponents;
  /** 0–100, one decimal. */
  score: number;
  reasons: ReasonCode[];
}

/** Condition by label: the worse the label, the more the municipality can improve (0–1). */
const LABEL_CONDITION: Record<EnergyLabel, number> = {
  'A++++': 0,
  'A+++': 0,
  'A++': 0,
  'A+': 0,
  A: 0.05,
  B: 0.1,
  C: 0.25,
  D: 0.45,
  E: 0.65,
  F: 0.85,
  G: 1,
};

function ageCondition(bouwjaar: number): number {
  return bouwjaar < 1945 ? 1 : bouwjaar < 1975 ? 0.8 : bouwjaar < 1992 ? 0.5 : bouwjaar < 2006 ? 0.2 : 0;
}

const clamp01 = (x: number): number => (x < 0 ? 0 : x > 1 ? 1 : x);

/** Expected acquisition cost in euro: band price plus buyer's costs. */
export function estimatedCostEur(
  d: Pick<Dwelling, 'wozBand'>,
  cfg: Pick<AcquisitionConfig, 'priceByWozBand' | 'transactionCostRate'>,
): number {
  const price = cfg.priceByWozBand[d.wozBand];
  if (price === undefined) throw new RangeError(`no price for WOZ band ${d.wozBand}`);
  return Math.round(price * (1 + cfg.transactionCostRate));
}

export function signalComponent(s: DwellingSignalSummary, vacancyThreshold: number, reasons: ReasonCode[]): number {
  if (s.nuisanceReports > 0) reasons.push(s.nuisanceReports >= 3 ? 'signaal.overlast-herhaald' : 'signaal.overlast');
  if (s.vacancyMonths >= vacancyThreshold) reasons.push('signaal.leegstand');
  if (s.roomLettingPermit === true) reasons.push('signaal.kamerverhuur');
  return clamp01(
    0.5 * Math.min(1, s.nuisanceReports / 6) +
      0.35 * Math.min(1, s.vacancyMonths / 12) +
      (s.roomLettingPermit === true ? 0.15 : 0),
  );
}

/**
 * Weight of the ordinance in the components (assumption, L): room-letting concentrating within the distance rule adds
 * to the signal component (the municipality's lever where a permit would be refused), buy-to-let protection to the
 * strategic one (buying keeps the dwelling out of an investor's hands).
 */
const CONCENTRATION_BONUS = 0.25;
const BUY_TO_LET_BONUS = 0.15;

export function scoreCandidate(
  d: Pick<Dwelling, 'energyLabel' | 'bouwjaar' | 'wozBand'>,
  signals: DwellingSignalSummary | null | undefined,
  strategic: StrategicFacts,
  cfg: AcquisitionConfig,
  useSignals: boolean,
  ordinance: OrdinanceFacts | null = null,
): CandidateScore {
  const reasons: ReasonCode[] = [];
  let sig = useSignals
    ? signalComponent(
        signals ?? { nuisanceReports: 0, vacancyMonths: 0, roomLettingPermit: null },
        cfg.vacancyMonthsThreshold,
        reasons,
      )
    : null;
  if (sig !== null && (ordinance?.roomLettingNearby ?? 0) > 0) {
    reasons.push('signaal.kamerverhuur-concentratie');
    sig = clamp01(sig + CONCENTRATION_BONUS);
  }

  const label = d.energyLabel.label;
  if (label === 'F' || label === 'G') reasons.push('staat.label-fg');
  else if (label === 'E') reasons.push('staat.label-e');
  if (d.bouwjaar < 1975) reasons.push('staat.bouwjaar-voor-1975');
  const condition = 0.6 * LABEL_CONDITION[label] + 0.4 * ageCondition(d.bouwjaar);

  // Price against the budget: a dwelling costing a third of the budget or more scores 0 (one purchase must
  // leave room for others); cheap ones score up to 1.
  const price = clamp01(1 - estimatedCostEur(d, cfg) / (cfg.budgetEur / 3));
  if (price >= 0.5) reasons.push('prijs.laag');

  if (strategic.corporationShareInPand > 0) reasons.push('strategisch.corporatie-in-pand');
  if (strategic.corporationInVve) reasons.push('strategisch.corporatie-in-vve');
  if (strategic.zonePriority === 1) reasons.push('zone.prioriteit');
  if (ordinance?.buyToLetProtected) reasons.push('verordening.opkoopbescherming');
  const strat = clamp01(
    0.5 * Math.min(1, 2 * strategic.corporationShareInPand) +
      0.2 * (strategic.corporationInVve ? 1 : 0) +
      0.3 / strategic.zonePriority +
      (ordinance?.buyToLetProtected ? BUY_TO_LET_BONUS : 0),
  );

  const components: ScoreComponents = { signals: sig, condition, price, strategic: strat };
  return { components, score: weightedScore(components, cfg.weights), reasons };
}

/** Weighted mean of the components present, 0–100 with one decimal. */
export function weightedScore(c: ScoreComponents, w: AcquisitionWeights): number {
  let sum = 0,
    weight = 0;
  const add = (value: number | null, wt: number) => {
    if (value === null) return;
    sum += value * wt;
    weight += wt;
  };
  add(c.signals, w.signals);
  add(c.condition, w.condition);
  add(c.price, w.price);
  add(c.strategic, w.strategic);
  return weight === 0 ? 0 : Math.round((1000 * sum) / weight) / 10;
}
