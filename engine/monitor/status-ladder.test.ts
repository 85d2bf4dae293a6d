import { describe, expect, it } from 'vitest';
import { MONITOR_STATUSES } from './monitor-records.ts';
import { allowedAfter, mayFollow } from './status-ladder.ts';

describe('monitor status ladder', () => {
  it('allows the steps in order and a decline from every open step', () => {
    expect(mayFollow(null, 'uitgenodigd')).toBe(true);
    expect(mayFollow('uitgenodigd', 'akkoord')).toBe(true);
    expect(mayFollow('akkoord', 'natuurvrij')).toBe(true);
    expect(mayFollow('natuurvrij', 'geïsoleerd')).toBe(true);
    for (const s of ['uitgenodigd', 'akkoord', 'natuurvrij'] as const) expect(mayFollow(s, 'afgezien')).toBe(true);
  });

  it('refuses a skipped step, a step back and anything after a final status', () => {
    expect(mayFollow(null, 'akkoord')).toBe(false);
    expect(mayFollow('uitgenodigd', 'natuurvrij')).toBe(false);
    expect(mayFollow('akkoord', 'geïsoleerd')).toBe(false);
    expect(mayFollow('natuurvrij', 'akkoord')).toBe(false);
    for (const to of MONITOR_STATUSES) {
      expect(mayFollow('geïsoleerd', to)).toBe(false);
      expect(mayFollow('afgezien', to)).toBe(false);
    }
    expect(allowedAfter('geïsoleerd')).toBe('none (geïsoleerd is final)');
    expect(allowedAfter('akkoord')).toBe('natuurvrij, afgezien');
  });
});
