import { describe, expect, it } from 'vitest';
import { VVE_REASON_CODES, VVE_REASON_LABELS, reason } from './vve-reasons.ts';

describe('VvE reason codes', () => {
  it('every code has a Dutch text', () => {
    for (const c of VVE_REASON_CODES) expect(VVE_REASON_LABELS[c].length).toBeGreaterThan(10);
  });
  it('stable dotted codes; a reason carries its text', () => {
    for (const c of VVE_REASON_CODES) expect(c).toMatch(/^[a-z]+\.[a-z-]+$/);
    expect(reason('bestuur.slapend')).toEqual({ code: 'bestuur.slapend', text: VVE_REASON_LABELS['bestuur.slapend'] });
  });
});
