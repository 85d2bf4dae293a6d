/**
 * Realised against planned for one quarter, per buurt, per programme area and in total: the steps dwellings reached
 * (invited, accepted, natuurvrij, insulated, declined), money committed and paid per funding source against the plan
 * version in force and the budget, modelled gas and CO₂ saving of the insulated dwellings against the plan's, and the
 * labels of the treated dwellings before and after. Pure: plan, records and settings are passed in.
 *
 * Counting rules (stated once, here):
 * - A step counts in the quarter of its date and cumulatively after it ("ever reached by the end of the quarter").
 *   Reaching a later step implies the earlier ones on that date if they were not recorded before it (statuses kept
 *   by the plan panel have no invitation step); a decline implies the invitation.
 * - Planned figures are expected values: each planned dwelling counts with its acceptance probability (the plan
 *   invites more owners than the budget pays for), on the dates engine/monitor/monitor-plan.ts `plannedDates` gives.
 * - Money: entries count in the order they were recorded; a correction takes the corrected entry out (in the
 *   correction's quarter) and counts itself. "Programme money" is the VHF source: it is what the plan's programme
 *   contribution is budgeted from; co-financing is measured against its own budget line.
 * - Records dated after the quarter are left out (the figures are as of the quarter's last day); records of
 *   dwellings or batches outside the plan count in the total only, each with a warning.
 */
import { ENERGY_LABELS, type EnergyLabel } from '../dwelling.ts';
import { fail, ok, type Result } from '../result.ts';
import type { MonitorIssue, MonitorIssueCode } from './monitor-issue-codes.ts';
import { indexPlan, plannedDates, type MonitorPlan, type PlacedDwelling } from './monitor-plan.ts';
import {
  FUNDING_SOURCES,
  MONEY_KINDS,
  type FundingSource,
  type MoneyEntry,
  type MonitorStatus,
  type StatusEvent,
} from './monitor-records.ts';
import { cofinancingBudgetEur, type ProgrammeSettings } from './programme-settings.ts';
import { QuarterId, quarterBounds, quarterFromOrdinal, quarterOf, quarterOrdinal } from './quarter.ts';

export const STEP_KEYS = ['invited', 'accepted', 'natuurvrij', 'insulated', 'declined'] as const;
export type StepKey = (typeof STEP_KEYS)[number];
/** Dwellings per step (planned: expected dwellings, so fractional). */
export type StepCounts = Record<StepKey, number>;

const STEP_OF: Readonly<Record<MonitorStatus, number>> = {
  uitgenodigd: 0,
  akkoord: 1,
  natuurvrij: 2,
  geïsoleerd: 3,
  afgezien: 4,
};

/** Euro per funding source. */
export type MoneyBySource = Record<FundingSource, number>;
export interface MoneyFigures {
  committedEur: number;
  paidEur: number;
  committedBySource: MoneyBySource;
  paidBySource: MoneyBySource;
}
/** The plan's expected programme (VHF) money: committed on acceptance, paid on insulation. */
export interface PlannedMoney {
  committedEur: number;
  paidEur: number;
}
export interface Saving {
  realised: number;
  planned: number;
}
/** Insulated dwellings by label before and after their package. */
export interface LabelRow {
  label: EnergyLabel;
  before: number;
  after: number;
}

/** One set of figures (total, an area or a buurt) as of the quarter's last day and within the quarter. */
export interface FigureSet {
  /** Dwellings of the plan in force here (all invited ones, whatever their uptake). */
  plannedDwellings: number;
  realised: StepCounts;
  realisedInQuarter: StepCounts;
  planned: StepCounts;
  plannedInQuarter: StepCounts;
  money: MoneyFigures;
  moneyInQuarter: MoneyFigures;
  plannedMoney: PlannedMoney;
  plannedMoneyInQuarter: PlannedMoney;
  /** Modelled m³ gas per year saved by the dwellings insulated so far (planned: expected by then). */
  gasSavingM3PerYear: Saving;
  co2SavingKgPerYear: Saving;
  labels: LabelRow[];
  /**
   * Dwellings behind the plan at the quarter's end: not yet invited though the plan's invitation date has passed;
   * accepted but not natuurvrij past the planned natuurvrij date; natuurvrij but not insulated past the planned
   * insulation date (declined dwellings are never behind).
   */
  overdue: { invitation: number; natuurvrij: number; insulation: number };
}
export interface AreaFigures extends FigureSet {
  /** Programme area; null for buurten outside every area. */
  area: string | null;
}
export interface BuurtFigures extends FigureSet {
  buurtcode: string;
  area: string | null;
}
/** The total, cumulative, at the end of each quarter from the programme start: the lines of the charts. */
export interface QuarterPoint {
  quarter: QuarterId;
  realised: StepCounts;
  planned: StepCounts;
  committedEur: number;
  paidEur: number;
  vhfCommittedEur: number;
  vhfPaidEur: number;
  plannedCommittedEur: number;
  plannedPaidEur: number;
  gasSavingM3PerYear: Saving;
}
export interface BudgetFigures {
  vhfBudgetEur: number;
  cofinancingBudgetEur: number;
  committed: { vhfEur: number; cofinancingEur: number };
  paid: { vhfEur: number; cofinancingEur: number };
  /** Budget not yet committed (negative when over-committed). */
  uncommitted: { vhfEur: number; cofinancingEur: number };
  /** Programme money the plan in force expects in total (all its quarters). */
  plannedProgrammeEur: number;
}
export interface ProgressFigures {
  quarter: QuarterId;
  period: { from: string; until: string };
  programme: { settingsId: string; start: string; end: string };
  plan: { id: number; version: number };
  /** The whole plan in force, all quarters: dwellings, expected insulations and expected programme (VHF) money. */
  plannedTotal: { dwellings: number; insulated: number; programmeEur: number };
  budget: BudgetFigures;
  total: FigureSet;
  byArea: AreaFigures[];
  byBuurt: BuurtFigures[];
  series: QuarterPoint[];
  warnings: MonitorIssue[];
}

export interface ProgressInput {
  quarter: string;
  settings: ProgrammeSettings;
  plan: MonitorPlan;
  statuses: readonly StatusEvent[];
  /** In the order they were recorded (a correction after the entry it corrects). */
  money: readonly MoneyEntry[];
}

// Slots of one cell's flow table: steps realised, steps planned, money per kind × source, planned money, gas.
const R = 0;
const P = 5;
const MONEY = 10; // + kind * 4 + source
const PM_COMMITTED = 18;
const PM_PAID = 19;
const GAS_R = 20;
const GAS_P = 21;
const SLOTS = 22;
const SOURCE_INDEX = new Map(FUNDING_SOURCES.map((s, i) => [s, i]));
const KIND_INDEX = new Map(MONEY_KINDS.map((k, i) => [k, i]));
const LABEL_INDEX = new Map(ENERGY_LABELS.map((l, i) => [l, i]));
/** Warnings listed one by one up to this many per code; the rest are counted in one more warning. */
const MAX_WARNINGS_PER_CODE = 20;

class Cell {
  readonly flows: Float64Array;
  readonly labels = new Int32Array(ENERGY_LABELS.length * 2);
  readonly overdue = new Int32Array(3);
  plannedDwellings = 0;
  constructor(readonly quarters: number) {
    this.flows = new Float64Array(SLOTS * quarters);
  }
  add(slot: number, qi: number, v: number): void {
    this.flows[slot * this.quarters + qi]! += v;
  }
  cumulative(slot: number, upTo = this.quarters - 1): number {
    let s = 0;
    for (let i = slot * this.quarters, end = i + upTo; i <= end; i++) s += this.flows[i]!;
    return s;
  }
  at(slot: number, qi = this.quarters - 1): number {
    return this.flows[slot * this.quarters + qi]!;
  }
}

const cents = (x: number): number => Math.round(x * 100) / 100;

export function computeProgressFigures(input: ProgressInput): Result<ProgressFigures, MonitorIssueCode> {
  const { settings, plan } = input;
  if (!QuarterId.safeParse(input.quarter).success)
    return fail({
      code: 'monitor.quarter.invalid',
      message: `${input.quarter} is not a quarter such as 2027Q1`,
      path: ['quarter'],
    });
  const startQ = quarterOf(settings.start);
  const first = quarterOrdinal(startQ);
  const quarters = quarterOrdinal(input.quarter) - first + 1;
  if (quarters < 1)
    return fail({
      code: 'monitor.quarter.before-start',
      message: `quarter ${input.quarter} is before the programme start (${settings.start})`,
      path: ['quarter'],
    });
  const period = quarterBounds(input.quarter);
  const warnings = new WarningList();
  const index = indexPlan(plan);

  const total = new Cell(quarters);
  const areas = new Map<string, { area: string | null; cell: Cell }>();
  const buurten = new Map<string, { buurtcode: string; area: string | null; cell: Cell }>();
  const cellsOf = (p: { buurtcode: string; area: string | null } | undefined): Cell[] => {
    if (!p) return [total];
    let a = areas.get(p.area ?? '');
    if (!a) areas.set(p.area ?? '', (a = { area: p.area, cell: new Cell(quarters) }));
    let b = buurten.get(p.buurtcode);
    if (!b) buurten.set(p.buurtcode, (b = { buurtcode: p.buurtcode, area: p.area, cell: new Cell(quarters) }));
    return [total, a.cell, b.cell];
  };
  /** Quarter index of a date, or -1 when after the quarter; dates before the start count in the first quarter. */
  const qCache = new Map<string, number>(); // dates repeat (season days): parse each once
  const qIndex = (date: string): number => {
    let qi = qCache.get(date);
    if (qi === undefined) {
      qi = quarterOrdinal(quarterOf(date)) - first;
      qi = qi >= quarters ? -1 : Math.max(0, qi);
      qCache.set(date, qi);
    }
    return qi;
  };

  for (const placed of index.dwellings.values()) addPlanned(placed, cellsOf(placed), qIndex);
  addStatuses(input.statuses, index.dwellings, cellsOf, qIndex, period.until, warnings);
  addMoney(input.money, index, cellsOf, qIndex, period.until, warnings);

  const co2 = settings.co2KgPerM3Gas;
  const vhf = SOURCE_INDEX.get('vhf')!;
  const cof = SOURCE_INDEX.get('cofinanciering')!;
  const committedSlot = (s: number) => MONEY + KIND_INDEX.get('toegezegd')! * 4 + s;
  const paidSlot = (s: number) => MONEY + KIND_INDEX.get('betaald')! * 4 + s;
  const cofBudget = cofinancingBudgetEur(settings);
  const committed = {
    vhfEur: cents(total.cumulative(committedSlot(vhf))),
    cofinancingEur: cents(total.cumulative(committedSlot(cof))),
  };
  let plannedProgrammeEur = 0;
  let plannedInsulated = 0;
  for (const { dwelling: d } of index.dwellings.values()) {
    plannedProgrammeEur += d.programmeContributionEur * (d.acceptProbability ?? 1);
    plannedInsulated += d.acceptProbability ?? 1;
  }
  plannedProgrammeEur = cents(plannedProgrammeEur);

  const series: QuarterPoint[] = [];
  for (let qi = 0; qi < quarters; qi++) {
    series.push({
      quarter: quarterFromOrdinal(first + qi),
      realised: steps(total, R, qi, true),
      planned: steps(total, P, qi, true),
      committedEur: cents(sumSources(total, committedSlot, qi)),
      paidEur: cents(sumSources(total, paidSlot, qi)),
      vhfCommittedEur: cents(total.cumulative(committedSlot(vhf), qi)),
      vhfPaidEur: cents(total.cumulative(paidSlot(vhf), qi)),
      plannedCommittedEur: cents(total.cumulative(PM_COMMITTED, qi)),
      plannedPaidEur: cents(total.cumulative(PM_PAID, qi)),
      gasSavingM3PerYear: {
        realised: round2(total.cumulative(GAS_R, qi)),
        planned: round2(total.cumulative(GAS_P, qi)),
      },
    });
  }

  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  return ok({
    quarter: input.quarter,
    period,
    programme: { settingsId: settings.id, start: settings.start, end: settings.end },
    plan: { id: plan.id, version: plan.version },
    plannedTotal: {
      dwellings: index.dwellings.size,
      insulated: round2(plannedInsulated),
      programmeEur: plannedProgrammeEur,
    },
    budget: {
      vhfBudgetEur: settings.vhfBudgetEur,
      cofinancingBudgetEur: cofBudget,
      committed,
      paid: { vhfEur: cents(total.cumulative(paidSlot(vhf))), cofinancingEur: cents(total.cumulative(paidSlot(cof))) },
      uncommitted: {
        vhfEur: cents(settings.vhfBudgetEur - committed.vhfEur),
        cofinancingEur: cents(cofBudget - committed.cofinancingEur),
      },
      plannedProgrammeEur,
    },
    total: figureSet(total, co2),
    byArea: [...areas.values()]
      .sort((a, b) => cmp(a.area ?? '\uffff', b.area ?? '\uffff'))
      .map((a) => ({ area: a.area, ...figureSet(a.cell, co2) })),
    byBuurt: [...buurten.values()]
      .sort((a, b) => cmp(a.buurtcode, b.buurtcode))
      .map((b) => ({ buurtcode: b.buurtcode, area: b.area, ...figureSet(b.cell, co2) })),
    series,
    warnings: warnings.list(),
  });
}

function addPlanned(placed: PlacedDwelling, cells: Cell[], qIndex: (d: string) => number): void {
  const d = placed.dwelling;
  const p = d.acceptProbability ?? 1;
  const when = plannedDates(d);
  const inv = qIndex(when.invited);
  const nv = qIndex(when.natuurvrij);
  const ins = qIndex(when.insulated);
  for (const c of cells) {
    c.plannedDwellings++;
    if (inv >= 0) {
      c.add(P + 0, inv, 1);
      c.add(P + 1, inv, p);
      c.add(P + 4, inv, 1 - p);
      c.add(PM_COMMITTED, inv, p * d.programmeContributionEur);
    }
    if (nv >= 0) c.add(P + 2, nv, p);
    if (ins >= 0) {
      c.add(P + 3, ins, p);
      c.add(PM_PAID, ins, p * d.programmeContributionEur);
      c.add(GAS_P, ins, p * d.gasSavingM3PerYear);
    }
  }
}

function addStatuses(
  events: readonly StatusEvent[],
  planned: Map<string, PlacedDwelling>,
  cellsOf: (p: PlacedDwelling | undefined) => Cell[],
  qIndex: (d: string) => number,
  until: string,
  warnings: WarningList,
): void {
  // Earliest date per dwelling and step (index STEP_OF), only records up to the quarter's end.
  const reached = new Map<string, (string | null)[]>();
  for (const e of events) {
    if (e.date > until) continue;
    let r = reached.get(e.vboId);
    if (!r) reached.set(e.vboId, (r = [null, null, null, null, null]));
    const i = STEP_OF[e.status];
    if (r[i] === null || e.date < r[i]!) r[i] = e.date;
  }
  for (const [vboId, placed] of planned)
    if (!reached.has(vboId) && plannedDates(placed.dwelling).invited <= until)
      for (const c of cellsOf(placed)) c.overdue[0]! += 1;
  for (const [vboId, r] of reached) {
    // A later step implies the earlier ones by its date; a decline implies the invitation.
    for (let i = 2; i >= 0; i--) r[i] = minDate(r[i] ?? null, r[i + 1] ?? null);
    r[0] = minDate(r[0] ?? null, r[4] ?? null);
    const placed = planned.get(vboId);
    if (!placed)
      warnings.add({
        code: 'monitor.status.outside-plan',
        message: `status records of dwelling ${vboId}, which is not in the plan in force, count in the total only`,
        path: ['statuses', vboId],
      });
    const cells = cellsOf(placed);
    for (let i = 0; i < 5; i++) {
      const date = r[i];
      if (date == null) continue;
      const qi = qIndex(date);
      for (const c of cells) c.add(R + i, qi, 1);
    }
    if (placed && r[4] == null) {
      const due = plannedDates(placed.dwelling);
      const late =
        r[1] != null && r[2] == null && due.natuurvrij <= until
          ? 1
          : r[2] != null && r[3] == null && due.insulated <= until
            ? 2
            : 0;
      if (late) for (const c of cells) c.overdue[late]! += 1;
    }
    if (placed && r[3] != null) {
      const qi = qIndex(r[3]);
      const d = placed.dwelling;
      const before = LABEL_INDEX.get(d.labelBefore)!;
      const after = LABEL_INDEX.get(d.labelAfter)!;
      for (const c of cells) {
        c.add(GAS_R, qi, d.gasSavingM3PerYear);
        c.labels[before * 2]! += 1;
        c.labels[after * 2 + 1]! += 1;
      }
    }
  }
}

function addMoney(
  entries: readonly MoneyEntry[],
  index: ReturnType<typeof indexPlan>,
  cellsOf: (p: { buurtcode: string; area: string | null } | undefined) => Cell[],
  qIndex: (d: string) => number,
  until: string,
  warnings: WarningList,
): void {
  const effective = new Map<string, { slot: number; amount: number; cells: Cell[] }>();
  for (const [i, e] of entries.entries()) {
    if (e.date > until) continue;
    const qi = qIndex(e.date);
    if (e.corrects !== null) {
      const prev = effective.get(e.corrects);
      if (prev) {
        for (const c of prev.cells) c.add(prev.slot, qi, -prev.amount);
        effective.delete(e.corrects);
      } else
        warnings.add({
          code: 'monitor.money.unknown-correction',
          message: `entry ${e.reference} corrects ${e.corrects}, which is not a counted entry up to ${until}; it counts as an entry of its own`,
          path: ['money', i, 'corrects'],
        });
    }
    let place: { buurtcode: string; area: string | null } | undefined;
    if (e.vboId !== null) place = index.dwellings.get(e.vboId);
    else if (e.batchId !== null) {
      const b = index.batches.get(e.batchId);
      place = b && { buurtcode: b.buurtcode, area: b.programmeArea };
    }
    if (!place)
      warnings.add({
        code: 'monitor.money.outside-plan',
        message: `entry ${e.reference} is for ${e.vboId ? `dwelling ${e.vboId}` : `batch ${e.batchId}`}, which is not in the plan in force; it counts in the total only`,
        path: ['money', i],
      });
    const slot = MONEY + KIND_INDEX.get(e.kind)! * 4 + SOURCE_INDEX.get(e.source)!;
    const cells = cellsOf(place);
    for (const c of cells) c.add(slot, qi, e.amountEur);
    effective.set(e.reference, { slot, amount: e.amountEur, cells });
  }
}

function minDate(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return a < b ? a : b;
}

const round2 = (x: number): number => Math.round(x * 100) / 100;

function steps(c: Cell, base: number, qi: number, cumulative: boolean): StepCounts {
  const v = (i: number) => round2(cumulative ? c.cumulative(base + i, qi) : c.at(base + i, qi));
  return { invited: v(0), accepted: v(1), natuurvrij: v(2), insulated: v(3), declined: v(4) };
}

function sumSources(c: Cell, slotOf: (s: number) => number, qi: number, cumulative = true): number {
  let s = 0;
  for (let i = 0; i < FUNDING_SOURCES.length; i++) s += cumulative ? c.cumulative(slotOf(i), qi) : c.at(slotOf(i), qi);
  return s;
}

function money(c: Cell, qi: number, cumulative: boolean): MoneyFigures {
  const bySource = (kind: number): MoneyBySource =>
    Object.fromEntries(
      FUNDING_SOURCES.map((s, i) => {
        const slot = MONEY + kind * 4 + i;
        return [s, cents(cumulative ? c.cumulative(slot, qi) : c.at(slot, qi))];
      }),
    ) as MoneyBySource;
  const committedBySource = bySource(KIND_INDEX.get('toegezegd')!);
  const paidBySource = bySource(KIND_INDEX.get('betaald')!);
  const sum = (m: MoneyBySource) => cents(FUNDING_SOURCES.reduce((s, k) => s + m[k], 0));
  return { committedEur: sum(committedBySource), paidEur: sum(paidBySource), committedBySource, paidBySource };
}

function figureSet(c: Cell, co2: number): FigureSet {
  const last = c.quarters - 1;
  const gasR = c.cumulative(GAS_R);
  const gasP = c.cumulative(GAS_P);
  return {
    plannedDwellings: c.plannedDwellings,
    realised: steps(c, R, last, true),
    realisedInQuarter: steps(c, R, last, false),
    planned: steps(c, P, last, true),
    plannedInQuarter: steps(c, P, last, false),
    money: money(c, last, true),
    moneyInQuarter: money(c, last, false),
    plannedMoney: { committedEur: cents(c.cumulative(PM_COMMITTED)), paidEur: cents(c.cumulative(PM_PAID)) },
    plannedMoneyInQuarter: { committedEur: cents(c.at(PM_COMMITTED)), paidEur: cents(c.at(PM_PAID)) },
    gasSavingM3PerYear: { realised: round2(gasR), planned: round2(gasP) },
    co2SavingKgPerYear: { realised: round2(gasR * co2), planned: round2(gasP * co2) },
    labels: ENERGY_LABELS.map((label, i) => ({ label, before: c.labels[i * 2]!, after: c.labels[i * 2 + 1]! })),
    overdue: { invitation: c.overdue[0]!, natuurvrij: c.overdue[1]!, insulation: c.overdue[2]! },
  };
}

/** Warnings per code, each record named up to MAX_WARNINGS_PER_CODE, then one count of the rest. */
class WarningList {
  private readonly byCode = new Map<MonitorIssueCode, { shown: MonitorIssue[]; more: number }>();
  add(w: MonitorIssue): void {
    let e = this.byCode.get(w.code);
    if (!e) this.byCode.set(w.code, (e = { shown: [], more: 0 }));
    if (e.shown.length < MAX_WARNINGS_PER_CODE) e.shown.push(w);
    else e.more++;
  }
  list(): MonitorIssue[] {
    return [...this.byCode].flatMap(([code, e]) =>
      e.more ? [...e.shown, { code, message: `and ${e.more} more records with the same problem` }] : e.shown,
    );
  }
}
