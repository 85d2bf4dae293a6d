/**
 * Tenure at complex level, then right-to-buy sales of single units: the corporation picks whole
 * complexes (flats first) until its target share is met; in some of its complexes ("verkoopcomplexen")
 * it has sold units over the years, which produces gespikkeld bezit (the corporation sells units among its own).
 */
import type { Ownership } from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';
import type { StripKind } from './building-kinds.ts';
import type { TenureShares } from './buurt-profiles.ts';

export interface TenureParams {
  /** Relative propensity of a complex of this kind to be corporation-built (flats mostly corporatie). */
  corporationWeight: Record<StripKind, number>;
  /** Share of corporation complexes designated for sale (verkoopcomplex). */
  saleComplexShare: number;
  /** Range of the share of units sold in a verkoopcomplex (drawn per complex), so Alwel ends up anywhere from majority to minority owner. */
  unitSoldShare: readonly [number, number];
  /** Share of sold units bought by an owner-occupier (the rest by a private landlord). */
  soldToOwnerOccupier: number;
}

/** All assumptions: Alwel sells selectively (Woonagenda: differentiation by selling, docs/domain.md §4). */
export const TENURE_PARAMS: TenureParams = {
  corporationWeight: {
    portiek: 8,
    galerij: 10,
    maisonnette: 8,
    overig: 1.5,
    terraced: 2,
    'twee-onder-een-kap': 0.15,
    vrijstaand: 0.02,
    herenhuis: 0.3,
    'winkel-boven': 0.3,
  },
  saleComplexShare: 0.4,
  unitSoldShare: [0.1, 0.7],
  soldToOwnerOccupier: 0.8,
};

export interface TenureComplex {
  kind: StripKind;
  units: number;
}

/** Ownership per unit of every complex, in input order; hits the profile shares up to one complex. */
export function assignTenure(
  complexes: readonly TenureComplex[],
  shares: TenureShares,
  rng: Rng,
  p: TenureParams = TENURE_PARAMS,
): Ownership[][] {
  const total = complexes.reduce((a, c) => a + c.units, 0);
  // Draw every complex's random facts first so the selection below cannot shift the streams.
  const drawn = complexes.map((c) => {
    const w = p.corporationWeight[c.kind];
    const key = w > 0 ? rng.next() ** (1 / w) : -1; // Efraimidis–Spirakis weighted order
    const soldShare = rng.chance(p.saleComplexShare)
      ? p.unitSoldShare[0] + (p.unitSoldShare[1] - p.unitSoldShare[0]) * rng.next()
      : 0;
    const sold = Array.from({ length: c.units }, () => rng.chance(soldShare));
    return { key, sold, kept: sold.filter((s) => !s).length };
  });
  const order = drawn
    .map((_, i) => i)
    .filter((i) => drawn[i]!.key >= 0)
    .sort((a, b) => drawn[b]!.key - drawn[a]!.key || a - b);
  const target = shares.corporatie * total;
  const isCorp = new Array<boolean>(complexes.length).fill(false);
  let corp = 0;
  for (const i of order) {
    const add = drawn[i]!.kept;
    if (Math.abs(corp + add - target) < Math.abs(corp - target)) {
      isCorp[i] = true;
      corp += add;
    }
  }

  let sold = 0;
  complexes.forEach((_, i) => {
    if (isCorp[i]) sold += drawn[i]!.sold.filter(Boolean).length;
  });
  const privateUnits = total - corp - sold;
  const soldLandlord = sold * (1 - p.soldToOwnerOccupier);
  const pLandlord =
    privateUnits > 0 ? Math.max(0, shares['particuliere verhuur'] * total - soldLandlord) / privateUnits : 0;
  const pOther = privateUnits > 0 ? (shares.overig * total) / privateUnits : 0;

  return drawn.map((d, i) =>
    d.sold.map((wasSold): Ownership => {
      if (isCorp[i] && !wasSold) return 'corporatie';
      if (isCorp[i]) return rng.chance(p.soldToOwnerOccupier) ? 'eigenaar-bewoner' : 'particuliere verhuur';
      const x = rng.next();
      if (x < pOther) return 'overig';
      if (x < pOther + pLandlord) return 'particuliere verhuur';
      return 'eigenaar-bewoner';
    }),
  );
}
