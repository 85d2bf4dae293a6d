/**
 * Owner uptake: the probability that an invited owner accepts, from a logistic model of the own contribution, the
 * bill saving, the label and the income band (config/plan-uptake/*.json; parameters with their basis, mostly marked
 * assumptions), updated per CBS buurt from the accepted and declined statuses of earlier plans. The planner invites
 * so that the EXPECTED spend meets the budget, and reports p10–p90 bands of dwellings, spend and gas saving from a
 * seeded simulation of the owners' answers.
 */
import { z } from 'zod';
import { ENERGY_LABELS, WOZ_BANDS, type EnergyLabel, type WozBand } from '../dwelling.ts';
import { createRng } from '../rng.ts';
import uptakeDefault from '../../config/plan-uptake/default.json' with { type: 'json' };

const Param = z.strictObject({ value: z.number().finite(), basis: z.string().min(1) });
const table = <K extends string>(keys: readonly K[]) =>
  z.strictObject({ basis: z.string().min(1), values: z.record(z.enum(keys as [K, ...K[]]), z.number().finite()) });

export const uptakeParamsSchema = z.strictObject({
  id: z.string().min(1),
  validFrom: z.string(),
  source: z.string().min(1),
  intercept: Param,
  ownContributionPer1000Eur: Param,
  billSavingPer100EurYear: Param,
  gasPriceEurPerM3: Param,
  label: table(ENERGY_LABELS),
  incomeBand: table(WOZ_BANDS),
  bounds: z.strictObject({ min: z.number().gt(0).lt(1), max: z.number().gt(0).max(1) }),
  feedback: z.strictObject({ priorStrength: z.number().positive(), basis: z.string().min(1) }),
});
export type UptakeParams = z.infer<typeof uptakeParamsSchema>;

export const DEFAULT_UPTAKE: UptakeParams = uptakeParamsSchema.parse(uptakeDefault);

/** What an owner sees of the offer. */
export interface Offer {
  ownContributionEur: number;
  gasSavingM3PerYear: number;
  label: EnergyLabel;
  incomeBand: WozBand;
}

/** Acceptance probability of one invited owner (before the buurt's feedback). */
export function acceptProbability(p: UptakeParams, o: Offer): number {
  const x =
    p.intercept.value +
    p.ownContributionPer1000Eur.value * (o.ownContributionEur / 1000) +
    p.billSavingPer100EurYear.value * ((o.gasSavingM3PerYear * p.gasPriceEurPerM3.value) / 100) +
    (p.label.values[o.label] ?? 0) +
    (p.incomeBand.values[o.incomeBand] ?? 0);
  return Math.min(p.bounds.max, Math.max(p.bounds.min, 1 / (1 + Math.exp(-x))));
}

/** Answers seen so far in one buurt (from plan statuses: accepted = work started, declined = afgezien). */
export interface ObservedUptake {
  buurtcode: string;
  accepted: number;
  declined: number;
}

/**
 * The factor a buurt's probabilities are scaled by after what happened: the observed acceptance rate shrunk to the
 * model's mean by `priorStrength` invitations' weight, relative to that mean (1 without observations).
 */
export function buurtFactor(p: UptakeParams, modelMean: number, seen: ObservedUptake | undefined): number {
  if (!seen || seen.accepted + seen.declined === 0 || !(modelMean > 0)) return 1;
  const k = p.feedback.priorStrength;
  return (seen.accepted + k * modelMean) / (seen.accepted + seen.declined + k) / modelMean;
}

export interface UptakeBand {
  expected: number;
  p10: number;
  p90: number;
}

/**
 * Expected value and p10–p90 of the sums of `values` (one row per invited dwelling and quantity) when each dwelling
 * accepts with its probability: `draws` seeded simulations, so the same plan and seed give the same bands.
 */
export function uptakeBands(
  probabilities: readonly number[],
  values: readonly (readonly number[])[],
  seed: number,
  draws = 1000,
): UptakeBand[] {
  const q = values[0]?.length ?? 0;
  const expected = new Array<number>(q).fill(0);
  probabilities.forEach((pr, i) => {
    for (let k = 0; k < q; k++) expected[k]! += pr * values[i]![k]!;
  });
  const rng = createRng(seed);
  const sums: number[][] = Array.from({ length: q }, () => []);
  for (let d = 0; d < draws; d++) {
    const s = new Array<number>(q).fill(0);
    probabilities.forEach((pr, i) => {
      if (rng.next() < pr) for (let k = 0; k < q; k++) s[k]! += values[i]![k]!;
    });
    for (let k = 0; k < q; k++) sums[k]!.push(s[k]!);
  }
  const at = (xs: number[], f: number): number => xs[Math.min(xs.length - 1, Math.floor(f * xs.length))] ?? 0;
  return sums.map((xs, k) => {
    xs.sort((a, b) => a - b);
    return { expected: Math.round(expected[k]!), p10: Math.round(at(xs, 0.1)), p90: Math.round(at(xs, 0.9)) };
  });
}
