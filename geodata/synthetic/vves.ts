/**
 * VvE's: every multi-dwelling pand with at least one non-corporation dwelling has been split into
 * apartment rights and has a VvE; fully corporation-owned buildings have none (brief; docs/domain.md §3).
 * A share is "dormant" (slapend): old or no MJOP, small reserve, no recent ALV. All rates are assumptions.
 */
import type { Address, Ownership, Vve } from '../../engine/dwelling.ts';
import type { Rng } from '../../engine/rng.ts';
import { addDays, yearOf } from './iso-date.ts';

export interface VveParams {
  /** Probability a VvE is dormant: with a corporation member (it usually keeps the administration), small (< 12) or other. */
  dormantWithCorporation: number;
  dormantSmall: number;
  dormantOther: number;
  /** Probability the split deed counts votes by floor area (breukdelen naar m²) instead of one per dwelling. */
  votesByAreaShare: number;
  /** Probability a VvE is not in the Handelsregister (no KvK number); only dormant ones. */
  dormantWithoutKvk: number;
  /** Reserve per dwelling, € — active VvE's: uniform range (0.5 % of ~€150k rebuild value ≈ €750/yr, accrued for 1–3 years). */
  activeReservePerDwellingEur: readonly [number, number];
  dormantReservePerDwellingEur: readonly [number, number];
  /** Share of VvE's whose deed sets a different "change" majority, and the values used (null = legal 2/3). */
  explicitMajorityShare: number;
  explicitMajorities: readonly number[];
}

export const VVE_PARAMS: VveParams = {
  dormantWithCorporation: 0.12,
  dormantSmall: 0.45,
  dormantOther: 0.3,
  votesByAreaShare: 0.3,
  dormantWithoutKvk: 0.2,
  activeReservePerDwellingEur: [400, 2_500],
  dormantReservePerDwellingEur: [0, 300],
  explicitMajorityShare: 0.12,
  explicitMajorities: [0.5, 0.75],
};

export interface VveDwelling {
  vboId: string;
  ownership: Ownership;
  oppervlakte: number;
  address: Address;
}

export interface VveBuilding {
  pandId: string;
  dwellings: readonly VveDwelling[];
}

/** VvE name such as "VvE Merelstraat 21-25" from the members' street and huisnummers. */
export function vveName(dwellings: readonly VveDwelling[]): string {
  const nrs = dwellings.map((d) => d.address.huisnummer);
  const [lo, hi] = [Math.min(...nrs), Math.max(...nrs)];
  return `VvE ${dwellings[0]!.address.street} ${lo === hi ? lo : `${lo}-${hi}`}`;
}

/** VvE records for the split buildings of one buurt; ids "VVE-<buurt4>-<nnn>", stable per buurt. */
export function buildVves(
  buildings: readonly VveBuilding[],
  buurtcode: string,
  dataDate: string,
  rng: Rng,
  p: VveParams = VVE_PARAMS,
): Vve[] {
  const buurt4 = buurtcode.slice(-4);
  const year = yearOf(dataDate);
  const uni = (lo: number, hi: number): number => lo + (hi - lo) * rng.next();
  const out: Vve[] = [];
  for (const b of buildings) {
    if (b.dwellings.length < 2 || b.dwellings.every((d) => d.ownership === 'corporatie')) continue;
    const seq = out.length + 1;
    if (seq > 999) throw new Error(`more than 999 VvE's in ${buurtcode}`);
    const n = b.dwellings.length;
    const withCorp = b.dwellings.some((d) => d.ownership === 'corporatie');
    const dormant = rng.chance(withCorp ? p.dormantWithCorporation : n < 12 ? p.dormantSmall : p.dormantOther);
    const byArea = rng.chance(p.votesByAreaShare);
    const [rLo, rHi] = dormant ? p.dormantReservePerDwellingEur : p.activeReservePerDwellingEur;
    const reserve = dormant && rng.chance(0.3) ? null : Math.round((n * uni(rLo, rHi)) / 100) * 100;
    const mjopYear = dormant ? (rng.chance(0.5) ? null : year - rng.int(7, 15)) : year - rng.int(0, 4);
    const lastAlvDate = dormant
      ? rng.chance(0.3)
        ? null
        : addDays(dataDate, -rng.int(2 * 365, 8 * 365))
      : addDays(dataDate, -rng.int(30, 330));
    const majorityRule = rng.chance(p.explicitMajorityShare) ? rng.pick(p.explicitMajorities) : null;
    const noKvk = dormant && rng.chance(p.dormantWithoutKvk);
    out.push({
      vveId: `VVE-${buurt4}-${String(seq).padStart(3, '0')}`,
      kvkNumber: noKvk ? null : `9${buurt4.slice(-3)}${String(seq).padStart(4, '0')}`,
      name: vveName(b.dwellings),
      pandIds: [b.pandId],
      members: b.dwellings.map((d) => ({ vboId: d.vboId, votes: byArea ? Math.max(1, Math.round(d.oppervlakte)) : 1 })),
      mjopYear,
      reserveFundEur: reserve,
      lastAlvDate,
      majorityRule,
      provenance: 'synthetic',
    });
  }
  return out;
}
