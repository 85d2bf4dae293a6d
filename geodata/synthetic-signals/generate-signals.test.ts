import { describe, expect, it } from 'vitest';
import { Signal } from '../../engine/registers.ts';
import { safetyAggregates } from '../../engine/acquisition/safety-aggregates.ts';
import { generateShipped } from '../shipped.ts';
import { generateSyntheticSignals } from './generate-signals.ts';
import { signalSetFor, splitRestricted } from './signal-set.ts';

const ds = generateShipped();

describe('synthetic signals', () => {
  const signals = generateSyntheticSignals(ds, { seed: 1674, dataDate: ds.meta.dataDate });

  it('are valid Signal records for the year before the data date, for dataset dwellings only', () => {
    const ids = new Set(ds.dwellings.map((d) => d.vboId));
    expect(signals.length).toBeGreaterThan(100);
    for (const s of signals) {
      expect(Signal.safeParse(s).success).toBe(true);
      expect(ids.has(s.vboId)).toBe(true);
      expect([s.periodStart, s.periodEnd]).toEqual(['2024-01-01', '2024-12-31']);
      expect(s.nuisanceReports! > 0 || s.vacancyMonths! > 0 || s.roomLettingPermit).toBe(true);
    }
  });

  it('are reproducible from the seed and differ for another seed', () => {
    expect(generateSyntheticSignals(ds, { seed: 1674, dataDate: ds.meta.dataDate })).toEqual(signals);
    expect(generateSyntheticSignals(ds, { seed: 1675, dataDate: ds.meta.dataDate })).not.toEqual(signals);
  });

  it('give the safety layer figures above and below the disclosure threshold', () => {
    const r = safetyAggregates({
      buurten: ds.buurten.map((b) => ({ code: b.buurtcode, name: b.buurtnaam })),
      dwellingBuurt: new Map(ds.dwellings.map((d) => [d.vboId, d.buurtcode])),
      signals,
      vacancyMonthsThreshold: 6,
    });
    if (!r.ok) throw new Error(r.message);
    const values = r.value.buurten.flatMap((b) => [b.nuisanceAddresses, b.vacantAddresses, b.roomLettingAddresses]);
    expect(values.some((v) => v !== null && v >= 10)).toBe(true);
    expect(values.some((v) => v === null)).toBe(true);
  });

  it('are used only for a synthetic dataset without signals, and marked synthetic', () => {
    expect(signalSetFor(ds, undefined)).toMatchObject({ source: 'synthetic', synthetic: true });
    expect(signalSetFor({ ...ds, meta: { ...ds.meta, synthetic: false } }, undefined)).toEqual({
      signals: [],
      source: 'none',
      synthetic: false,
    });
    const own = signals.slice(0, 3);
    expect(signalSetFor(ds, own)).toEqual({ signals: own, source: 'register', synthetic: false });
    const split = splitRestricted({ ...ds, signals: own });
    expect('signals' in split.dataset).toBe(false);
    expect(split.signalSet.source).toBe('register');
  });
});
