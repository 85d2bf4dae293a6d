import { describe, expect, it } from 'vitest';
import { handModel } from '../test-fixtures/plan-model.ts';
import { unspentReason } from './explain.ts';
import { greedyPlan } from './greedy.ts';
import { checkSelection } from './usage.ts';

const reason = (m: ReturnType<typeof handModel>) => {
  const chosen = greedyPlan(m);
  const { usage } = checkSelection(m, chosen);
  return unspentReason(m, usage, chosen, m.budgetEur - usage.eur);
};

describe('unspentReason', () => {
  it('says the remainder is below any batch when only the budget blocks', () => {
    const m = handModel({
      seasons: 2,
      budget: 15,
      units: [
        { id: 'a', dwellings: 1, eur: 10, values: [5, 4] },
        { id: 'b', dwellings: 1, eur: 10, values: [3, 2] },
      ],
    });
    expect(reason(m)).toMatchObject({ code: 'plan.binding.budget' });
    expect(reason(m)!.message).toContain('€5');
  });

  it('names capacity, year caps and the permit cap when they keep batches out', () => {
    expect(
      reason(
        handModel({
          seasons: 1,
          budget: 100,
          capDwellings: 1,
          units: [
            { id: 'a', dwellings: 1, eur: 10, values: [5] },
            { id: 'b', dwellings: 1, eur: 10, values: [4] },
          ],
        }),
      )?.code,
    ).toBe('plan.binding.capacity');
    expect(
      reason(
        handModel({
          seasons: 2,
          budget: 100,
          yearCaps: [[2026, 10]],
          units: [
            { id: 'a', dwellings: 1, eur: 10, values: [5, 4] },
            { id: 'b', dwellings: 1, eur: 10, values: [4, 3] },
          ],
        }),
      )?.code,
    ).toBe('plan.binding.year-cap');
    expect(
      reason(
        handModel({
          seasons: 2,
          budget: 100,
          permitCap: 1,
          units: [
            { id: 'a', dwellings: 1, eur: 10, values: [5, 4], permit: 1 },
            { id: 'b', dwellings: 1, eur: 10, values: [4, 3], permit: 1 },
          ],
        }),
      )?.code,
    ).toBe('plan.binding.permit-cap');
  });

  it("names the permit profile's end when the unplanned batches could go only in its (full) seasons", () => {
    const m = handModel({
      seasons: 2,
      budget: 100,
      capDwellings: 1,
      units: [
        { id: 'a', dwellings: 1, eur: 10, values: [5, null] },
        { id: 'b', dwellings: 1, eur: 10, values: [4, null] },
      ],
    });
    m.units[1]!.permitLimited = true;
    expect(reason(m)).toMatchObject({ code: 'plan.binding.permit-validity' });
    expect(reason(m)!.message).toContain('permit.successor');
  });

  it('says when everything is planned, when nothing fits a season, and gives null when nothing is left', () => {
    expect(
      reason(handModel({ seasons: 1, budget: 100, units: [{ id: 'a', dwellings: 1, eur: 10, values: [5] }] }))?.code,
    ).toBe('plan.binding.candidates');
    expect(
      reason(handModel({ seasons: 1, budget: 100, units: [{ id: 'a', dwellings: 1, eur: 10, values: [null] }] }))?.code,
    ).toBe('plan.binding.calendar');
    expect(reason(handModel({ seasons: 1, budget: 100, units: [] }))?.code).toBe('plan.binding.candidates');
    expect(
      reason(handModel({ seasons: 1, budget: 10, units: [{ id: 'a', dwellings: 1, eur: 10, values: [5] }] })),
    ).toBeNull();
  });
});
