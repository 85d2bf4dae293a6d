import { describe, expect, it } from 'vitest';
import { runDateNl } from './run-date.ts';

describe('runDateNl', () => {
  it('gives the Dutch calendar date, which runs ahead of UTC late in the evening', () => {
    expect(runDateNl(new Date('2026-12-07T12:00:00Z'))).toBe('2026-12-07');
    expect(runDateNl(new Date('2026-12-07T23:30:00Z'))).toBe('2026-12-08');
    expect(runDateNl(new Date('2026-07-01T22:30:00Z'))).toBe('2026-07-02');
  });
});
