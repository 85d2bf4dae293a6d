import { ENERGY_LABELS, type Dwelling, type EnergyLabel, type Vve } from '../dwelling.ts';
import type { Dataset } from '../dataset.ts';
import { buurtParameterSummaries, type BuurtParameterSummary } from '../buurt-parameters/buurt-summary.ts';
import { resolveBuurtParameters, type BuurtParameterSet } from '../buurt-parameters/resolve.ts';
import { ok, type Result } from '../result.ts';
import type { VveIssue, VveIssueCode } from './vve-issue-codes.ts';
import { DEFAULT_PARAMS, type RetrofitParams } from '../retrofit/params.ts';
import { createRng } from '../rng.ts';
import { assessActivity, type Assumption, type VveActivity } from './vve-activity.ts';
import { parseVveConfig, type VveConfig } from './vve-config.ts';
import { decisionProbability, ownerSupport, unanimityProbability, type Owner } from './vve-decision.ts';
import { MAINTENANCE_ELEMENTS, maintenanceDue, type MaintenanceDue } from './vve-maintenance.ts';
import { decisionRule, resolveMembers, type VveMember } from './vve-members.ts';
import { vvePackage, type VvePackage } from './vve-package.ts';
import { vveRules, type VveRules } from './vve-rules.ts';
import { warmtefonds, type Warmtefonds } from './vve-warmtefonds.ts';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';
import type { RuleVersion } from '../rules/pick-rule.ts';
import type { LoadedRule } from '../rules/rule-schema.ts';
import { reason, type VveReason } from './vve-reasons.ts';
import { vvePackages, type DwellingPackage } from './vve-retrofit.ts';
import { vveScore, type ScoreComponents } from './vve-score.ts';

/**
 * The VvE pilot ranking: every VvE of the dataset assessed (rights, votes, activity, labels, maintenance,
 * package and loan, decision feasibility, nature route), scored and ranked, with a shortlist. A VvE whose
 * data does not add up is reported with its coded issues and left out of the ranking; the rest is ranked.
 */
export interface VveDecision {
  majority: number;
  quorum: number;
  /** Where the majority and quorum come from. */
  ruleSource: 'override' | 'register' | 'default';
  corporationVote: VveConfig['decision']['corporationVote'];
  ownerAttendance: number;
  method: 'exact' | 'monte-carlo';
  standardError: number | null;
  /** Mean P(for) of the private owners under the support model. */
  meanOwnerSupport: number | null;
  /** The second meeting without quorum (model regulations) and its majority of the votes cast; null when not allowed. */
  secondMeetingMajority: number | null;
  /** P(the first meeting has its quorum and majority). */
  firstMeetingProbability: number;
  /** P(the first meeting misses its quorum). */
  quorumMissedProbability: number;
  /** P(a second meeting, once held, carries the decision). */
  secondMeetingProbability: number;
  /** Small VvE only: P(every member signs the Warmtefonds consent statement); null otherwise. */
  unanimityProbability: number | null;
}

export interface VveAssessment {
  rank: number;
  shortlisted: boolean;
  vveId: string;
  name: string;
  kvkNumber: string | null;
  buurtcodes: string[];
  /** The buurt parameters of its buurten (engine/buurt-parameters, the set retrofit and housing read too). */
  buurtParameters: BuurtParameterSummary[];
  pandIds: string[];
  provenance: Vve['provenance'];
  /** Dwellings = apartment rights (one right per member dwelling). */
  units: number;
  totalVotes: number;
  corporationVotes: number;
  corporationVoteShare: number;
  corporationUnits: number;
  ownerOccupiers: number;
  ownerOccupierShare: number;
  active: boolean;
  activity: VveActivity;
  /** Dwellings per energy label, labels in NTA 8800 order, only those present. */
  labels: Partial<Record<EnergyLabel, number>>;
  poorLabelShare: number;
  maintenanceDue: MaintenanceDue;
  package: VvePackage;
  eligibleWarmtefonds: boolean;
  warmtefonds: Warmtefonds;
  costPerRightEur: number;
  decision: VveDecision;
  /** P(qualified majority), the second meeting without quorum included. */
  qualifiedMajorityProbability: number;
  /** What the shortlist threshold reads: unanimity for a small VvE, else the qualified majority. */
  decisionProbability: number;
  /** Why a VvE is not on the shortlist although its score would place it there (Dutch, with the figures); else null. */
  shortlistNote: string | null;
  corporationControlled: boolean;
  score: number;
  /** Score component per criterion, 0–1 before weighting (named so as not to collide with the acquisition signal components). */
  scoreParts: ScoreComponents;
  reasons: VveReason[];
  assumptions: Assumption[];
  /** Centre of the VvE's dwellings (WGS84), for lists and labels. */
  location: [number, number];
}

export interface VveRejected {
  vveId: string;
  name: string;
  units: number;
  issues: VveIssue[];
}

export interface VveRanking {
  asOf: string;
  /** Day the policy rules were picked for (the run's date). */
  rulesDate: string;
  /** Versions of the policy rules used (config/rules). */
  rulesUsed: RuleVersion[];
  /** The rule values themselves, for the stated assumptions. */
  terms: VveRules;
  vves: VveAssessment[];
  rejected: VveRejected[];
  shortlist: string[];
}

const POOR_LABELS: readonly EnergyLabel[] = ['D', 'E', 'F', 'G'];
const round = (x: number, d: number): number => Math.round(x * 10 ** d) / 10 ** d;
/** A share as Dutch percentage, written as nl-NL writes it ("42,1%", as the map's formatShare). */
const pctNl = (x: number): string => `${(Math.round(x * 1000) / 10).toLocaleString('nl-NL')}%`;

/**
 * What the ranking reads of a dataset: plain, structured-cloneable data, so an engine worker can be given just
 * this (no signals, no imported registers) and rank in its own thread (workers/engine-api.ts vveLoad).
 */
export type VveInput = Pick<Dataset, 'meta' | 'buurten' | 'buildings' | 'dwellings' | 'vves' | 'energyPoverty'>;

/** The VvE ranking input of a dataset (drops the parts the ranking never reads). */
export function vveInput(ds: VveInput): VveInput {
  return {
    meta: ds.meta,
    buurten: ds.buurten,
    buildings: ds.buildings,
    dwellings: ds.dwellings,
    vves: ds.vves,
    ...(ds.energyPoverty ? { energyPoverty: ds.energyPoverty } : {}),
  };
}

export interface RankOptions {
  /** Reference date for ALV and MJOP ages (YYYY-MM-DD); the dataset's data date by default. */
  asOf?: string;
  config: VveConfig;
  params?: RetrofitParams;
  /** Policy rules (config/rules); the shipped ones by default. */
  rules?: readonly LoadedRule[];
  /** Day the rules are picked for: the run's date (YYYY-MM-DD); `asOf` by default. */
  rulesDate?: string;
}

export function rankVves(ds: VveInput, opts: RankOptions): Result<VveRanking, VveIssueCode> {
  const cfg = opts.config;
  const checked = parseVveConfig(cfg);
  if (!checked.ok) return checked;
  const asOf = opts.asOf ?? ds.meta.dataDate;
  const rulesDate = opts.rulesDate ?? asOf;
  const picked = vveRules(opts.rules ?? SHIPPED_RULES, rulesDate, cfg.warmtefonds.termYears);
  if (!picked.ok) return picked;
  const rules = picked.value;
  const warnings: VveIssue[] = Object.keys(cfg.overrides)
    .filter((id) => !ds.vves.some((v) => v.vveId === id))
    .map((id) => ({
      code: 'vve.config.override-unknown',
      path: ['overrides', id],
      message: `overrides.${id}: no VvE with this id in the dataset; override ignored`,
    }));
  const dwellingById = new Map(ds.dwellings.map((d) => [d.vboId, d]));
  const claimed = new Map<string, string[]>();
  for (const d of ds.dwellings)
    if (d.vveId !== null) (claimed.get(d.vveId) ?? claimed.set(d.vveId, []).get(d.vveId)!).push(d.vboId);
  const packages = vvePackages(ds, cfg.package.measures, opts.params ?? DEFAULT_PARAMS);
  const buurtParameters = resolveBuurtParameters(
    ds.dwellings.map((d) => d.buurtcode),
    ds,
  );

  const ranked: Omit<VveAssessment, 'rank' | 'shortlisted'>[] = [];
  const rejected: VveRejected[] = [];
  for (const vve of [...ds.vves].sort((a, b) => a.vveId.localeCompare(b.vveId))) {
    const members = resolveMembers(vve, dwellingById, claimed.get(vve.vveId) ?? []);
    const rule = decisionRule(vve, cfg.overrides[vve.vveId], rules.decision);
    const issues = [...(members.ok ? [] : members.issues), ...(rule.ok ? [] : rule.issues)];
    if (!members.ok || !rule.ok) {
      rejected.push({ vveId: vve.vveId, name: vve.name, units: vve.members.length, issues });
      continue;
    }
    ranked.push(assess(vve, members.members, rule, packages, asOf, cfg, rules, buurtParameters));
  }
  ranked.sort(
    (a, b) => b.score - a.score || b.decisionProbability - a.decisionProbability || a.vveId.localeCompare(b.vveId),
  );
  let room = cfg.shortlistSize;
  const min = cfg.shortlistMinDecisionProbability;
  const vves = ranked.map((v, i) => {
    const eligible = room > 0 && !(cfg.shortlistExcludesCorporationControlled && v.corporationControlled);
    const shortlisted = eligible && v.decisionProbability >= min;
    if (shortlisted) room--;
    if (eligible && !shortlisted)
      return {
        rank: i + 1,
        shortlisted,
        ...v,
        shortlistNote: `Kans op een besluit ${pctNl(v.decisionProbability)} ligt onder de drempel van ${pctNl(min)} voor de shortlist`,
        reasons: [...v.reasons, reason('shortlist.onder-drempel')],
      };
    return { rank: i + 1, shortlisted, ...v };
  });
  return ok(
    {
      asOf,
      rulesDate,
      rulesUsed: rules.versions,
      terms: rules,
      vves,
      rejected,
      shortlist: vves.filter((v) => v.shortlisted).map((v) => v.vveId),
    },
    warnings,
  );
}

function assess(
  vve: Vve,
  members: VveMember[],
  rule: { majority: number; quorum: number; source: VveDecision['ruleSource'] },
  packages: ReadonlyMap<string, DwellingPackage>,
  asOf: string,
  cfg: VveConfig,
  rules: VveRules,
  buurtParameters: BuurtParameterSet,
): Omit<VveAssessment, 'rank' | 'shortlisted'> {
  const units = members.length;
  const dwellings = members.map((m) => m.dwelling);
  const totalVotes = members.reduce((a, m) => a + m.votes, 0);
  const corp = members.filter((m) => m.dwelling.ownership === 'corporatie');
  const corporationVotes = corp.reduce((a, m) => a + m.votes, 0);
  const corporationVoteShare = corporationVotes / totalVotes;
  const ownerOccupiers = dwellings.filter((d) => d.ownership === 'eigenaar-bewoner').length;
  const activity = assessActivity(
    vve,
    dwellings.reduce((a, d) => a + d.oppervlakte, 0),
    asOf,
    cfg.activity,
  );
  const labels: Partial<Record<EnergyLabel, number>> = {};
  for (const l of ENERGY_LABELS) {
    const n = dwellings.filter((d) => d.energyLabel.label === l).length;
    if (n) labels[l] = n;
  }
  const poorLabelShare = dwellings.filter((d) => POOR_LABELS.includes(d.energyLabel.label)).length / units;
  const due = maintenanceDue(dwellings, Number(asOf.slice(0, 4)), cfg.maintenance);
  const pkg = vvePackage(members, packages, cfg, rules.warmtefonds);
  const loan = warmtefonds(
    {
      units,
      totalCostEur: pkg.totalCostEur,
      costPerRightEur: pkg.costPerRightEur,
      mjopYear: activity.mjopYear,
      mjopCurrent: activity.mjopCurrent,
      mjopHorizonYears: cfg.activity.mjopHorizonYears,
      asOfYear: Number(asOf.slice(0, 4)),
    },
    rules.warmtefonds,
  );

  // Owners pay the loan by breukdeel; an owner-occupier counts the whole saving, a landlord only his configured share.
  const owners: Owner[] = members
    .filter((m) => m.dwelling.ownership !== 'corporatie')
    .map((m) => {
      const cost = (pkg.loanMonthlyTotalEur * m.votes) / totalVotes;
      const own =
        (packages.get(m.dwelling.vboId)!.billSavingEurPerYear / 12) *
        (m.dwelling.ownership === 'eigenaar-bewoner' ? 1 : cfg.decision.landlordSavingShare);
      return {
        votes: m.votes,
        attend: cfg.decision.ownerAttendance,
        support: ownerSupport(own - cost, cost, cfg.decision.support),
      };
    });
  const corporation = { votes: corporationVotes, vote: cfg.decision.corporationVote };
  const second = rules.decision.secondMeeting;
  const outcome = decisionProbability(
    {
      owners,
      corporation,
      majority: rule.majority,
      quorum: rule.quorum,
      secondMeeting: second.allowed ? { majority: second.majority } : null,
    },
    {
      exactMaxVotes: cfg.decision.exactMaxVotes,
      draws: cfg.decision.monteCarloDraws,
      rng: createRng(cfg.decision.seed).fork(vve.vveId),
    },
  );
  const probability = round(outcome.probability, 4);
  const unanimity =
    loan.path === 'small-all-sign'
      ? round(unanimityProbability(owners, corporation, cfg.decision.signFactor), 4)
      : null;
  const decided = unanimity ?? probability;
  const corporationControlled = corporationVoteShare > 0.5;
  const dueCount = MAINTENANCE_ELEMENTS.filter((e) => due[e].due).length;
  const s = vveScore(
    {
      units,
      minDwellings: rules.warmtefonds.largeMinDwellings,
      eligibleWarmtefonds: loan.eligible,
      warmtefondsFailing: loan.failing,
      warmtefondsPath: loan.path,
      preconditionsToArrange: loan.preconditions.filter((p) => p.met !== true).map((p) => p.id),
      quorumMissedProbability: outcome.quorumMissed,
      active: activity.active,
      corporationVoteShare,
      ownerOccupierShare: ownerOccupiers / units,
      poorLabelShare,
      maintenanceDueCount: dueCount,
      decisionProbability: decided,
      netPerRightPerMonthEur: pkg.netPerRightPerMonthEur,
      surveyNeeded: pkg.nature.surveyNeeded,
      assumed: activity.assumptions.length > 0,
    },
    cfg.score,
  );
  const buurtcodes = [...new Set(dwellings.map((d) => d.buurtcode))].sort();
  const lon = dwellings.reduce((a, d) => a + d.location[0], 0) / units,
    lat = dwellings.reduce((a, d) => a + d.location[1], 0) / units;
  return {
    vveId: vve.vveId,
    name: vve.name,
    kvkNumber: vve.kvkNumber,
    buurtcodes,
    buurtParameters: buurtParameterSummaries(buurtParameters, buurtcodes),
    pandIds: [...new Set(dwellings.map((d: Dwelling) => d.pandId))].sort(),
    provenance: vve.provenance,
    units,
    totalVotes: round(totalVotes, 4),
    corporationVotes: round(corporationVotes, 4),
    corporationVoteShare: round(corporationVoteShare, 4),
    corporationUnits: corp.length,
    ownerOccupiers,
    ownerOccupierShare: round(ownerOccupiers / units, 4),
    active: activity.active,
    activity,
    labels,
    poorLabelShare: round(poorLabelShare, 4),
    maintenanceDue: roundDue(due),
    package: pkg,
    eligibleWarmtefonds: loan.eligible,
    warmtefonds: loan,
    costPerRightEur: pkg.costPerRightEur,
    decision: {
      majority: round(rule.majority, 4),
      quorum: round(rule.quorum, 4),
      ruleSource: rule.source,
      corporationVote: cfg.decision.corporationVote,
      ownerAttendance: cfg.decision.ownerAttendance,
      method: outcome.method,
      standardError: outcome.standardError === null ? null : round(outcome.standardError, 5),
      meanOwnerSupport: owners.length ? round(owners.reduce((a, o) => a + o.support, 0) / owners.length, 4) : null,
      secondMeetingMajority: second.allowed ? round(second.majority, 4) : null,
      firstMeetingProbability: round(outcome.firstMeeting, 4),
      quorumMissedProbability: round(outcome.quorumMissed, 4),
      secondMeetingProbability: round(outcome.secondMeeting, 4),
      unanimityProbability: unanimity,
    },
    qualifiedMajorityProbability: probability,
    decisionProbability: decided,
    shortlistNote: null,
    corporationControlled,
    score: s.score,
    scoreParts: roundComponents(s.components),
    reasons: s.reasons,
    assumptions: activity.assumptions,
    location: [round(lon, 6), round(lat, 6)],
  };
}

function roundDue(m: MaintenanceDue): MaintenanceDue {
  const out = {} as MaintenanceDue;
  for (const e of MAINTENANCE_ELEMENTS)
    out[e] = { due: m[e].due, share: round(m[e].share, 4), assumedShare: round(m[e].assumedShare, 4) };
  return out;
}

function roundComponents(c: ScoreComponents): ScoreComponents {
  return Object.fromEntries(Object.entries(c).map(([k, v]) => [k, round(v, 4)])) as ScoreComponents;
}
