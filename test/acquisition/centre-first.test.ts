import { describe, expect, it } from 'vitest';
import { DEFAULT_ACQUISITION_CONFIG } from '../../engine/acquisition/params.ts';
import { planAcquisition } from '../../engine/acquisition/plan.ts';
import { safetyAggregates } from '../../engine/acquisition/safety-aggregates.ts';
import { ordinanceOn } from '../../geodata/rules/ordinance.ts';
import { generateShipped } from '../../geodata/shipped.ts';
import { generateSyntheticSignals } from '../../geodata/synthetic-signals/generate-signals.ts';

/**
 * From the shipped dataset (what a fresh clone serves), the acquisition list starts with Centrum-Oud, the zone the
 * €1.5M is meant for (docs/domain.md §1), and the safety layer has figures for it.
 */
const ds = generateShipped();
const signals = generateSyntheticSignals(ds, { seed: 1674, dataDate: ds.meta.dataDate });

describe('acquisition on the shipped dataset', () => {
  for (const withSignals of [true, false]) {
    it(`lists Centrum-Oud candidates first and spends the budget there (${withSignals ? 'with' : 'without'} signals)`, () => {
      const r = planAcquisition({
        dwellings: ds.dwellings,
        vves: ds.vves,
        signals: withSignals ? signals : null,
        config: DEFAULT_ACQUISITION_CONFIG,
        ordinance: ordinanceOn('2026-06-01'),
      });
      if (!r.ok) throw new Error(r.issues[0]!.message);
      const p = r.value;
      const centre = p.zones.find((z) => z.id === 'centrum-oud')!;
      expect(centre.candidates).toBeGreaterThan(500);
      expect(r.warnings.map((w) => w.code)).not.toContain('acquisition.zone.no-candidates');
      const firstOther = p.candidates.findIndex((c) => c.zoneId !== 'centrum-oud');
      expect(firstOther).toBe(centre.candidates);
      expect(p.candidates.slice(0, centre.candidates).every((c) => c.buurtcode === 'BU16740000')).toBe(true);
      expect(centre.selected).toBeGreaterThan(0);
      expect(centre.budgetShare).toBeGreaterThan(0.9);
      expect(centre.reasons[0]!.label.length).toBeGreaterThan(5);
      expect(p.zones.reduce((a, z) => a + z.selectedCostEur, 0)).toBe(p.selectedCostEur);
      // The housing ordinance appears in the reasons (config/rules/ordinance.json).
      expect(p.ordinance?.versions).toContain('ordinance.distance-rule.radius-m@2025-11-01');
      const centreReasons = new Set(p.candidates.filter((c) => c.zoneId === 'centrum-oud').flatMap((c) => c.reasons));
      expect(centreReasons.has('verordening.opkoopbescherming')).toBe(true);
      expect(centreReasons.has('signaal.kamerverhuur-concentratie')).toBe(withSignals);
    });
  }

  it('gives the safety layer figures for Centrum-Oud', () => {
    const r = safetyAggregates({
      buurten: ds.buurten.map((b) => ({ code: b.buurtcode, name: b.buurtnaam })),
      dwellingBuurt: new Map(ds.dwellings.map((d) => [d.vboId, d.buurtcode])),
      signals,
      vacancyMonthsThreshold: 6,
    });
    if (!r.ok) throw new Error(r.message);
    const centre = r.value.buurten.find((b) => b.buurtcode === 'BU16740000')!;
    expect(centre.dwellings).toBeGreaterThan(800);
    expect(centre.roomLettingAddresses).toBeGreaterThanOrEqual(10);
    expect(centre.vacantAddresses).toBeGreaterThanOrEqual(10);
  });
});
