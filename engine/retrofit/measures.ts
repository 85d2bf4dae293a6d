/**
 * The measures of one scored dwelling as users read them: for each of cavity-wall, roof, floor, glazing
 * (HR++) and hybrid-heat-pump either cost, gas and bill saving, CO₂, label after and simple payback — or
 * the reason it does not apply. Bills and CO₂ follow from the saving at the configured prices; the hybrid
 * heat pump's electricity is subtracted.
 */
import { ENERGY_LABELS, type EnergyLabel } from '../dwelling.ts';
import {
  HYBRID,
  MEASURE_COUNT,
  MEASURE_IDS,
  MEASURE_REASON_NL,
  MEASURE_REASONS,
  type MeasureId,
  type MeasureReason,
} from './measure-ids.ts';
import type { ScoreColumns } from './score-table.ts';
import type { ScoreTables } from './score-tables.ts';

export interface MeasureResult {
  id: MeasureId;
  costEur: number;
  gasSavingM3PerYear: number;
  billSavingEurPerYear: number;
  co2SavingKgPerYear: number;
  labelAfter: EnergyLabel;
  /** Cost / bill saving in years; null when the bill does not go down. */
  paybackYears: number | null;
  /** Electricity the measure adds, kWh/yr (hybrid heat pump only). */
  electricityKwhPerYear?: number;
}

export interface MeasureNotApplicable {
  id: MeasureId;
  reason: Exclude<MeasureReason, 'applies'>;
  /** Dutch explanation. */
  message: string;
}

export interface PackageResult {
  /** All applicable measures: insulation first, then the hybrid heat pump on the remaining demand. */
  measures: MeasureId[];
  costEur: number;
  gasSavingM3PerYear: number;
  billSavingEurPerYear: number;
  co2SavingKgPerYear: number;
  electricityKwhPerYear: number;
  labelAfter: EnergyLabel;
  paybackYears: number | null;
}

const r0 = (x: number): number => Math.round(x);
const r1 = (x: number): number => Math.round(x * 10) / 10;
const payback = (cost: number, bill: number): number | null => (bill > 0 ? r1(cost / bill) : null);

/** Ids of the measures that apply to dwelling i (bits of `applicable`). */
export function applicableIds(o: ScoreColumns, i: number): MeasureId[] {
  const bits = o.applicable[i]!;
  return MEASURE_IDS.filter((_, m) => (bits >> m) & 1);
}

/** Every measure of dwelling i, or why not; needs full-mode scores (allocScores with measures). */
export function measuresOf(
  o: ScoreColumns,
  T: ScoreTables,
  i: number,
): { measures: MeasureResult[]; notApplicable: MeasureNotApplicable[] } {
  const measures: MeasureResult[] = [];
  const notApplicable: MeasureNotApplicable[] = [];
  for (let m = 0; m < MEASURE_COUNT; m++) {
    const k = i * MEASURE_COUNT + m;
    const reason = MEASURE_REASONS[o.measureReason[k]!]!;
    const id = MEASURE_IDS[m]!;
    if (reason !== 'applies') {
      notApplicable.push({ id, reason, message: MEASURE_REASON_NL[reason] });
      continue;
    }
    const sav = o.measureSavingM3[k]!,
      cost = o.measureCostEur[k]!;
    const kwh = m === HYBRID ? sav * T.hybridKwhPerM3 : 0;
    const bill = sav * T.gasPrice - kwh * T.electricityPrice;
    measures.push({
      id,
      costEur: r0(cost),
      gasSavingM3PerYear: r0(sav),
      billSavingEurPerYear: r0(bill),
      co2SavingKgPerYear: r0(sav * T.co2PerM3 - kwh * T.co2PerKwh),
      labelAfter: ENERGY_LABELS[o.measureLabelAfter[k]!]!,
      paybackYears: payback(cost, bill),
      ...(m === HYBRID ? { electricityKwhPerYear: r0(kwh) } : {}),
    });
  }
  return { measures, notApplicable };
}

export function packageOf(o: ScoreColumns, T: ScoreTables, i: number): PackageResult {
  const ids = applicableIds(o, i);
  const sav = o.packageSavingM3[i]!,
    kwh = o.packageHybridM3[i]! * T.hybridKwhPerM3,
    cost = o.packageCostEur[i]!,
    bill = o.packageBillEur[i]!;
  return {
    measures: ids,
    costEur: r0(cost),
    gasSavingM3PerYear: r0(sav),
    billSavingEurPerYear: r0(bill),
    co2SavingKgPerYear: r0(sav * T.co2PerM3 - kwh * T.co2PerKwh),
    electricityKwhPerYear: r0(kwh),
    labelAfter: ENERGY_LABELS[o.packageLabelAfter[i]!]!,
    paybackYears: payback(cost, bill),
  };
}
