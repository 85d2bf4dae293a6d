import { describe, expect, it } from 'vitest';
import { dayNumber, isoOfDay } from './iso-day.ts';
import {
  calendarValidOn,
  earliestWorks,
  parseNatuurkalender,
  SHIPPED_CALENDARS,
  type Natuurkalender,
} from './natuurkalender.ts';

const cal = SHIPPED_CALENDARS.landelijk!;
const works = (from: string, c: Natuurkalender = cal) => {
  const w = earliestWorks(c, dayNumber(from)!);
  return [isoOfDay(w.exclusionDay), isoOfDay(w.insulationDay)];
};

describe('natuurkalender (national line, domain.md §2)', () => {
  it.each([
    ['2025-03-01', '2025-03-16', '2025-03-21', 'hibernation until 15 March; flaps 5 days before insulating'],
    [
      '2025-03-25',
      '2025-03-27',
      '2025-04-01',
      '48 h registration; natuurvrij by 1 April, so insulating may go on in April',
    ],
    [
      '2025-03-26',
      '2025-08-01',
      '2025-08-06',
      'too late to be natuurvrij before 1 April: next window after the breeding season',
    ],
    ['2025-06-01', '2025-08-01', '2025-08-06', 'no exclusion in the breeding season'],
    ['2025-09-10', '2025-09-12', '2025-09-17', 'main window 1 Aug – 31 Oct'],
    [
      '2025-10-25',
      '2025-10-27',
      '2025-11-01',
      'natuurvrij by 1 November: insulation allowed in the hibernation period',
    ],
    ['2025-10-26', '2026-03-16', '2026-03-21', 'flaps would hang into November: wait for the spring window'],
    ['2025-12-31', '2026-03-16', '2026-03-21', 'across the new year'],
  ])('planned %s → exclusion %s, insulation %s (%s)', (from, exclusion, insulation) => {
    expect(works(from)).toEqual([exclusion, insulation]);
  });

  it('is data: a calendar without the natuurvrij exception or with other periods gives other dates', () => {
    const strict: Natuurkalender = {
      ...cal,
      id: 'streng',
      closedPeriods: cal.closedPeriods.map((p) => ({ ...p, insulationAllowedIfNatuurvrijBefore: false })),
    };
    expect(works('2025-10-25', strict)).toEqual(['2025-10-27', '2026-03-16']);
    const late: Natuurkalender = { ...cal, id: 'laat', registrationLeadHours: 0, exclusionMinDays: 10 };
    expect(works('2025-09-10', late)).toEqual(['2025-09-10', '2025-09-20']);
  });

  it('throws for a calendar that never opens (a data error, caught when the file is validated in review)', () => {
    const closed: Natuurkalender = {
      ...cal,
      closedPeriods: [
        { id: 'altijd', from: '01-01', to: '12-31', closes: ['exclusion'], insulationAllowedIfNatuurvrijBefore: false },
      ],
    };
    expect(() => earliestWorks(closed, dayNumber('2025-01-01')!)).toThrow(/no window/);
  });

  it('knows its validity (17 May 2024, at most 3 years)', () => {
    expect(calendarValidOn(cal, dayNumber('2025-01-01')!)).toBe(true);
    expect(calendarValidOn(cal, dayNumber('2027-06-01')!)).toBe(false);
  });

  it('validates a calendar file with coded issues naming the path', () => {
    const { id: _id, ...noId } = cal;
    expect(parseNatuurkalender(noId)).toMatchObject({
      ok: false,
      issues: [{ code: 'natuurkalender.missing', path: ['id'] }],
    });
    const badDay = { ...cal, closedPeriods: [{ ...cal.closedPeriods[0]!, from: '02-30' }] };
    expect(parseNatuurkalender(badDay)).toMatchObject({
      ok: false,
      issues: [{ code: 'natuurkalender.invalid-value', path: ['closedPeriods', 0, 'from'] }],
    });
    const badCloses = { ...cal, closedPeriods: [{ ...cal.closedPeriods[0]!, closes: ['slopen'] }] };
    const r = parseNatuurkalender(badCloses);
    expect(r).toMatchObject({
      ok: false,
      issues: [{ code: 'natuurkalender.invalid-value', path: ['closedPeriods', 0, 'closes', 0] }],
    });
    expect(!r.ok && r.issues[0]!.message).toContain('"exclusion", "insulation"');
    expect(parseNatuurkalender({ ...cal, extra: 1 })).toMatchObject({
      ok: false,
      issues: [{ code: 'natuurkalender.unknown-key', path: ['extra'] }],
    });
  });
});
