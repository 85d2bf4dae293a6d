import { describe, expect, it } from 'vitest';
import { QuarterId, quarterBounds, quarterFromOrdinal, quarterOf, quarterOrdinal, quartersBetween } from './quarter.ts';

describe('quarters', () => {
  it('puts dates in their calendar quarter', () => {
    expect(quarterOf('2027-01-01')).toBe('2027Q1');
    expect(quarterOf('2027-03-31')).toBe('2027Q1');
    expect(quarterOf('2027-04-01')).toBe('2027Q2');
    expect(quarterOf('2033-12-31')).toBe('2033Q4');
  });

  it('gives inclusive bounds and consecutive ordinals', () => {
    expect(quarterBounds('2027Q2')).toEqual({ from: '2027-04-01', until: '2027-06-30' });
    expect(quarterBounds('2025Q4')).toEqual({ from: '2025-10-01', until: '2025-12-31' });
    expect(quarterOrdinal('2026Q1') - quarterOrdinal('2025Q4')).toBe(1);
    expect(quarterFromOrdinal(quarterOrdinal('2031Q3'))).toBe('2031Q3');
  });

  it('lists the quarters of a period across years', () => {
    expect(quartersBetween('2025Q3', '2026Q2')).toEqual(['2025Q3', '2025Q4', '2026Q1', '2026Q2']);
    expect(quartersBetween('2026Q2', '2025Q3')).toEqual([]);
    expect(quartersBetween('2025Q1', '2033Q4')).toHaveLength(36);
  });

  it('refuses malformed ids with the expected form', () => {
    const r = QuarterId.safeParse('2027-Q1');
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toContain('YYYYQn');
    expect(() => quarterBounds('2027Q5')).toThrow(/not a quarter id/);
  });
});
