import { describe, expect, it } from 'vitest';
import { generateProgrammeFixture } from './programme-fixture.ts';
import { DEFAULT_PROGRAMME_SETTINGS } from './programme-settings.ts';
import { computeProgressFigures } from './progress-figures.ts';
import { mayFollow } from './status-ladder.ts';
import type { MonitorStatus } from './monitor-records.ts';

describe('seeded full-programme fixture', () => {
  const fx = generateProgrammeFixture({ seed: 3 });

  it('plans about 1,700 dwellings in five buurten over 2025–2033 and is the same for the same seed', () => {
    const dwellings = fx.plan.batches.flatMap((b) => b.dwellings);
    expect(dwellings).toHaveLength(1700);
    expect(new Set(dwellings.map((d) => d.vboId)).size).toBe(1700);
    expect(new Set(fx.plan.batches.map((b) => b.buurtcode)).size).toBe(5);
    expect(fx.statuses[0]!.date < '2025-01-01').toBe(false);
    expect(fx.statuses.at(-1)!.date <= '2033-12-31').toBe(true);
    expect(fx.statuses.at(-1)!.date >= '2033-10-01').toBe(true);
    expect(JSON.stringify(generateProgrammeFixture({ seed: 3 }))).toBe(JSON.stringify(fx));
    expect(JSON.stringify(generateProgrammeFixture({ seed: 4 }))).not.toBe(JSON.stringify(fx));
  });

  it('gives every dwelling a history that follows the status ladder', () => {
    const last = new Map<string, MonitorStatus>();
    for (const s of fx.statuses) {
      expect(mayFollow(last.get(s.vboId) ?? null, s.status), `${s.vboId} ${s.status}`).toBe(true);
      last.set(s.vboId, s.status);
    }
    const references = fx.money.map((m) => m.reference);
    expect(new Set(references).size).toBe(references.length);
    expect(fx.money.every((m) => m.amountEur >= 0)).toBe(true);
    expect(fx.money.some((m) => m.corrects !== null)).toBe(true);
  });

  it('stops at the data date and its figures add up to the records', () => {
    const cut = generateProgrammeFixture({ seed: 3, dataDate: '2027-06-30' });
    expect(cut.statuses.every((s) => s.date <= '2027-06-30')).toBe(true);
    expect(cut.money.every((m) => m.date <= '2027-06-30')).toBe(true);
    const r = computeProgressFigures({ quarter: '2027Q2', settings: DEFAULT_PROGRAMME_SETTINGS, ...cut });
    if (!r.ok) throw new Error('figures failed');
    const corrected = new Set(cut.money.map((m) => m.corrects));
    const paid = cut.money
      .filter((m) => m.kind === 'betaald' && !corrected.has(m.reference))
      .reduce((s, m) => s + m.amountEur, 0);
    expect(r.value.total.money.paidEur).toBeCloseTo(paid, 2);
    expect(r.value.total.realised.insulated).toBe(cut.statuses.filter((s) => s.status === 'geïsoleerd').length);
    expect(r.value.byBuurt.reduce((s, b) => s + b.realised.invited, 0)).toBe(r.value.total.realised.invited);
    expect(r.value.warnings).toEqual([]);
  });
});
