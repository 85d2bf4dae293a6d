/**
 * Indicators per block, each a 0–1 value with the fact behind it in Dutch and its basis (registered, estimated,
 * synthetic, or none). Computed once per dataset; the potentials (potential.ts) only weigh them, so a weight change
 * costs a pass over the blocks. Pure: the reference year and the buurt safety rates are passed in.
 */
import type { Block } from '../blocks/blocks.ts';
import type { Buurt, Dwelling, Vve } from '../dwelling.ts';
import type { PortfolioEntry } from '../registers.ts';
import type { IndicatorId } from './interventions.ts';
import type { PotentialWeights } from './potential-weights.ts';

export const INDICATOR_BASES = ['registratie', 'schatting', 'synthetisch', 'geen'] as const;
export type IndicatorBasis = (typeof INDICATOR_BASES)[number];

export interface IndicatorValue {
  /** 0–1; null when the block has no data for it (then it counts in no potential). */
  value: number | null;
  /** The fact behind the value, in Dutch, e.g. "blok 80% corporatie; buurt 55% (drempel 67%)". */
  fact: string;
  basis: IndicatorBasis;
}

export interface BlockIndicators {
  blockId: string;
  values: Record<IndicatorId, IndicatorValue>;
}

/** Controlled buurt rates (engine/acquisition/safety-aggregates.ts): null = suppressed or too few dwellings. */
export interface BuurtSafetyRates {
  nuisanceRate: number | null;
  vacancyRate: number | null;
}

export interface IndicatorInput {
  blocks: readonly Block[];
  dwellings: readonly Dwelling[];
  vves: readonly Vve[];
  portfolio?: readonly PortfolioEntry[];
  buurten: readonly Buurt[];
  /** Safety rates per buurt after disclosure control; null when no signals are loaded. */
  safety: ReadonlyMap<string, BuurtSafetyRates> | null;
  /** Where the safety figures come from ("synthetic" marks them so). */
  safetySource: 'register' | 'synthetic' | 'none';
  /** The year "planned within N years" counts from (the planning date's year). */
  referenceYear: number;
  parameters: PotentialWeights['parameters'];
}

const pct = (x: number): string => `${Math.round(x * 100)}%`;
const clamp01 = (x: number): number => Math.min(1, Math.max(0, x));
const round3 = (x: number): number => Math.round(x * 1000) / 1000;

/** Middle of a buurt: mean of its outer ring(s) vertices (good enough for a distance of hundreds of metres). */
function middleOf(b: Buurt): [number, number] {
  const rings = b.geometry.type === 'Polygon' ? [b.geometry.coordinates[0]!] : b.geometry.coordinates.map((p) => p[0]!);
  const pts = rings.flatMap((r) => r.slice(0, -1));
  return [pts.reduce((a, p) => a + p[0]!, 0) / pts.length, pts.reduce((a, p) => a + p[1]!, 0) / pts.length];
}

/** Metres between two WGS84 points (equirectangular; exact enough within a town). */
function metres(a: readonly [number, number], b: readonly [number, number]): number {
  const R = 6_371_000;
  const lat = (((a[1] + b[1]) / 2) * Math.PI) / 180;
  const dx = (((b[0] - a[0]) * Math.PI) / 180) * Math.cos(lat) * R;
  const dy = (((b[1] - a[1]) * Math.PI) / 180) * R;
  return Math.hypot(dx, dy);
}

export function computeIndicators(input: IndicatorInput): BlockIndicators[] {
  const p = input.parameters;
  const byVbo = new Map(input.dwellings.map((d) => [d.vboId, d]));
  const portfolioOf = new Map((input.portfolio ?? []).map((e) => [e.vboId, e]));
  const vveById = new Map(input.vves.map((v) => [v.vveId, v]));
  const synthetic = input.dwellings.length > 0 && input.dwellings.every((d) => d.provenance === 'synthetic');
  const factBasis: IndicatorBasis = synthetic ? 'synthetisch' : 'registratie';

  // Corporation share per buurt (the 2/3 threshold is a buurt figure).
  const buurtCorp = new Map<string, { corp: number; n: number }>();
  for (const d of input.dwellings) {
    const t = buurtCorp.get(d.buurtcode) ?? { corp: 0, n: 0 };
    t.n++;
    if (d.ownership === 'corporatie') t.corp++;
    buurtCorp.set(d.buurtcode, t);
  }
  // A VvE is mixed when it has corporation members and others.
  const mixedVve = new Set<string>();
  for (const v of input.vves) {
    const owners = new Set(v.members.map((m) => byVbo.get(m.vboId)?.ownership === 'corporatie'));
    if (owners.size === 2) mixedVve.add(v.vveId);
  }
  const centreBuurt = input.buurten.find((b) => b.buurtcode === p.centreBuurt);
  const centre = centreBuurt ? middleOf(centreBuurt) : null;
  const lowWoz = new Set<string>(p.lowWozBands);
  const stairOnly = new Set<string>(p.stairOnlyTypes);

  return input.blocks.map((block) => {
    const ds = block.vboIds.map((v) => {
      const d = byVbo.get(v);
      if (!d) throw new Error(`block ${block.blockId}: dwelling ${v} not in the dataset`);
      return d;
    });
    const n = ds.length;
    const share = (pred: (d: Dwelling) => boolean) => ds.filter(pred).length / n;
    const corpShare = share((d) => d.ownership === 'corporatie');

    // Tenure concentration: the block's corporation share, scaled by how close its buurt is to the 2/3 threshold.
    const buurtShare =
      ds.reduce((a, d) => {
        const t = buurtCorp.get(d.buurtcode)!;
        return a + t.corp / t.n;
      }, 0) / n;
    const concentration: IndicatorValue = {
      value: round3(corpShare * clamp01(buurtShare / p.corporationThreshold)),
      fact: `blok ${pct(corpShare)} corporatie; buurt ${pct(buurtShare)} (drempel ${pct(p.corporationThreshold)})`,
      basis: factBasis,
    };

    // Fit to small and 55+ households: large dwellings, and upper floors reached by stairs only.
    const large = share((d) => d.oppervlakte > p.largeDwellingM2);
    const stairs = share((d) => stairOnly.has(d.type) && d.floorLevel >= 1);
    const fit: IndicatorValue = {
      value: round3(p.largeShareWeight * large + (1 - p.largeShareWeight) * stairs),
      fact: `${pct(large)} groter dan ${p.largeDwellingM2} m²; ${pct(stairs)} bovenwoning zonder lift`,
      basis: factBasis,
    };

    // Renovation need from the label.
    const need = ds.reduce((a, d) => a + p.labelNeed[d.energyLabel.label], 0) / n;
    const efg = share((d) => ['E', 'F', 'G'].includes(d.energyLabel.label));
    const registered = share((d) => d.energyLabel.source === 'registered');
    const energy: IndicatorValue = {
      value: round3(need),
      fact: `${pct(efg)} label E/F/G; ${pct(registered)} van de labels geregistreerd`,
      basis: synthetic ? 'synthetisch' : registered === 1 ? 'registratie' : 'schatting',
    };

    // Planned maintenance: the portfolio's planned year where known, else build year + renovation cycle.
    let known = 0;
    let dueSum = 0;
    let earliest = Infinity;
    for (const d of ds) {
      const planned = portfolioOf.get(d.vboId)?.plannedMaintenanceYear ?? null;
      if (planned !== null) known++;
      const year = planned ?? Math.max(input.referenceYear, d.bouwjaar + p.renovationCycleYears);
      earliest = Math.min(earliest, year);
      const ahead = year - input.referenceYear;
      dueSum += clamp01(
        1 - (ahead - p.maintenanceWindowYears) / (p.maintenanceHorizonYears - p.maintenanceWindowYears),
      );
    }
    const maintenance: IndicatorValue = {
      value: round3(dueSum / n),
      fact:
        known === n
          ? `planjaar onderhoud vanaf ${earliest} (portefeuille)`
          : known > 0
            ? `planjaar onderhoud vanaf ${earliest}; ${pct(1 - known / n)} geschat (bouwjaar + ${p.renovationCycleYears} jaar)`
            : `geen planjaar bekend: geschat als bouwjaar + ${p.renovationCycleYears} jaar, vanaf ${earliest}`,
      basis: known === n ? 'registratie' : 'schatting',
    };

    // Value: low WOZ band, or low kale huur where the portfolio gives it.
    const low = share((d) => {
      const rent = portfolioOf.get(d.vboId)?.rentEur ?? null;
      return rent !== null ? rent <= p.lowRentMaxEur : lowWoz.has(d.wozBand);
    });
    const withRent = share((d) => (portfolioOf.get(d.vboId)?.rentEur ?? null) !== null);
    const value: IndicatorValue = {
      value: round3(low),
      fact: `${pct(low)} in een lage WOZ-klasse (${p.lowWozBands.join(', ')})${withRent > 0 ? ` of huur ≤ €${p.lowRentMaxEur}` : ''}`,
      basis: factBasis,
    };

    // Mixed ownership: mixed VvE's, and corporation and other owners side by side ("gespikkeld").
    const inMixed = share((d) => d.vveId !== null && mixedVve.has(d.vveId));
    const speckle = corpShare > 0 && corpShare < 1 ? 1 - Math.abs(2 * corpShare - 1) : 0;
    const vveCount = new Set(ds.filter((d) => d.vveId !== null && vveById.has(d.vveId)).map((d) => d.vveId)).size;
    const mixed: IndicatorValue = {
      value: round3(Math.max(inMixed, speckle)),
      fact: `${pct(inMixed)} in een gemengde VvE (${vveCount} VvE${vveCount === 1 ? '' : "'s"} in het blok); ${pct(corpShare)} corporatie, ${pct(1 - corpShare)} overig`,
      basis: factBasis,
    };

    // Safety: the buurt's controlled rates only (a block is no fixed geography; docs/domain.md §6).
    let safety: IndicatorValue;
    const rates = input.safety
      ? block.buurtcodes.map((c) => input.safety!.get(c)).filter((r): r is BuurtSafetyRates => r !== undefined)
      : [];
    const worst = rates
      .flatMap((r) => [r.nuisanceRate, r.vacancyRate])
      .filter((x): x is number => x !== null)
      .reduce((a, x) => Math.max(a, x), -1);
    if (!input.safety || input.safetySource === 'none')
      safety = { value: null, fact: 'geen signalen geladen', basis: 'geen' };
    else if (worst < 0)
      safety = {
        value: null,
        fact: 'buurtcijfer onderdrukt (te kleine aantallen of < 50 woningen)',
        basis: 'geen',
      };
    else
      safety = {
        value: round3(clamp01(worst / p.safetyRateFull)),
        fact: `buurt: ${pct(worst)} van de adressen met overlast of lange leegstand (afgerond buurtcijfer)`,
        basis: input.safetySource === 'synthetic' ? 'synthetisch' : 'registratie',
      };

    // Location: distance from the block's dwellings' middle to the centre.
    let location: IndicatorValue;
    if (!centre) location = { value: null, fact: `centrumbuurt ${p.centreBuurt} niet in de dataset`, basis: 'geen' };
    else {
      const mid: [number, number] = [
        ds.reduce((a, d) => a + d.location[0], 0) / n,
        ds.reduce((a, d) => a + d.location[1], 0) / n,
      ];
      const m = metres(mid, centre);
      location = {
        value: round3(clamp01(1 - (m - p.centreFullWithinM) / (p.centreZeroBeyondM - p.centreFullWithinM))),
        fact: `${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(m / 1000)} km tot het centrum`,
        basis: 'registratie',
      };
    }

    const values: Record<IndicatorId, IndicatorValue> = {
      corporationConcentration: concentration,
      householdFit: fit,
      energyNeed: energy,
      maintenanceDue: maintenance,
      valueBand: value,
      mixedOwnership: mixed,
      safety,
      location,
    };
    return { blockId: block.blockId, values };
  });
}
