import { describe, expect, it } from 'vitest';
import landelijk from '../../config/permit-profiles/landelijke-lijn-nvi.json' with { type: 'json' };
import { dayNumber } from '../retrofit/iso-day.ts';
import { capPeriodOf, parsePermitProfile, profileChain, profileOn, SHIPPED_PERMIT_PROFILES } from './permit-profile.ts';

const d = (s: string): number => dayNumber(s)!;
const codes = (json: unknown) => {
  const r = parsePermitProfile(json, 'x.json');
  return r.ok ? [] : r.issues.map((i) => [i.code, i.path]);
};

describe('permit profiles', () => {
  it('ship the national line (17 May 2024, 3 years, 3/2/1 % per CBS buurt), a placeholder pre-SMP and an SMP', () => {
    const nvi = SHIPPED_PERMIT_PROFILES['landelijke-lijn-nvi']!;
    expect([nvi.validFrom, nvi.validUntil, nvi.cap!.per, nvi.cap!.base]).toEqual([
      '2024-05-17',
      '2027-05-16',
      'cbs-buurt',
      'private-ground-bound',
    ]);
    expect(nvi.cap!.periods.map((p) => p.share)).toEqual([0.03, 0.02, 0.01]);
    expect(nvi.notification).toMatchObject({ required: true, leadHours: 48 });
    expect(SHIPPED_PERMIT_PROFILES['pre-smp']!.placeholder).toBe(true);
    expect(SHIPPED_PERMIT_PROFILES['pre-smp']!.source).toMatch(/PLACEHOLDER VALUES TO CONFIRM/);
    expect(SHIPPED_PERMIT_PROFILES.smp!.cap).toBeNull();
  });

  it('codes a cap outside (0, 1], overlapping periods, a validity beyond its maximum and an end before the start', () => {
    const periods = landelijk.cap.periods;
    expect(
      codes({ ...landelijk, cap: { ...landelijk.cap, periods: [{ ...periods[0], share: 0 }, ...periods.slice(1)] } }),
    ).toEqual([['permit.cap.out-of-range', ['cap', 'periods', 0, 'share']]]);
    expect(
      codes({
        ...landelijk,
        cap: { ...landelijk.cap, periods: [periods[0], { ...periods[1], share: 1.5 }, periods[2]] },
      }),
    ).toEqual([['permit.cap.out-of-range', ['cap', 'periods', 1, 'share']]]);
    expect(
      codes({
        ...landelijk,
        cap: { ...landelijk.cap, periods: [periods[0], { ...periods[1], from: '2025-01-01' }, periods[2]] },
      }),
    ).toEqual([['permit.validity.overlap', ['cap', 'periods', 1]]]);
    expect(codes({ ...landelijk, validUntil: '2027-05-17' })).toEqual([['permit.validity.too-long', ['validUntil']]]);
    expect(codes({ ...landelijk, validUntil: '2024-01-01', cap: null })).toEqual([
      ['permit.validity.until-before-from', ['validUntil']],
    ]);
    expect(codes({ ...landelijk, kind: 'wish' })[0]).toEqual(['permit.invalid-value', ['kind']]);
  });

  it('chains a profile and its successor without overlap, and finds the profile and cap period of a work', () => {
    const chain = profileChain(SHIPPED_PERMIT_PROFILES, 'landelijke-lijn-nvi', 'pre-smp');
    if (!chain.ok) throw new Error('chain');
    expect(profileOn(chain.value, d('2027-03-16'), d('2027-03-21'))?.id).toBe('landelijke-lijn-nvi');
    expect(profileOn(chain.value, d('2027-05-10'), d('2027-05-20'))).toBeNull(); // across the change: no single basis
    expect(profileOn(chain.value, d('2027-08-01'), d('2027-08-06'))?.id).toBe('pre-smp');
    expect(capPeriodOf(chain.value[0]!, d('2026-08-01'))).toBe(2);
    const overlap = profileChain(
      { ...SHIPPED_PERMIT_PROFILES, late: { ...SHIPPED_PERMIT_PROFILES.smp!, id: 'late', validFrom: '2027-01-01' } },
      'landelijke-lijn-nvi',
      'late',
    );
    expect(overlap.ok ? null : overlap.issues[0]).toMatchObject({
      code: 'permit.validity.overlap',
      path: ['permit', 'successor'],
    });
    const unknown = profileChain(SHIPPED_PERMIT_PROFILES, 'toString', null);
    expect(unknown.ok ? null : unknown.issues[0]).toMatchObject({
      code: 'plan.permit.unknown',
      path: ['permit', 'profile'],
    });
  });
});
