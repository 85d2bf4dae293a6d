import { describe, expect, it } from 'vitest';
import { forecastProgress } from './forecast.ts';
import { generateProgrammeFixture } from './programme-fixture.ts';
import { DEFAULT_PROGRAMME_SETTINGS as SETTINGS, type ProgrammeSettings } from './programme-settings.ts';
import { computeProgressFigures, type ProgressFigures } from './progress-figures.ts';
import { quarterBounds, quarterOrdinal } from './quarter.ts';

function figuresAt(quarter: string, settings: ProgrammeSettings = SETTINGS): ProgressFigures {
  const fx = generateProgrammeFixture({ seed: 1, dataDate: quarterBounds(quarter).until });
  const r = computeProgressFigures({ quarter, settings, ...fx });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const width = (b: { p10: string | null; p90: string | null }) => quarterOrdinal(b.p90!) - quarterOrdinal(b.p10!);

describe('forecast at the pace of the last quarters', () => {
  const early = forecastProgress(figuresAt('2026Q4'), SETTINGS, { seed: 1, runs: 200 });
  const late = forecastProgress(figuresAt('2031Q4'), SETTINGS, { seed: 1, runs: 200 });

  it('gives a p10–p90 band of the quarter the target is insulated, narrowing as quarters are recorded', () => {
    for (const fc of [early, late]) {
      expect(quarterOrdinal(fc.insulatedTarget.p10!)).toBeLessThanOrEqual(quarterOrdinal(fc.insulatedTarget.p50!));
      expect(quarterOrdinal(fc.insulatedTarget.p50!)).toBeLessThanOrEqual(quarterOrdinal(fc.insulatedTarget.p90!));
    }
    expect(width(late.insulatedTarget)).toBeLessThan(width(early.insulatedTarget));
    expect(late.projection[0]!.quarter).toBe('2032Q1');
    expect(late.projection[0]!.insulated.p10).toBeLessThanOrEqual(late.projection[0]!.insulated.p90);
  });

  it('warns when the programme end is missed and names the cause from the figures', () => {
    // The fixture's owners accept a little less often than the plan expects and some works slip a season.
    expect(late.onTimeProbability).toBeLessThan(0.5);
    expect(late.warnings.map((w) => w.code)).toContain('monitor.forecast.misses-end');
    expect(late.causes.map((c) => c.cause)).toContain('uptake');
    expect(late.warnings.find((w) => w.code === 'monitor.forecast.misses-end')!.message).toMatch(
      /Cause: uptake: \d+ %/,
    );
  });

  it('warns about a year cap the pace exceeds, and names a binding permit cap', () => {
    const capped = { ...SETTINGS, yearCapsEur: [{ year: 2032, capEur: 100_000 }] };
    const fc = forecastProgress(figuresAt('2031Q4', capped), capped, {
      seed: 1,
      runs: 50,
      planWarningCodes: ['plan.binding.permit-cap'],
    });
    expect(fc.warnings.find((w) => w.code === 'monitor.forecast.year-cap')?.path).toEqual(['yearCapsEur', 2032]);
    expect(fc.causes.map((c) => c.cause)).toContain('permit-cap');
  });

  it('is the same for the same seed and says when there is no pace yet', () => {
    expect(JSON.stringify(forecastProgress(figuresAt('2031Q4'), SETTINGS, { seed: 1, runs: 200 }))).toBe(
      JSON.stringify(late),
    );
    const none = forecastProgress(figuresAt('2025Q1'), SETTINGS, { seed: 1, runs: 20 });
    expect(none.warnings.map((w) => w.code)).toEqual(['monitor.forecast.no-pace']);
    expect(none.insulatedTarget).toEqual({ p10: null, p50: null, p90: null });
  });
});
