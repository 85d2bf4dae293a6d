/**
 * The retrofit part of the dwelling popup, as formatted Dutch text: every applicable measure with its cost
 * and savings, why the others do not apply, the package, how each factor adds to the priority, and the
 * nature-inclusive route with the earliest exclusion and insulation dates.
 */
import { MEASURE_NL, type MeasureId } from '../../../engine/retrofit/measure-ids.ts';
import { ROUTE_NL } from '../../../engine/retrofit/report-nl.ts';
import type { DwellingDetail } from '../../../engine/retrofit/scores-json.ts';
import { FACTOR_IDS, type FactorId } from '../../../engine/retrofit/weights.ts';
import { formatCount, formatDate } from '../format.ts';
import { factorLabel, factorShares, type FactorWeights } from './weights-model.ts';

const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const formatEuro = (x: number): string => euro.format(x);
export const formatPoints = (x: number): string => oneDecimal.format(x);
/** Simple payback in years, e.g. "6,6 jaar"; null (the bill does not go down) is "niet terug te verdienen". */
export const formatPayback = (years: number | null): string =>
  years === null ? 'niet terug te verdienen' : `${oneDecimal.format(years)} jaar`;
/** Payback for the measures table, whose header says "jaar": "6,6", or "nooit". */
/** What the popup says about the buurt's low-income share, by its source (engine/buurt-parameters); CBS needs no note. */
const INCOME_NOTE: Readonly<Record<DwellingDetail['lowIncomeShareSource'], string | null>> = {
  cbs: null,
  config: 'Aandeel lage inkomens in de buurt: aanname uit de buurtparameters (geen CBS-cijfer)',
  fallback: 'Aandeel lage inkomens in de buurt: terugvalwaarde uit de buurtparameters (buurt niet bekend)',
  input: 'Aandeel lage inkomens in de buurt: opgegeven waarde',
};

const paybackCell = (years: number | null): string => (years === null ? 'nooit' : oneDecimal.format(years));

/** Dutch measure name with a capital, e.g. "Spouwmuurisolatie". */
export function measureName(id: MeasureId): string {
  const s = MEASURE_NL[id];
  return s.charAt(0).toUpperCase() + s.slice(1);
}

export interface MeasureRow {
  id: MeasureId;
  name: string;
  cost: string;
  gas: string;
  bill: string;
  co2: string;
  labelAfter: string;
  /** Years, without the unit (the column header has it). */
  payback: string;
}

export interface FactorBar {
  factor: FactorId;
  label: string;
  /** Points this factor adds (they sum to the priority). */
  points: number;
  /** Most points the factor can add under the current weights (its share × 100). */
  maxPoints: number;
  text: string;
}

export interface RetrofitPopupModel {
  priority: string;
  bars: FactorBar[];
  /** Set when the buurt's low-income share is the weights file's default, not a CBS figure. */
  incomeNote: string | null;
  measures: MeasureRow[];
  notApplicable: { id: MeasureId; name: string; reason: string }[];
  packageLine: string;
  /** Gross cost, subsidy and the owner's net cost of the package on the planning date. */
  costLine: string;
  ecology: { label: string; value: string }[];
}

/** The popup section for a dwelling's detail, computed under `factors` and counted from `planningDate`. */
export function retrofitPopupModel(
  d: DwellingDetail,
  factors: FactorWeights,
  planningDate: string,
): RetrofitPopupModel {
  const shares = factorShares(factors);
  const e = d.ecology;
  const p = d.package;
  const survey =
    e.survey.costEur[1] > 0
      ? `${e.survey.kind} (${formatEuro(e.survey.costEur[0])}–${formatEuro(e.survey.costEur[1])}, ${formatCount(e.survey.leadTimeDays)} dagen)`
      : e.survey.kind;
  return {
    priority: formatPoints(d.priority),
    bars: FACTOR_IDS.map((f) => ({
      factor: f,
      label: factorLabel(f),
      points: d.breakdown[f],
      maxPoints: shares[f] * 100,
      text: `${formatPoints(d.breakdown[f])} van ${formatPoints(shares[f] * 100)}`,
    })),
    incomeNote: INCOME_NOTE[d.lowIncomeShareSource],
    measures: d.measureDetails.map((m) => ({
      id: m.id,
      name: measureName(m.id),
      cost: formatEuro(m.costEur),
      gas: formatCount(m.gasSavingM3PerYear),
      bill: formatEuro(m.billSavingEurPerYear),
      co2: formatCount(m.co2SavingKgPerYear),
      labelAfter: m.labelAfter,
      payback: paybackCell(m.paybackYears),
    })),
    notApplicable: d.notApplicable.map((n) => ({ id: n.id, name: measureName(n.id), reason: n.message })),
    packageLine:
      p.measures.length === 0
        ? `Geen maatregel van toepassing; label blijft ${d.labelBefore}`
        : `Alle maatregelen samen: ${formatEuro(p.costEur)}, ${formatCount(p.gasSavingM3PerYear)} m³ gas/jr, ${formatEuro(p.billSavingEurPerYear)}/jr, ` +
          `${formatCount(p.co2SavingKgPerYear)} kg CO₂/jr, label ${d.labelBefore} → ${p.labelAfter}, terugverdientijd ${formatPayback(p.paybackYears)}`,
    costLine: costLine(d, planningDate),
    ecology: [
      { label: 'Route', value: ROUTE_NL[e.route] },
      { label: 'Ecologisch risico', value: twoDecimals.format(e.riskScore) },
      { label: 'Onderzoek', value: survey },
      {
        label: 'Natuurvrij maken vanaf',
        value:
          e.earliestExclusion === null ? 'niet nodig (geen spouw- of dakisolatie)' : formatDate(e.earliestExclusion),
      },
      { label: 'Isoleren vanaf', value: formatDate(e.earliestInsulation) },
      {
        label: 'Gerekend vanaf',
        value: `${formatDate(planningDate)} (natuurkalender ${e.calendar.id}${e.calendar.validOnPlanningDate ? '' : ', niet geldig op die datum'})`,
      },
    ],
  };
}

/** "Bruto € 12.000 − subsidie € 2.500 = netto € 9.500 voor de eigenaar (subsidies op 1 maart 2026)", or why net is unknown. */
export function costLine(d: Pick<DwellingDetail, 'measures'>, planningDate: string): string {
  const m = d.measures;
  if (m.applicable.length === 0) return 'Geen kosten: geen maatregel van toepassing';
  if (m.netCostEur === null || m.subsidyEur === null)
    return `Bruto ${formatEuro(m.costEur)}; netto onbekend: geen subsidieregels voor ${formatDate(planningDate)}`;
  return `Bruto ${formatEuro(m.costEur)} − subsidie ${formatEuro(m.subsidyEur)} = netto ${formatEuro(m.netCostEur)} voor de eigenaar (subsidies op ${formatDate(planningDate)})`;
}

/** Today in the Netherlands as YYYY-MM-DD: the planning date of the popup's natuurkalender dates. */
export function todayInNl(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
