import { describe, expect, it } from 'vitest';
import { referencedBuurten } from './scenario-files.ts';

describe('referencedBuurten', () => {
  it('finds buurt codes and programme areas named anywhere in a scenario, beyond the housing-mix buurten', () => {
    const scenario = {
      interventions: [{ area: 'Centrum-Oud' }, { area: 'Kalsdonk' }],
      targets: [{ area: 'BU16740501', nested: ['BU16740202'] }],
    };
    expect(referencedBuurten(scenario).sort()).toEqual(['BU16740000', 'BU16740501']);
    expect(referencedBuurten({ interventions: [{ area: 'Westrand' }] })).toEqual([]);
  });
});
