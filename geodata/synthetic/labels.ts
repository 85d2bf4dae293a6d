/**
 * Energy labels drawn from the Hestia/WoON label frequencies by type × build period × owner
 * (20230523_Woningen_BAG.csv, embedded in engine/hestia), with a share marked as registered.
 */
import type { Dwelling, DwellingType, Ownership } from '../../engine/dwelling.ts';
import { buildPeriod } from '../../engine/build-period.ts';
import type { Rng } from '../../engine/rng.ts';
import { HESTIA_LABEL_FREQUENCIES } from '../../engine/hestia/label-frequencies.ts';
import { hestiaOwnerOf, hestiaTypeOf } from '../../engine/hestia/hestia-type.ts';
import {
  HESTIA_LABELS,
  type HestiaType,
  type HestiaLabel,
  type HestiaOwner,
} from '../../engine/hestia/hestia-types.ts';
import { addDays, daysBetween } from './iso-date.ts';

/**
 * Probability that a label is registered (EP-Online) rather than imputed, by owner. Assumption: corporations
 * label nearly all rentals (the label feeds the rent-point system); overall ≈ 55–65 %.
 */
export const REGISTERED_SHARE: Record<Ownership, number> = {
  corporatie: 0.75,
  'eigenaar-bewoner': 0.45,
  'particuliere verhuur': 0.5,
  overig: 0.4,
};
/** First registration date drawn (NTA 8800 labels and the 2015 simplified label onwards). Assumption. */
export const FIRST_REGISTRATION_DATE = '2015-01-01';

const byKey = new Map(HESTIA_LABEL_FREQUENCIES.map((r) => [`${r.type}|${r.period}|${r.owner}`, r.freq]));

/** Published label frequencies A..G for a dwelling (throws on a combination missing from the table: a bug). */
export function labelFrequencies(type: HestiaType, bouwjaar: number, owner: HestiaOwner): readonly number[] {
  const freq = byKey.get(`${type}|${buildPeriod(bouwjaar)}|${owner}`);
  if (!freq) throw new Error(`no Hestia label frequencies for ${type} ${bouwjaar} ${owner}`);
  return freq;
}

export interface LabelInput {
  type: DwellingType;
  storeys: number;
  bouwjaar: number;
  ownership: Ownership;
}

const spans = new Map<string, number>();
/** Days from the first registration date to the data date (memoised: called once per dwelling). */
function registrationSpanDays(dataDate: string): number {
  if (!spans.has(dataDate)) spans.set(dataDate, daysBetween(FIRST_REGISTRATION_DATE, dataDate));
  return spans.get(dataDate)!;
}

export function drawLabel(d: LabelInput, dataDate: string, rng: Rng): Dwelling['energyLabel'] & { label: HestiaLabel } {
  const label =
    HESTIA_LABELS[
      rng.weighted(labelFrequencies(hestiaTypeOf(d.type, d.storeys), d.bouwjaar, hestiaOwnerOf(d.ownership)))
    ]!;
  const span = registrationSpanDays(dataDate);
  if (span < 0 || !rng.chance(REGISTERED_SHARE[d.ownership])) return { label, source: 'imputed', date: null };
  return { label, source: 'registered', date: addDays(FIRST_REGISTRATION_DATE, rng.int(0, span)) };
}
