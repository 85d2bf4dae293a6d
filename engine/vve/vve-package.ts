import { DEFAULT_ECOLOGY, routeTerms, type EcologyParams } from '../retrofit/ecology.ts';
import { MEASURE_IDS, NATURE_RULE_MEASURES, type MeasureId } from '../retrofit/measure-ids.ts';
import { monthlyAnnuity } from './annuity.ts';
import type { VveConfig } from './vve-config.ts';
import type { VveMember } from './vve-members.ts';
import type { DwellingPackage } from './vve-retrofit.ts';

/**
 * The VvE's retrofit package: the members' common-element measures at project price, plus the ecological
 * survey — VvE apartment buildings fall outside pre-SMP and need an individual survey per building
 * (docs/domain.md §2; quick scan or full survey by habitat risk, engine/retrofit/ecology.ts) — financed with the
 * Warmtefonds VvE loan (annuity at the rate and term of the dated rules, docs/domain.md §3) and set against the savings.
 */
export interface VveNature {
  route: 'individual-survey';
  /** False when the package has no measure with nature rules (cavity wall, roof): then no survey is needed. */
  surveyNeeded: boolean;
  /** Per building: the survey its risk calls for. */
  buildings: { pandId: string; riskScore: number; survey: string; surveyCostEur: number; leadTimeDays: number }[];
  surveyCostEur: number;
  /** Days from the decision until works may start (the longest survey and permit). */
  leadTimeDays: number;
}

export interface VvePackage {
  measures: MeasureId[];
  worksCostEur: number;
  surveyCostEur: number;
  totalCostEur: number;
  costPerRightEur: number;
  loanMonthlyPerRightEur: number;
  savingPerRightPerMonthEur: number;
  netPerRightPerMonthEur: number;
  gasSavingM3PerYear: number;
  /** Loan charge of the whole VvE per month, euro; owners pay it by breukdeel. */
  loanMonthlyTotalEur: number;
  nature: VveNature;
}

const pick = (range: readonly [number, number], how: VveConfig['package']['surveyCost']): number =>
  how === 'min' ? range[0] : how === 'max' ? range[1] : (range[0] + range[1]) / 2;

export function vvePackage(
  members: readonly VveMember[],
  packages: ReadonlyMap<string, DwellingPackage>,
  cfg: Pick<VveConfig, 'package'>,
  /** The Warmtefonds loan's rate and term (dated rules, vve-rules.ts). */
  loan: { annualRate: number; termYears: number },
  ecology: EcologyParams = DEFAULT_ECOLOGY,
): VvePackage {
  const used = new Set<MeasureId>();
  let works = 0,
    bill = 0,
    gas = 0;
  const riskByPand = new Map<string, number>();
  for (const m of members) {
    const p = packages.get(m.dwelling.vboId);
    if (!p) throw new Error(`no retrofit figures for member ${m.dwelling.vboId}`);
    p.measures.forEach((id) => used.add(id));
    works += p.costEur;
    bill += p.billSavingEurPerYear;
    gas += p.gasSavingM3PerYear;
    riskByPand.set(m.dwelling.pandId, Math.max(riskByPand.get(m.dwelling.pandId) ?? 0, p.riskScore));
  }
  const surveyNeeded = NATURE_RULE_MEASURES.some((id) => used.has(id));
  const buildings = [...riskByPand]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([pandId, riskScore]) => {
      const t = routeTerms(ecology, 'individual-survey', riskScore);
      return {
        pandId,
        riskScore: round2(riskScore),
        survey: t.survey,
        surveyCostEur: surveyNeeded ? pick(t.surveyCostEur, cfg.package.surveyCost) : 0,
        leadTimeDays: surveyNeeded ? t.leadTimeDays : 0,
      };
    });
  const survey = buildings.reduce((a, b) => a + b.surveyCostEur, 0);
  const rights = members.length;
  const total = works + survey;
  const perRight = rights ? total / rights : 0;
  const monthlyPerRight = monthlyAnnuity(perRight, loan.annualRate, loan.termYears);
  const savingPerRight = rights ? bill / 12 / rights : 0;
  return {
    measures: MEASURE_IDS.filter((id) => used.has(id)),
    worksCostEur: Math.round(works),
    surveyCostEur: Math.round(survey),
    totalCostEur: Math.round(total),
    costPerRightEur: Math.round(perRight),
    loanMonthlyPerRightEur: round2(monthlyPerRight),
    savingPerRightPerMonthEur: round2(savingPerRight),
    netPerRightPerMonthEur: round2(savingPerRight - monthlyPerRight),
    gasSavingM3PerYear: Math.round(gas),
    loanMonthlyTotalEur: monthlyAnnuity(total, loan.annualRate, loan.termYears),
    nature: {
      route: 'individual-survey',
      surveyNeeded,
      buildings,
      surveyCostEur: Math.round(survey),
      leadTimeDays: Math.max(0, ...buildings.map((b) => b.leadTimeDays)),
    },
  };
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}
