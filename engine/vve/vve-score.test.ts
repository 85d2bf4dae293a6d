import { describe, expect, it } from 'vitest';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { vveScore, type ScoreFacts } from './vve-score.ts';

const cfg = DEFAULT_VVE_CONFIG.score;
const good: ScoreFacts = {
  units: 12,
  minDwellings: 8,
  eligibleWarmtefonds: true,
  warmtefondsFailing: [],
  warmtefondsPath: 'large',
  preconditionsToArrange: [],
  quorumMissedProbability: 0,
  active: true,
  corporationVoteShare: 0.3,
  ownerOccupierShare: 0.5,
  poorLabelShare: 1,
  maintenanceDueCount: 3,
  decisionProbability: 1,
  netPerRightPerMonthEur: 25,
  surveyNeeded: true,
  assumed: false,
};

describe('vveScore', () => {
  it('gives the ideal candidate of docs/domain.md §3 all 100 points, with its reasons', () => {
    const r = vveScore(good, cfg);
    expect(r.score).toBe(100);
    expect(r.reasons.map((x) => x.code)).toEqual([
      'omvang.warmtefonds',
      'bestuur.actief',
      'corporatie.goed-aandeel',
      'eigenaren.bewoners',
      'label.slecht',
      'onderhoud.nodig',
      'besluit.kansrijk',
      'financien.netto-voordeel',
      'natuur.onderzoek',
    ]);
    expect(r.reasons[0]!.text).toMatch(/Warmtefonds/);
  });
  it('loses the activity points when dormant, and says so', () => {
    const r = vveScore({ ...good, active: false }, cfg);
    expect(r.score).toBe(100 - cfg.weights.active);
    expect(r.reasons.map((x) => x.code)).toContain('bestuur.slapend');
  });
  it('marks a corporation majority and missing loan eligibility', () => {
    const r = vveScore(
      {
        ...good,
        corporationVoteShare: 0.6,
        eligibleWarmtefonds: false,
        warmtefondsFailing: ['omvang.te-klein', 'lening.te-laag'],
        units: 6,
      },
      cfg,
    );
    expect(r.reasons.map((x) => x.code)).toEqual(
      expect.arrayContaining(['corporatie.bepalend', 'omvang.te-klein', 'lening.te-laag']),
    );
    expect(r.components.size).toBe(0);
    expect(r.components.corporationShare).toBe(0);
    expect(r.components.decision).toBe(cfg.corporationControlledDecisionCredit); // the corporation decides, not the owners
  });
  it('says when register data was assumed', () => {
    expect(vveScore({ ...good, assumed: true }, cfg).reasons.at(-1)!.code).toBe('gegevens.aangenomen');
  });
});
