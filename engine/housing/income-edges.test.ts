import { describe, expect, it } from 'vitest';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';
import { housingRules } from './housing-rules.ts';
import { incomeEdges } from './income-edges.ts';
import { DEFAULT_PARAMS } from './params.ts';

describe('incomeEdges', () => {
  it("puts the band edges on each year's passend-toewijzen and DAEB limits, per household size class", () => {
    const r = housingRules(SHIPPED_RULES, [2025, 2026], {});
    if (!r.ok) throw new Error(r.issues[0]!.message);
    const e = incomeEdges(r.value.limits, DEFAULT_PARAMS);
    // 2025: passend limits 28.335 / 38.478 (assumed rows), DAEB 49.669 / 54.847.
    expect([...e.subarray(0, 10)]).toEqual([
      0.55 * 28335,
      28335,
      49669,
      1.5 * 49669,
      2.5 * 49669,
      0.55 * 38478,
      38478,
      54847,
      1.5 * 54847,
      2.5 * 54847,
    ]);
    // 2026 (Rijksoverheid, 25 November 2025): 29.400 / 39.925 and 51.537 / 56.910.
    expect([e[11], e[12], e[16], e[17]]).toEqual([29400, 51537, 39925, 56910]);
  });
});
