import type { Dwelling } from '../../engine/dwelling.ts';
import type { Dataset } from '../../engine/dataset.ts';
import type { Signal } from '../../engine/registers.ts';
import { createRng, type Rng } from '../../engine/rng.ts';

/**
 * SYNTHETIC municipal signals (nuisance reports, vacancy, room-letting permits) for a synthetic dataset, so the
 * safety layer and acquisition scoring have data before real signals are imported. Invented from a seed: no
 * signal describes a real address. One period: the calendar year before the dataset's data date. Only
 * dwellings with at least one signal get a row (as in a real register).
 */
export const SYNTHETIC_SIGNALS_GENERATOR = 'voorraad-synthetic-signals@1';

/** Chance of at least one nuisance report in a year by ownership (invented, L; private letting highest). */
const NUISANCE_P: Record<Dwelling['ownership'], number> = {
  'particuliere verhuur': 0.12,
  overig: 0.06,
  corporatie: 0.045,
  'eigenaar-bewoner': 0.015,
};
/** Chance of vacancy in a year by ownership (invented, L). */
const VACANCY_P: Record<Dwelling['ownership'], number> = {
  'particuliere verhuur': 0.05,
  overig: 0.08,
  corporatie: 0.012,
  'eigenaar-bewoner': 0.01,
};
const FLAT_TYPES = new Set(['portiek', 'galerij', 'maisonnette']);

/**
 * The old centre's character (docs/domain.md §6: vacancy above shops, small private landlords, room-letting):
 * vacancy three times as likely, and room-letting permits on private rental of any type from 45 m² (invented, L).
 * Other buurten keep the rules above, so their signals do not change.
 */
const OLD_CENTRE: ReadonlyMap<string, { vacancyFactor: number; roomLettingP: number; roomLettingMinM2: number }> =
  new Map([['BU16740000', { vacancyFactor: 3, roomLettingP: 0.3, roomLettingMinM2: 45 }]]);

export interface SyntheticSignalOptions {
  seed: number;
  /** YYYY-MM-DD; the period is the calendar year before it. */
  dataDate: string;
}

export function generateSyntheticSignals(
  ds: Pick<Dataset, 'dwellings' | 'buurten'>,
  opts: SyntheticSignalOptions,
): Signal[] {
  const rng = createRng(opts.seed).fork('synthetic-signals');
  const year = Number(opts.dataDate.slice(0, 4)) - 1;
  const periodStart = `${year}-01-01`;
  const periodEnd = `${year}-12-31`;
  // Buurten differ: a factor per buurt (0.5–1.7), drawn in buurt-code order.
  const buurtFactor = new Map<string, number>();
  for (const code of [...new Set(ds.buurten.map((b) => b.buurtcode))].sort())
    buurtFactor.set(code, 0.5 + 1.2 * rng.fork(code).next());
  const out: Signal[] = [];
  for (const d of [...ds.dwellings].sort((a, b) => a.vboId.localeCompare(b.vboId))) {
    const r = rng.fork(d.vboId);
    const f = (buurtFactor.get(d.buurtcode) ?? 1) * (FLAT_TYPES.has(d.type) ? 1.4 : 1);
    const nuisance = r.chance(Math.min(0.9, NUISANCE_P[d.ownership] * f)) ? 1 + geometric(r, 0.55) : 0;
    const centre = OLD_CENTRE.get(d.buurtcode);
    const vacancy = r.chance(VACANCY_P[d.ownership] * (centre?.vacancyFactor ?? 1)) ? r.int(1, 12) : 0;
    const permit = centre
      ? d.ownership === 'particuliere verhuur' &&
        d.oppervlakte >= centre.roomLettingMinM2 &&
        r.chance(centre.roomLettingP)
      : d.ownership === 'particuliere verhuur' && !FLAT_TYPES.has(d.type) && d.oppervlakte >= 90 && r.chance(0.2);
    if (nuisance === 0 && vacancy === 0 && !permit) continue;
    out.push({
      vboId: d.vboId,
      periodStart,
      periodEnd,
      nuisanceReports: nuisance,
      vacancyMonths: vacancy,
      roomLettingPermit: permit,
      dataDate: opts.dataDate,
    });
  }
  return out;
}

/** Failures before the first success (0, 1, 2, …) with success probability p, capped at 20. */
function geometric(r: Rng, p: number): number {
  let k = 0;
  while (k < 20 && !r.chance(p)) k++;
  return k;
}
