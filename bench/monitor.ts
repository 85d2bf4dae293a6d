import { generateProgrammeFixture } from '../engine/monitor/programme-fixture.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from '../engine/monitor/programme-settings.ts';
import { computeProgressFigures } from '../engine/monitor/progress-figures.ts';
import { compare, type BenchFigure } from './measure.ts';

/**
 * The monitor's figures for one quarter (issue target: under 100 ms) on the seeded full-programme fixture
 * (~1,700 dwellings, nine years of statuses and payments), against one bare pass over the same records (sum of the
 * amounts, count of the statuses) as the baseline.
 */
export async function benchMonitorFigures(): Promise<BenchFigure[]> {
  const fx = generateProgrammeFixture({ seed: 1 });
  const input = {
    quarter: '2033Q4',
    settings: DEFAULT_PROGRAMME_SETTINGS,
    plan: fx.plan,
    statuses: fx.statuses,
    money: fx.money,
  };
  let sink = 0;
  const figure = await compare(
    'monitor: figures for one quarter (1,700 dwellings, 9 years), target < 100 ms',
    () => {
      const r = computeProgressFigures(input);
      if (!r.ok) throw new Error('figures failed');
      sink += r.value.total.realised.insulated;
    },
    'one pass over the records',
    () => {
      for (const m of fx.money) sink += m.amountEur;
      for (const s of fx.statuses) sink += s.status.length;
    },
    15,
    {
      statuses: fx.statuses.length,
      money: fx.money.length,
      dwellings: fx.plan.batches.reduce((n, b) => n + b.dwellings.length, 0),
    },
  );
  if (sink === -1) console.log(sink);
  return [{ ...figure, extra: { ...figure.extra, target: '< 100 ms', pass: figure.ms < 100 ? 'yes' : 'no' } }];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  for (const f of await benchMonitorFigures()) console.log(JSON.stringify(f));
}
