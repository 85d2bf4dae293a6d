import { describe, expect, it } from 'vitest';
import { buurtStock, statusOf, withStock } from './stock-status.ts';

const buurt = (code: string) => ({ buurtcode: code, buurtnaam: `naam ${code}` }) as never;
const dwelling = (code: string, provenance: string) => ({ buurtcode: code, provenance }) as never;

describe('buurtStock', () => {
  it('says per buurt whether its dwellings are registered, synthetic, both or none', () => {
    const list = buurtStock({
      buurten: [buurt('BU1'), buurt('BU2'), buurt('BU3'), buurt('BU4')],
      dwellings: [
        dwelling('BU1', 'registered'),
        dwelling('BU1', 'imputed'),
        dwelling('BU2', 'synthetic'),
        dwelling('BU3', 'synthetic'),
        dwelling('BU3', 'registered'),
      ],
    });
    expect(list.map((b) => [b.buurtcode, b.registered, b.synthetic, b.status])).toEqual([
      ['BU1', 2, 0, 'geregistreerd'],
      ['BU2', 0, 1, 'synthetisch'],
      ['BU3', 1, 1, 'gemengd'],
      ['BU4', 0, 0, 'leeg'],
    ]);
    expect(withStock(list).map((b) => b.buurtcode)).toEqual(['BU1', 'BU2', 'BU3']);
  });
  it('classifies counts', () => {
    expect(statusOf(0, 0)).toBe('leeg');
    expect(statusOf(3, 0)).toBe('geregistreerd');
  });
});
