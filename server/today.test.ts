import { afterEach, describe, expect, it, vi } from 'vitest';
import { todayInNl } from './today.ts';

describe('todayInNl', () => {
  afterEach(() => vi.restoreAllMocks());

  it('gives the Dutch calendar date, across midnight and both clock changes', () => {
    expect(todayInNl(new Date('2025-03-31T22:30:00Z'))).toBe('2025-04-01');
    expect(todayInNl(new Date('2025-03-30T21:59:00Z'))).toBe('2025-03-30');
    expect(todayInNl(new Date('2025-03-30T22:00:00Z'))).toBe('2025-03-31');
    expect(todayInNl(new Date('2025-10-26T22:59:00Z'))).toBe('2025-10-26');
    expect(todayInNl(new Date('2025-10-26T23:00:00Z'))).toBe('2025-10-27');
  });

  it('formats once per minute, and refuses an invalid date as before', () => {
    // `format` is a getter (it hands out a bound function): count its reads.
    const format = vi.spyOn(Intl.DateTimeFormat.prototype as unknown as { format: unknown }, 'format', 'get');
    const t = Date.UTC(2026, 5, 1, 10, 0, 0);
    for (let s = 0; s < 60; s++) expect(todayInNl(new Date(t + s * 1000))).toBe('2026-06-01');
    expect(format).toHaveBeenCalledTimes(1);
    expect(() => todayInNl(new Date(Number.NaN))).toThrow(RangeError);
  });

  it('builds no date formatter per call (it was 8 % of the server main thread under the soak)', () => {
    const ctor = vi.spyOn(Intl, 'DateTimeFormat');
    for (let i = 0; i < 10; i++) todayInNl(new Date(Date.UTC(2026, 0, 1 + i)));
    expect(ctor).not.toHaveBeenCalled();
  });
});
