import { describe, expect, it } from 'vitest';
import { changedPriorities, featureState } from './feature-states.ts';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';

describe('retrofit feature state', () => {
  it('carries the classes and values the colour expressions read', () => {
    const c: RetrofitMapColumns = {
      count: 1,
      vboId: ['1674010000000001'],
      buurtCodes: ['BU16740202'],
      buurt: Uint16Array.of(0),
      ownership: Uint8Array.of(1),
      type: Uint8Array.of(0),
      priority: Float32Array.of(59.96),
      labelAfter: Uint8Array.of(2),
      riskScore: Float32Array.of(0.4),
      route: Uint8Array.of(0),
    };
    expect(featureState(c, 0)).toEqual({ priority: 60, labelAfter: 'A++', riskClass: 2, route: 'pre-smp' });
  });

  it('lists only the dwellings whose displayed priority changed (55,04 and 54,96 both show 55), with the new value', () => {
    const before = Float32Array.of(5, 19.9, 20, 55.04, 99);
    const after = Float32Array.of(5.04, 20.1, 29.96, 54.96, 99);
    expect(changedPriorities(before, after)).toEqual([
      { index: 1, priority: 20.1 },
      { index: 2, priority: 30 },
    ]);
    expect(changedPriorities(after, after)).toEqual([]);
  });
});
