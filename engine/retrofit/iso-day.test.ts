import { describe, expect, it } from 'vitest';
import { dayNumber, dayOf, isoOfDay, monthDayOf, yearOf } from './iso-day.ts';

describe('calendar days as integers', () => {
  it('round-trips dates and rejects impossible ones', () => {
    expect(isoOfDay(dayNumber('2024-02-29')!)).toBe('2024-02-29');
    expect(dayNumber('2025-02-29')).toBeNull();
    expect(dayNumber('2025-13-01')).toBeNull();
    expect(dayNumber('1-2-2025')).toBeNull();
    expect(dayNumber('2025-01-02')! - dayNumber('2024-12-31')!).toBe(2);
  });
  it('gives month-day and year, and the day of a month-day in a year', () => {
    const d = dayNumber('2025-11-01')!;
    expect(monthDayOf(d)).toBe(1101);
    expect(yearOf(d)).toBe(2025);
    expect(dayOf(2025, 1101)).toBe(d);
  });
});
