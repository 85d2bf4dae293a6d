import { formatAddress } from '../dwelling-feature.ts';
import type { Dwelling, Vve } from '../dwelling.ts';
import type { Signal } from '../registers.ts';
import { fail, ok, type Result } from '../result.ts';
import type { AcquisitionIssue, AcquisitionIssueCode } from './acquisition-issue-codes.ts';
import { MAX_KNAPSACK_CELLS, knapsack } from './knapsack.ts';
import { buyToLetProtected, roomLettingNearby, type Ordinance, type OrdinanceSummary } from './ordinance.ts';
import type { AcquisitionConfig } from './params.ts';
import type { ReasonCode } from './reason-codes.ts';
import { estimatedCostEur, scoreCandidate, type ScoreComponents } from './score.ts';
import {
  latestYearWindow,
  nuisanceBand,
  permitStatus,
  summariseSignals,
  vacancyBand,
  type NuisanceBand,
  type PermitStatus,
  type SignalWindow,
  type VacancyBand,
} from './signal-bands.ts';
import { summariseZones, type ZoneSummary } from './zone-summary.ts';
import { resolveZones, zoneOf } from './zones.ts';

/**
 * Acquisition planning: candidates in the target zones, scored, ranked and a budgeted selection (exact
 * knapsack over the score). Pure; the caller decides whether signals may be used (role), and passes them
 * only then.
 */
export interface AcquisitionInput {
  dwellings: readonly Dwelling[];
  vves: readonly Vve[];
  /** RESTRICTED signals, or null when the caller's role may not use them (scores then leave them out). */
  signals: readonly Signal[] | null;
  config: AcquisitionConfig;
  /** The housing ordinance in force on the planning day, or null when none is (ordinance-rules.ts). */
  ordinance?: Ordinance | null;
}

/** Banded signals of one candidate; never exact counts. */
export interface CandidateSignals {
  nuisanceBand: NuisanceBand;
  vacancyBand: VacancyBand;
  permitStatus: PermitStatus;
}

export interface AcquisitionCandidate {
  rank: number;
  selected: boolean;
  vboId: string;
  pandId: string;
  buurtcode: string;
  zoneId: string;
  zoneName: string;
  zonePriority: number;
  address: string;
  postcode: string;
  woonplaats: string;
  bouwjaar: number;
  oppervlakte: number;
  type: Dwelling['type'];
  label: Dwelling['energyLabel']['label'];
  vveId: string | null;
  ownership: Dwelling['ownership'];
  wozBand: Dwelling['wozBand'];
  estimatedCostEur: number;
  /** null when planned without signals. */
  signals: CandidateSignals | null;
  components: ScoreComponents;
  score: number;
  reasons: ReasonCode[];
  dataDate: string;
  location: [number, number];
}

export interface AcquisitionPlan {
  usesSignals: boolean;
  /** The ordinance rules the scores used (versions and validity), or null when no ordinance was in force. */
  ordinance: OrdinanceSummary | null;
  signalWindow: SignalWindow | null;
  budgetEur: number;
  /** Knapsack resolution actually used (coarser than configured only for very large inputs). */
  unitEur: number;
  selectedCount: number;
  selectedCostEur: number;
  selectedScore: number;
  /** Candidates in rank order: zone priority first (1 = first in line), then score descending, cost, vboId. */
  candidates: AcquisitionCandidate[];
  /** Dwellings in the zones that are not candidates, by reason. */
  excluded: { ownership: number; overBudget: number };
  /** Per zone: candidates, selection, cost, budget share and reasons (zone-summary.ts). */
  zones: ZoneSummary[];
}

export function planAcquisition(input: AcquisitionInput): Result<AcquisitionPlan, AcquisitionIssueCode> {
  const cfg = input.config;
  const zones = resolveZones(cfg.zones);
  if (zones.length === 0)
    return fail({ code: 'acquisition.zones.empty', message: 'no target zones configured', path: ['zones'] });
  const useSignals = input.signals !== null;
  const window = useSignals ? latestYearWindow(input.signals!) : null;
  const summaries = useSignals && window ? summariseSignals(input.signals!, window) : new Map();

  // Corporation presence per pand and per VvE, for "strategic location".
  const perPand = new Map<string, { corp: number; all: number }>();
  for (const d of input.dwellings) {
    const p = perPand.get(d.pandId) ?? { corp: 0, all: 0 };
    p.all++;
    if (d.ownership === 'corporatie') p.corp++;
    perPand.set(d.pandId, p);
  }
  const ownershipOf = new Map(input.dwellings.map((d) => [d.vboId, d.ownership]));
  const vveWithCorp = new Set(
    input.vves.filter((v) => v.members.some((m) => ownershipOf.get(m.vboId) === 'corporatie')).map((v) => v.vveId),
  );

  const ordinance = input.ordinance ?? null;
  const nearby =
    ordinance && useSignals
      ? roomLettingNearby(
          input.dwellings,
          new Set([...summaries].filter(([, s]) => s.roomLettingPermit === true).map(([id]) => id)),
          ordinance.distanceRuleM,
        )
      : null;

  const eligible = new Set(cfg.eligibleOwnership);
  const excluded = { ownership: 0, overBudget: 0 };
  const zoneCounts = new Map(zones.map((z) => [z.id, 0]));
  const list: Omit<AcquisitionCandidate, 'rank' | 'selected'>[] = [];
  for (const d of input.dwellings) {
    const zone = zoneOf(zones, d.buurtcode, d.location);
    if (!zone) continue;
    if (!eligible.has(d.ownership)) {
      excluded.ownership++;
      continue;
    }
    const cost = estimatedCostEur(d, cfg);
    if (cost > cfg.budgetEur) {
      excluded.overBudget++;
      continue;
    }
    const p = perPand.get(d.pandId)!;
    const others = p.all - 1;
    const corpOthers = p.corp - (d.ownership === 'corporatie' ? 1 : 0);
    const strategic = {
      corporationShareInPand: others > 0 ? corpOthers / others : 0,
      corporationInVve: d.vveId !== null && vveWithCorp.has(d.vveId),
      zonePriority: zone.priority,
    };
    const summary = summaries.get(d.vboId) ?? null;
    const facts = ordinance
      ? { roomLettingNearby: nearby?.get(d.vboId) ?? null, buyToLetProtected: buyToLetProtected(d, ordinance) }
      : null;
    const s = scoreCandidate(d, summary, strategic, cfg, useSignals, facts);
    zoneCounts.set(zone.id, zoneCounts.get(zone.id)! + 1);
    list.push({
      vboId: d.vboId,
      pandId: d.pandId,
      buurtcode: d.buurtcode,
      zoneId: zone.id,
      zoneName: zone.name,
      zonePriority: zone.priority,
      address: formatAddress(d.address),
      postcode: d.address.postcode,
      woonplaats: d.address.woonplaats,
      bouwjaar: d.bouwjaar,
      oppervlakte: d.oppervlakte,
      type: d.type,
      label: d.energyLabel.label,
      vveId: d.vveId,
      ownership: d.ownership,
      wozBand: d.wozBand,
      estimatedCostEur: cost,
      signals: useSignals
        ? {
            nuisanceBand: nuisanceBand(summary?.nuisanceReports ?? 0),
            vacancyBand: vacancyBand(summary?.vacancyMonths ?? 0),
            permitStatus: permitStatus(summary?.roomLettingPermit ?? null),
          }
        : null,
      components: s.components,
      score: s.score,
      reasons: s.reasons,
      dataDate: d.dataDate,
      location: [d.location[0], d.location[1]],
    });
  }
  // Zone priority first: the budget is meant for the first zone in line (the old centre, docs/domain.md §1);
  // later zones get what it leaves.
  list.sort(
    (a, b) =>
      a.zonePriority - b.zonePriority ||
      b.score - a.score ||
      a.estimatedCostEur - b.estimatedCostEur ||
      a.vboId.localeCompare(b.vboId),
  );

  // Exact knapsack over the score per priority level, each on the budget the levels before it left; costs are
  // rounded up to the unit so the selection never exceeds the budget.
  const pool = list.map((c, i) => ({ c, i })).filter(({ c }) => c.score >= cfg.minScore && c.score > 0);
  let unit = cfg.unitEur;
  while (pool.length * (Math.floor(cfg.budgetEur / unit) + 1) > MAX_KNAPSACK_CELLS) unit *= 2;
  const selected = new Set<number>();
  let leftUnits = Math.floor(cfg.budgetEur / unit);
  for (const level of [...new Set(pool.map(({ c }) => c.zonePriority))]) {
    const items = pool.filter(({ c }) => c.zonePriority === level);
    const result = knapsack(
      items.map(({ c }) => ({ cost: Math.ceil(c.estimatedCostEur / unit), value: c.score })),
      leftUnits,
    );
    for (const k of result.chosen) {
      selected.add(items[k]!.i);
      leftUnits -= Math.ceil(items[k]!.c.estimatedCostEur / unit);
    }
  }

  const candidates = list.map((c, i) => ({ rank: i + 1, selected: selected.has(i), ...c }));
  const chosen = candidates.filter((c) => c.selected);
  const warnings: AcquisitionIssue[] = zones
    .filter((z) => zoneCounts.get(z.id) === 0)
    .map((z) => ({
      code: 'acquisition.zone.no-candidates',
      message: `zone ${z.name} has no candidate dwellings in this dataset`,
      path: ['zones', z.id],
    }));
  if (unit !== cfg.unitEur)
    warnings.push({
      code: 'acquisition.unit.coarsened',
      message: `knapsack resolution coarsened to €${unit} for ${pool.length} candidates`,
      path: ['unitEur'],
    });
  if (useSignals && window === null)
    warnings.push({
      code: 'acquisition.signals.none',
      message: 'no signals available: the signal component is 0 for every candidate',
      path: ['signals'],
    });
  return ok(
    {
      usesSignals: useSignals,
      ordinance: ordinance
        ? {
            title: ordinance.title,
            validFrom: ordinance.validFrom,
            validTo: ordinance.validTo,
            versions: ordinance.versions,
            distanceRuleM: ordinance.distanceRuleM,
          }
        : null,
      signalWindow: window,
      budgetEur: cfg.budgetEur,
      unitEur: unit,
      selectedCount: chosen.length,
      selectedCostEur: chosen.reduce((a, c) => a + c.estimatedCostEur, 0),
      selectedScore: Math.round(chosen.reduce((a, c) => a + c.score, 0) * 10) / 10,
      candidates,
      excluded,
      zones: summariseZones(zones, candidates, cfg.budgetEur),
    },
    warnings,
  );
}
