import { describe, expect, it } from 'vitest';
import { DEFAULT_ACQUISITION_CONFIG } from './params.ts';
import { estimatedCostEur, scoreCandidate, weightedScore } from './score.ts';
import { latestYearWindow, nuisanceBand, permitStatus, summariseSignals, vacancyBand } from './signal-bands.ts';

const cfg = DEFAULT_ACQUISITION_CONFIG;
const dwelling = {
  energyLabel: { label: 'G' as const, source: 'imputed' as const, date: null },
  bouwjaar: 1938,
  wozBand: '<150k' as const,
};
const strategic = { corporationShareInPand: 0.5, corporationInVve: true, zonePriority: 1 };

describe('scoreCandidate', () => {
  it('gives every reason for a dwelling with all signals, a bad label, a low price in the old centre', () => {
    const s = scoreCandidate(
      dwelling,
      { nuisanceReports: 6, vacancyMonths: 12, roomLettingPermit: true },
      strategic,
      cfg,
      true,
    );
    expect(s.reasons).toEqual([
      'signaal.overlast-herhaald',
      'signaal.leegstand',
      'signaal.kamerverhuur',
      'staat.label-fg',
      'staat.bouwjaar-voor-1975',
      'prijs.laag',
      'strategisch.corporatie-in-pand',
      'strategisch.corporatie-in-vve',
      'zone.prioriteit',
    ]);
    expect(s.components.signals).toBe(1);
    expect(s.components.condition).toBe(1);
    expect(s.score).toBeGreaterThan(85);
  });

  it('leaves signals out and rescales the other weights when scoring without them', () => {
    const s = scoreCandidate(dwelling, null, strategic, cfg, false);
    expect(s.components.signals).toBeNull();
    const w = cfg.weights;
    const expected =
      (w.condition * s.components.condition + w.price * s.components.price + w.strategic * s.components.strategic) /
      (w.condition + w.price + w.strategic);
    expect(s.score).toBeCloseTo(100 * expected, 1);
  });

  it('estimates cost as the band price plus 10.4 % buyer’s costs', () => {
    expect(estimatedCostEur({ wozBand: '200-250k' }, cfg)).toBe(Math.round(225_000 * 1.104));
    expect(
      weightedScore(
        { signals: null, condition: 0, price: 0, strategic: 0 },
        { signals: 0, condition: 0, price: 0, strategic: 0 },
      ),
    ).toBe(0);
  });
});

describe('signal bands', () => {
  it('bands counts instead of exposing them', () => {
    expect([0, 1, 2, 3, 5, 6, 40].map(nuisanceBand)).toEqual(['0', '1-2', '1-2', '3-5', '3-5', '6+', '6+']);
    expect([0, 1, 5, 6, 11, 12].map(vacancyBand)).toEqual([
      '0 mnd',
      '1-5 mnd',
      '1-5 mnd',
      '6-11 mnd',
      '6-11 mnd',
      '12 mnd',
    ]);
    expect([true, false, null].map(permitStatus)).toEqual(['vergunning', 'geen vergunning', 'onbekend']);
  });

  it('sums signals overlapping the latest 12 months', () => {
    const base = { vboId: '1', nuisanceReports: 1, vacancyMonths: 4, roomLettingPermit: false, dataDate: '2025-01-01' };
    const signals = [
      { ...base, periodStart: '2024-01-01', periodEnd: '2024-06-30' },
      { ...base, periodStart: '2024-07-01', periodEnd: '2024-12-31', roomLettingPermit: true, vacancyMonths: 10 },
      { ...base, periodStart: '2022-01-01', periodEnd: '2022-12-31', nuisanceReports: 50 },
    ];
    const w = latestYearWindow(signals)!;
    expect(w).toEqual({ from: '2024-01-01', to: '2024-12-31' });
    expect(summariseSignals(signals, w).get('1')).toEqual({
      nuisanceReports: 2,
      vacancyMonths: 12,
      roomLettingPermit: true,
    });
    expect(latestYearWindow([])).toBeNull();
  });
});
