import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ProgrammeTargets, meetsTarget, targetShare, targetText, type ProgrammeTarget } from './programme-targets.ts';
import type { SnapshotPoint } from './indicator-snapshot.ts';

const point: SnapshotPoint = {
  snapshotId: 's',
  takenOn: '2026-01-01',
  trigger: 'handmatig',
  dwellings: 200,
  labelEfg: 80,
  labelEfgByOwnership: { corporatie: 30 },
  ownership: { corporatie: 120, 'eigenaar-bewoner': 80 },
  type: { portiek: 50 },
};
const target = (p: Partial<ProgrammeTarget>): ProgrammeTarget => ({
  id: 't',
  description: 'd',
  area: 'alle',
  indicator: 'aandeel-eigendom',
  category: 'corporatie',
  max: 0.5,
  by: '2030-12-31',
  source: 's',
  assumption: true,
  ...p,
});

describe('programme targets', () => {
  it('the shipped file is valid, and every target names its source', () => {
    const f = ProgrammeTargets.parse(
      JSON.parse(readFileSync(new URL('../../config/progress-targets.default.json', import.meta.url), 'utf8')),
    );
    expect(f.targets.length).toBeGreaterThan(0);
    for (const t of f.targets) expect(t.source.length).toBeGreaterThan(20);
  });

  it('refuses a target without a bound or with an unknown key', () => {
    expect(
      ProgrammeTargets.safeParse({ id: 'x', retrieved: '2026-01-01', targets: [{ ...target({}), max: undefined }] })
        .success,
    ).toBe(false);
    expect(
      ProgrammeTargets.safeParse({ id: 'x', retrieved: '2026-01-01', targets: [{ ...target({}), extra: 1 }] }).success,
    ).toBe(false);
  });

  it('measures the share the target names and checks its bound', () => {
    expect(targetShare(target({}), point)).toBe(0.6);
    expect(meetsTarget(target({}), 0.6)).toBe(false);
    expect(targetShare(target({ indicator: 'aandeel-label-efg', category: '' }), point)).toBe(0.4);
    // The corporations' label agreement is measured on their own stock: 30 of 120.
    expect(targetShare(target({ indicator: 'aandeel-label-efg' }), point)).toBe(0.25);
    expect(targetShare(target({ indicator: 'aandeel-type', category: 'galerij' }), point)).toBe(0);
    expect(targetText(target({ min: 0.1 }))).toBe('minstens 10 % en hooguit 50 % (uiterlijk 31-12-2030)');
  });
});
