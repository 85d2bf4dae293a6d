import { describe, expect, it } from 'vitest';
import { monthsIn, parsePeriod } from './signal-period.ts';

describe('signal periods', () => {
  it('reads years, months, quarters and explicit ranges', () => {
    expect(parsePeriod('2024', undefined, undefined)).toEqual(['2024-01-01', '2024-12-31']);
    expect(parsePeriod('2024-02', undefined, undefined)).toEqual(['2024-02-01', '2024-02-29']);
    expect(parsePeriod('03-2023', undefined, undefined)).toEqual(['2023-03-01', '2023-03-31']);
    expect(parsePeriod('2024K3', undefined, undefined)).toEqual(['2024-07-01', '2024-09-30']);
    expect(parsePeriod('', '01-01-2024', '2024-06-30')).toEqual(['2024-01-01', '2024-06-30']);
    expect(parsePeriod('', '2024-06-30', '2024-01-01')).toBeNull();
    expect(parsePeriod('2024-13', undefined, undefined)).toBeNull();
    expect(monthsIn(['2024-01-01', '2024-12-31'])).toBe(12);
  });
});
