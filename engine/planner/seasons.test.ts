import { describe, expect, it } from 'vitest';
import { dayNumber } from '../retrofit/iso-day.ts';
import { earliestWorks, SHIPPED_CALENDARS } from '../retrofit/natuurkalender.ts';
import { seasonJson, seasonsOf } from './seasons.ts';

const cal = SHIPPED_CALENDARS.landelijk!;
const d = (s: string): number => dayNumber(s)!;

describe('seasonsOf', () => {
  it('gives a najaar and a voorjaar season per year from the national line', () => {
    const s = seasonsOf(cal, d('2025-07-01'), d('2033-12-31')).map(seasonJson);
    expect(s.map((x) => x.id).slice(0, 4)).toEqual(['2025-najaar', '2026-voorjaar', '2026-najaar', '2027-voorjaar']);
    expect(s).toHaveLength(17);
    expect(s[0]).toEqual({
      id: '2025-najaar',
      year: 2025,
      exclusionFrom: '2025-08-01',
      exclusionUntil: '2025-10-27',
      insulationFrom: '2025-08-06',
      insulationUntil: '2026-03-15',
    });
    expect(s[1]).toMatchObject({
      exclusionFrom: '2026-03-16',
      exclusionUntil: '2026-03-27',
      insulationFrom: '2026-03-21',
      insulationUntil: '2026-07-31',
    });
    expect(s.at(-1)).toMatchObject({ id: '2033-najaar', insulationUntil: '2033-12-31' });
  });

  it('agrees with earliestWorks: exclusion at the season start, insulation on the natuurvrij day', () => {
    for (const s of seasonsOf(cal, d('2025-07-01'), d('2028-12-31'))) {
      const w = earliestWorks(cal, s.exclusionFrom - 2);
      expect(w.exclusionDay).toBe(s.exclusionFrom);
      expect(w.insulationDay).toBe(s.insulationFrom);
    }
  });

  it('skips a season whose exclusion window has passed when the window starts, and counts the registration', () => {
    const s = seasonsOf(cal, d('2025-10-30'), d('2026-12-31'));
    expect(s[0]!.id).toBe('2026-voorjaar');
    const t = seasonsOf(cal, d('2025-08-10'), d('2026-12-31'));
    expect(seasonJson(t[0]!).exclusionFrom).toBe('2025-08-12');
  });

  it('gives no season for a window that fits no exclusion', () => {
    expect(seasonsOf(cal, d('2026-04-01'), d('2026-07-20'))).toEqual([]);
  });
});
