import { describe, expect, it } from 'vitest';
import { DEFAULT_PROGRAMME_SETTINGS, cofinancingBudgetEur, programmeSettingsSchema } from './programme-settings.ts';

describe('programme settings', () => {
  it('ships the VHF budget, co-financing share and CO₂ factor of docs/domain.md with a source', () => {
    const s = DEFAULT_PROGRAMME_SETTINGS;
    expect(s).toMatchObject({ vhfBudgetEur: 8_400_000, cofinancingShare: 0.3, co2KgPerM3Gas: 1.78, end: '2033-12-31' });
    expect(s.source).toContain('docs/domain.md');
    expect(cofinancingBudgetEur(s)).toBe(2_520_000);
  });

  it('refuses a file without a source or with a share above 1', () => {
    const base = {
      id: 'x',
      retrieved: '2026-01-01',
      start: '2025-01-01',
      startIsAssumption: false,
      end: '2033-12-31',
      vhfBudgetEur: 1,
      co2KgPerM3Gas: 1,
    };
    expect(programmeSettingsSchema.safeParse({ ...base, cofinancingShare: 0.3 }).error?.issues[0]?.path).toEqual([
      'source',
    ]);
    expect(
      programmeSettingsSchema.safeParse({ ...base, source: 's', cofinancingShare: 1.3 }).error?.issues[0]?.path,
    ).toEqual(['cofinancingShare']);
  });
});
