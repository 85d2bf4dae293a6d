import { describe, expect, it } from 'vitest';
import { controlStatuses, countStatuses, statusGroupOf } from './status-aggregate.ts';

const states = (n: number, status: string, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ vboId: `v${from + i}`, status }));

describe('status map aggregates', () => {
  it('groups plan statuses and counts them per buurt', () => {
    expect(['voorgesteld', 'onderzoek', 'natuurvrij', 'geïsoleerd', 'afgezien'].map(statusGroupOf)).toEqual([
      'voorgesteld',
      'lopend',
      'lopend',
      'geïsoleerd',
      'afgezien',
    ]);
    const list = [...states(3, 'onderzoek'), ...states(2, 'geïsoleerd', 3), { vboId: 'x', status: 'afgezien' }];
    const r = countStatuses(list, (v) => (v === 'x' ? undefined : v === 'v0' ? 'BU2' : 'BU1'));
    expect(r.unplaced).toBe(1);
    expect(r.counts).toEqual([
      { buurtcode: 'BU1', planned: 4, counts: { voorgesteld: 0, lopend: 2, geïsoleerd: 2, afgezien: 0 } },
      { buurtcode: 'BU2', planned: 1, counts: { voorgesteld: 0, lopend: 1, geïsoleerd: 0, afgezien: 0 } },
    ]);
  });

  it('hides counts under 10, rounds the rest to 5 and gives a share only with 50 planned dwellings', () => {
    const [big, small] = controlStatuses([
      { buurtcode: 'BU1', planned: 61, counts: { voorgesteld: 30, lopend: 12, geïsoleerd: 13, afgezien: 6 } },
      { buurtcode: 'BU2', planned: 40, counts: { voorgesteld: 10, lopend: 0, geïsoleerd: 29, afgezien: 1 } },
    ]);
    expect(big).toEqual({
      buurtcode: 'BU1',
      planned: 60,
      counts: { voorgesteld: 30, lopend: 10, geïsoleerd: 15, afgezien: null },
      insulatedShare: 15 / 61,
    });
    // A single declining owner (afgezien 1) cannot be read off; no share below 50 planned dwellings.
    expect(small!.counts.afgezien).toBeNull();
    expect(small!.insulatedShare).toBeNull();
    expect(small!.counts.geïsoleerd).toBe(30);
  });
});
