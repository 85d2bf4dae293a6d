import { describe, expect, it } from 'vitest';
import { securityDataset } from '../test-fixtures/security-dataset.ts';
import { DEFAULT_ACQUISITION_CONFIG, parseAcquisitionConfig } from './params.ts';
import { planAcquisition } from './plan.ts';
import { isSignalReason } from './reason-codes.ts';

const ds = securityDataset();
const plan = (signals: boolean, cfg = DEFAULT_ACQUISITION_CONFIG) => {
  const r = planAcquisition({
    dwellings: ds.dwellings,
    vves: ds.vves,
    signals: signals ? ds.signals! : null,
    config: cfg,
  });
  if (!r.ok) throw new Error(r.issues[0]!.message);
  return r;
};

describe('planAcquisition', () => {
  it('lists non-corporation dwellings of the default zones, ranked by zone priority and then score', () => {
    const { value: p } = plan(true);
    expect(p.candidates.length).toBe(ds.dwellings.filter((d) => d.ownership !== 'corporatie').length);
    expect(p.candidates.every((c) => c.ownership !== 'corporatie')).toBe(true);
    expect(p.excluded.ownership).toBe(ds.dwellings.filter((d) => d.ownership === 'corporatie').length);
    expect(p.candidates.map((c) => c.rank)).toEqual(p.candidates.map((_, i) => i + 1));
    for (let i = 1; i < p.candidates.length; i++) {
      const [a, b] = [p.candidates[i - 1]!, p.candidates[i]!];
      expect(a.zonePriority).toBeLessThanOrEqual(b.zonePriority);
      if (a.zonePriority === b.zonePriority) expect(a.score).toBeGreaterThanOrEqual(b.score);
    }
    expect(p.zones.map((z) => z.id)).toEqual(['centrum-oud', 'kalsdonk', 'westrand']);
    expect(p.signalWindow).toEqual({ from: '2024-01-01', to: '2024-12-31' });
  });

  it('summarises each zone: candidates, selection, cost, budget share and reasons in words', () => {
    const { value: p } = plan(true);
    for (const z of p.zones) {
      const mine = p.candidates.filter((c) => c.zoneId === z.id);
      expect(z.candidates).toBe(mine.length);
      expect(z.selected).toBe(mine.filter((c) => c.selected).length);
      expect(z.selectedCostEur).toBe(mine.filter((c) => c.selected).reduce((a, c) => a + c.estimatedCostEur, 0));
      expect(z.budgetShare).toBeCloseTo(z.selectedCostEur / p.budgetEur, 4);
      for (const r of z.reasons) expect(r.label).not.toBe(r.code);
    }
    const centre = p.zones.find((z) => z.id === 'centrum-oud')!;
    expect(centre.reasons.find((r) => r.code === 'zone.prioriteit')?.count).toBe(centre.selected);
  });

  it('spends the budget on the first zone in line before the others', () => {
    const { value: p } = plan(true);
    const left = p.budgetEur - p.zones[0]!.selectedCostEur;
    const cheapestUnselectedFirst = Math.min(
      ...p.candidates.filter((c) => c.zonePriority === 1 && !c.selected && c.score > 0).map((c) => c.estimatedCostEur),
    );
    // Whatever later zones got, the first zone could not have used it for one more of its own candidates.
    if (Number.isFinite(cheapestUnselectedFirst)) expect(cheapestUnselectedFirst).toBeGreaterThan(left - 1_000);
  });

  it('selects within the €1.5M budget and only as much as fits', () => {
    const { value: p } = plan(true);
    expect(p.budgetEur).toBe(1_500_000);
    expect(p.selectedCostEur).toBeLessThanOrEqual(1_500_000);
    expect(p.selectedCount).toBe(p.candidates.filter((c) => c.selected).length);
    const cheapestLeft = Math.min(...p.candidates.filter((c) => !c.selected).map((c) => c.estimatedCostEur));
    expect(p.selectedCostEur + cheapestLeft).toBeGreaterThan(1_500_000 - 1_000 * p.selectedCount);
  });

  it('explains scores with reason codes, including banded signals, and prefers the old centre', () => {
    const { value: p } = plan(true);
    const withNuisance = p.candidates.find((c) => c.reasons.includes('signaal.overlast-herhaald'));
    expect(withNuisance?.signals?.nuisanceBand).toMatch(/^(3-5|6\+)$/);
    const centre = p.candidates.filter((c) => c.zoneId === 'centrum-oud');
    expect(centre.length).toBeGreaterThan(0);
    expect(centre.every((c) => c.reasons.includes('zone.prioriteit'))).toBe(true);
    expect(p.candidates.some((c) => c.reasons.includes('strategisch.corporatie-in-pand'))).toBe(true);
  });

  it('without signals (a role that may not see them) has no signal bands, components or reasons', () => {
    const { value: p } = plan(false);
    expect(p.usesSignals).toBe(false);
    for (const c of p.candidates) {
      expect(c.signals).toBeNull();
      expect(c.components.signals).toBeNull();
      expect(c.reasons.some(isSignalReason)).toBe(false);
    }
  });

  it('warns about a zone without candidates and respects a smaller budget', () => {
    const cfg = parseAcquisitionConfig({
      budgetEur: 300_000,
      zones: [...DEFAULT_ACQUISITION_CONFIG.zones, { id: 'leeg', name: 'Leeg', priority: 3, buurten: ['BU16740501'] }],
    });
    if (!cfg.ok) throw new Error('config');
    const r = plan(true, cfg.value);
    expect(r.value.selectedCostEur).toBeLessThanOrEqual(300_000);
    expect(r.warnings.map((w) => w.code)).toContain('acquisition.zone.no-candidates');
  });

  it('rejects an invalid configuration with paths', () => {
    const r = parseAcquisitionConfig({ budgetEur: -5, zones: [{ id: 'x', name: 'x', priority: 1 }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues.map((i) => i.path[0])).toEqual(expect.arrayContaining(['budgetEur', 'zones']));
  });
});
