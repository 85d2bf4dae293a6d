/**
 * WOZ value band from a simple hedonic rule: (fixed part + €/m² by type) × build-period factor × buurt
 * factor × lognormal noise, at 2024 price level. All parameters are assumptions anchored on Roosendaal's
 * average WOZ of ≈ €280k (2024); post-war terraced houses here land around €220–260k, flats lower.
 */
import { WOZ_BAND_LOWER_EUR, WOZ_BANDS, type DwellingType, type WozBand } from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';

export interface WozParams {
  /** Location/land part of every dwelling's value, €. */
  fixedEur: number;
  /** Value per m² of gebruiksoppervlakte by type, €/m². */
  eurPerM2: Record<DwellingType, number>;
  /** Multiplier by build period: [first year, factor], ascending; the last row whose year ≤ bouwjaar applies. */
  periodFactors: readonly (readonly [number, number])[];
  /** Standard deviation of the log-normal noise. */
  noiseSd: number;
}

export const WOZ_PARAMS: WozParams = {
  fixedEur: 50_000,
  eurPerM2: {
    tussenwoning: 1_850,
    hoekwoning: 1_950,
    'twee-onder-een-kap': 2_200,
    vrijstaand: 2_450,
    portiek: 1_850,
    galerij: 1_800,
    maisonnette: 1_700,
    overig: 1_750,
  },
  periodFactors: [
    [0, 1],
    [1975, 1.06],
    [1992, 1.15],
    [2006, 1.22],
  ],
  noiseSd: 0.08,
};

/** The WOZ value in € before banding. */
export function wozValueEur(
  type: DwellingType,
  areaM2: number,
  bouwjaar: number,
  buurtFactor: number,
  rng: Rng,
  p: WozParams = WOZ_PARAMS,
): number {
  let period = 1;
  for (const [from, f] of p.periodFactors) if (bouwjaar >= from) period = f;
  return (p.fixedEur + p.eurPerM2[type] * areaM2) * period * buurtFactor * Math.exp(rng.normal(0, p.noiseSd));
}

export function wozBandOf(valueEur: number): WozBand {
  let band = 0;
  WOZ_BAND_LOWER_EUR.forEach((lower, i) => {
    if (valueEur >= lower) band = i;
  });
  return WOZ_BANDS[band]!;
}
