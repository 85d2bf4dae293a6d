/**
 * A seeded synthetic programme for tests and benches: a plan of about 1,700 dwellings in Kalsdonk and Westrand
 * over the 18 seasons of 2025–2033, and the statuses and money entries of nine years of work on it (invitations,
 * acceptances and declines, natuurvrij, insulation with slips, commitments and payments per source, batch surveys,
 * a few corrections). Synthetic: no real dwelling, owner or payment. The same seed gives the same records.
 */
import type { EnergyLabel } from '../dwelling.ts';
import { dayNumber, isoOfDay } from '../retrofit/iso-day.ts';
import { createRng, type Rng } from '../rng.ts';
import type { MonitorPlan, MonitorPlanBatch, MonitorPlanDwelling } from './monitor-plan.ts';
import type { MoneyEntry, StatusEvent } from './monitor-records.ts';

export interface ProgrammeFixtureOptions {
  seed: number;
  /** Planned dwellings (default 1,700). */
  dwellings?: number;
  /** Records dated after this day are not generated yet (default: the programme end, all nine years). */
  dataDate?: string;
}

export interface ProgrammeFixture {
  plan: MonitorPlan;
  statuses: StatusEvent[];
  /** In recording order: a correction after the entry it corrects. */
  money: MoneyEntry[];
  /** Always true: the fixture is synthetic. */
  synthetic: true;
}

/** Buurten of the two programme areas (docs/domain.md §1) and their share of the planned dwellings. */
const BUURTEN: readonly { buurtcode: string; area: string; share: number }[] = [
  { buurtcode: 'BU16740202', area: 'Kalsdonk', share: 0.4 },
  { buurtcode: 'BU16740300', area: 'Westrand', share: 0.18 },
  { buurtcode: 'BU16740301', area: 'Westrand', share: 0.15 },
  { buurtcode: 'BU16740302', area: 'Westrand', share: 0.15 },
  { buurtcode: 'BU16740303', area: 'Westrand', share: 0.12 },
];
const YEARS = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032, 2033] as const;
const BEFORE: readonly EnergyLabel[] = ['D', 'E', 'E', 'F', 'F', 'G'];
const LADDER: readonly EnergyLabel[] = ['A', 'B', 'C', 'D', 'E', 'F', 'G'];

const day = (iso: string): number => dayNumber(iso)!;
/** No record before the programme start (config/monitor-programme.default.json). */
const PROGRAMME_START = day('2025-01-01');

export function generateProgrammeFixture(o: ProgrammeFixtureOptions): ProgrammeFixture {
  const rng = createRng(o.seed);
  const total = o.dwellings ?? 1700;
  const dataDay = day(o.dataDate ?? '2033-12-31');
  const seasons = YEARS.flatMap((y) => [
    { id: `${y}-voorjaar`, natuurvrij: `${y}-03-15`, insulation: `${y}-05-01` },
    { id: `${y}-najaar`, natuurvrij: `${y}-08-15`, insulation: `${y}-10-01` },
  ]);
  const batches: MonitorPlanBatch[] = [];
  let n = 0;
  for (const [bi, b] of BUURTEN.entries()) {
    const count = bi === BUURTEN.length - 1 ? total - n : Math.round(total * b.share);
    for (let made = 0, unit = 0; made < count; unit++) {
      const size = Math.min(count - made, rng.int(4, 12));
      const season = seasons[Math.floor(((made + size / 2) / count) * seasons.length)]!;
      const dwellings = Array.from({ length: size }, () => plannedDwelling(rng, ++n, season));
      batches.push({
        id: `${season.id}:${b.buurtcode}-${unit}`,
        buurtcode: b.buurtcode,
        programmeArea: b.area,
        dwellings,
      });
      made += size;
    }
  }
  batches.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const statuses: StatusEvent[] = [];
  const money: MoneyEntry[] = [];
  const work = rng.fork('work');
  let ref = 0;
  const pay = (e: Omit<MoneyEntry, 'reference' | 'corrects'>, corrects: string | null = null): string | null => {
    if (day(e.date) > dataDay) return null;
    const reference = `FIN-${String(++ref).padStart(6, '0')}`;
    money.push({ reference, corrects, ...e });
    return reference;
  };
  for (const b of batches) {
    const surveyDay = day(b.dwellings[0]!.natuurvrijVanaf ?? b.dwellings[0]!.insulationFrom) - 60;
    pay({
      kind: 'betaald',
      date: isoOfDay(surveyDay),
      amountEur: work.int(400, 800),
      source: 'vhf',
      vboId: null,
      batchId: b.id,
    });
    for (const d of b.dwellings) dwellingHistory(work, d, statuses, pay, dataDay);
  }
  statuses.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  return { plan: { id: 1, version: 1, batches }, statuses, money, synthetic: true };
}

function plannedDwelling(rng: Rng, n: number, season: { natuurvrij: string; insulation: string }): MonitorPlanDwelling {
  const before = rng.pick(BEFORE);
  const after = LADDER[Math.max(0, LADDER.indexOf(before) - rng.int(2, 3))]!;
  return {
    vboId: `1674010000${String(n).padStart(6, '0')}`,
    natuurvrijVanaf: rng.chance(0.8) ? season.natuurvrij : null,
    insulationFrom: season.insulation,
    programmeContributionEur: rng.int(30, 60) * 100,
    gasSavingM3PerYear: rng.int(200, 700),
    labelBefore: before,
    labelAfter: after,
    acceptProbability: Math.round((0.55 + rng.next() * 0.2) * 100) / 100,
  };
}

/** One dwelling's history: invited two months ahead, an answer, then natuurvrij and insulation with slips. */
function dwellingHistory(
  rng: Rng,
  d: MonitorPlanDwelling,
  statuses: StatusEvent[],
  pay: (e: Omit<MoneyEntry, 'reference' | 'corrects'>, corrects?: string | null) => string | null,
  dataDay: number,
): void {
  const step = (status: StatusEvent['status'], at: number): boolean => {
    if (at > dataDay) return false;
    statuses.push({ vboId: d.vboId, status, date: isoOfDay(at) });
    return true;
  };
  const start = day(d.natuurvrijVanaf ?? d.insulationFrom);
  const invited = Math.max(start - rng.int(50, 90), PROGRAMME_START + rng.int(0, 20));
  if (!step('uitgenodigd', invited)) return;
  const answered = invited + rng.int(10, 40);
  // Uptake a little below the plan's expectation: the forecast has something to warn about.
  if (!rng.chance((d.acceptProbability ?? 1) * 0.92)) {
    step('afgezien', answered);
    return;
  }
  if (!step('akkoord', answered)) return;
  const vhf = d.programmeContributionEur;
  pay({ kind: 'toegezegd', date: isoOfDay(answered), amountEur: vhf, source: 'vhf', vboId: d.vboId, batchId: null });
  pay({
    kind: 'toegezegd',
    date: isoOfDay(answered),
    amountEur: vhf * 0.3,
    source: 'cofinanciering',
    vboId: d.vboId,
    batchId: null,
  });
  if (rng.chance(0.04)) {
    step('afgezien', answered + rng.int(5, 40));
    return;
  }
  // Capacity slips: a share of dwellings moves one or two seasons on.
  const slip = rng.chance(0.15) ? rng.int(1, 2) * 182 : 0;
  const natuurvrij = start + slip + rng.int(0, 10);
  if (!step('natuurvrij', natuurvrij)) return;
  const insulated = Math.max(day(d.insulationFrom) + slip + rng.int(0, 40), natuurvrij + rng.int(1, 20));
  if (!step('geïsoleerd', insulated)) return;
  const paid = insulated + rng.int(20, 60);
  const r = pay({
    kind: 'betaald',
    date: isoOfDay(paid),
    amountEur: vhf,
    source: 'vhf',
    vboId: d.vboId,
    batchId: null,
  });
  pay({
    kind: 'betaald',
    date: isoOfDay(paid),
    amountEur: vhf * 0.3,
    source: 'cofinanciering',
    vboId: d.vboId,
    batchId: null,
  });
  if (rng.chance(0.25))
    pay({
      kind: 'betaald',
      date: isoOfDay(paid),
      amountEur: rng.int(10, 40) * 100,
      source: 'eigenaar',
      vboId: d.vboId,
      batchId: null,
    });
  if (r && rng.chance(0.02))
    pay(
      {
        kind: 'betaald',
        date: isoOfDay(paid + rng.int(10, 60)),
        amountEur: Math.round(vhf * 0.9),
        source: 'vhf',
        vboId: d.vboId,
        batchId: null,
      },
      r,
    );
}
