import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, yearOf } from './iso-date.ts';

describe('iso-date', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-01-01', -366)).toBe('2024-01-01');
  });
  it('counts days between dates', () => {
    expect(daysBetween('2015-01-01', '2025-01-01')).toBe(3653);
    expect(daysBetween('2025-01-01', '2024-12-31')).toBe(-1);
    expect(yearOf('2025-06-30')).toBe(2025);
  });
  it('rejects malformed or impossible dates', () => {
    expect(() => addDays('2025-1-1', 1)).toThrow(/YYYY-MM-DD/);
    expect(() => yearOf('2025-02-30')).toThrow(/calendar date/);
  });
});
