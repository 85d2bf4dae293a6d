import { describe, expect, it } from 'vitest';
import { imputeLevel, labelShares, levelDistribution, minimumLevel, stateOf, woonPartOf } from './element-state.ts';

describe('element state', () => {
  it('imputes from the label: a label-G wall is almost surely uninsulated, a label-A wall mostly N2', () => {
    const g = imputeLevel(levelDistribution('cavityWall', 1965, 'G', []));
    expect(g.level).toBe(0);
    expect(g.probability).toBeGreaterThan(0.9);
    expect(imputeLevel(levelDistribution('cavityWall', 1965, 'A+', [])).level).toBe(2);
  });
  it('raises to the post-1992 minimum (N2 for 1992–2011, N3 from 2012), moving the probability mass up', () => {
    expect(minimumLevel('floor', 1991)).toBe(0);
    expect(minimumLevel('floor', 1995)).toBe(2);
    expect(minimumLevel('cavityWall', 2013)).toBe(3);
    const d = levelDistribution('floor', 1995, 'G', []);
    expect(d[0]).toBe(0);
    expect(d[1]).toBe(0);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
  });
  it('without a label, mixes the WoON marginals over the Hestia label shares of type × period × owner', () => {
    const shares = labelShares('portiek', 1962, 'corporatie', 3);
    expect(shares).toHaveLength(7);
    const d = levelDistribution('cavityWall', 1962, null, shares);
    expect(d.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 6);
    expect(imputeLevel(d).level).toBe(0);
  });
  it('records the source, and the model probability of an assumed level', () => {
    expect(stateOf(1, 'known', [0.5, 0.5, 0, 0, 0])).toEqual({ level: 'N1', source: 'known', probability: 1 });
    expect(stateOf(1, 'assumed', [0.25, 0.75, 0, 0, 0])).toEqual({ level: 'N1', source: 'assumed', probability: 0.75 });
  });
  it('maps labels and roof parts', () => {
    expect(woonPartOf('roof', true)).toBe('flatRoof');
    expect(woonPartOf('roof', false)).toBe('pitchedRoof');
    expect(() => labelShares('portiek', 1962, 'corporatie', 3)).not.toThrow();
  });
});
