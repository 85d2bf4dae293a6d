import { formatAddress } from '../dwelling-feature.ts';
import type { Dwelling, Vve } from '../dwelling.ts';
import type { Signal } from '../registers.ts';
import { fail, ok, type Result } from '../result.ts';
import type { AcquisitionIssue, AcquisitionIssueCode } from './acquisition-issue-codes.ts';
import { MAX_KNAPSACK_CELLS, knapsack } from './knapsack.ts';
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
  signalWindow: SignalWindow | null;
  budgetEur: number;
  /** Knapsack resolution actually used (coarser than configured only for very large inputs). */
  unitEur: number;
  selectedCount: number;
  selectedCostEur: number;
  selectedScore: number;
  /** Candidates in rank order (score descending, then vboId). */
  candidates: AcquisitionCandidate[];
  /** Dwellings in the zones that are not candidates, by reason. */
  excluded: { ownership: number; overBudget: number };
  /** Per zone: candidates found. */
  zones: { id: string; name: string; priority: number; candidates: number }[];
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
    const s = scoreCandidate(d, summary, strategic, cfg, useSignals);
    zoneCounts.set(zone.id, zoneCounts.get(zone.id)! + 1);
    list.push({
      vboId: d.vboId,
      pandId: d.pandId,
      buurtcode: d.buurtcode,
      zoneId: zone.id,
      zoneName: zone.name,
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
  list.sort((a, b) => b.score - a.score || a.estimatedCostEur - b.estimatedCostEur || a.vboId.localeCompare(b.vboId));

  // Exact knapsack over the score; costs rounded up to the unit so the selection never exceeds the budget.
  const pool = list.map((c, i) => ({ c, i })).filter(({ c }) => c.score >= cfg.minScore && c.score > 0);
  let unit = cfg.unitEur;
  while (pool.length * (Math.floor(cfg.budgetEur / unit) + 1) > MAX_KNAPSACK_CELLS) unit *= 2;
  const result = knapsack(
    pool.map(({ c }) => ({ cost: Math.ceil(c.estimatedCostEur / unit), value: c.score })),
    Math.floor(cfg.budgetEur / unit),
  );
  const selected = new Set(result.chosen.map((k) => pool[k]!.i));

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
      signalWindow: window,
      budgetEur: cfg.budgetEur,
      unitEur: unit,
      selectedCount: chosen.length,
      selectedCostEur: chosen.reduce((a, c) => a + c.estimatedCostEur, 0),
      selectedScore: Math.round(chosen.reduce((a, c) => a + c.score, 0) * 10) / 10,
      candidates,
      excluded,
      zones: zones.map((z) => ({ id: z.id, name: z.name, priority: z.priority, candidates: zoneCounts.get(z.id)! })),
    },
    warnings,
  );
}
