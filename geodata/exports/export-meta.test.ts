import { describe, expect, it } from 'vitest';
import { metaLines, type ExportMeta } from './export-meta.ts';

const base: ExportMeta = {
  title: 'Proef',
  exportedBy: { name: 'p', role: 'vhf', via: 'session' },
  exportedAt: '2025-03-01T10:00:00.000Z',
  dataset: { name: 'Set', dataDate: '2025-01-01', synthetic: false },
  signals: { source: 'synthetic', included: false, window: null },
  purpose: { id: 'verwerving', label: 'Verwerving' },
  rows: 1,
  notes: ['n'],
};
const signalsLine = (m: ExportMeta): string | number | undefined => metaLines(m).find(([k]) => k === 'Signalen')?.[1];

describe('metaLines', () => {
  it('states who, when, which dataset, the purpose and the notes, in order', () => {
    expect(metaLines(base).map(([k]) => k)).toEqual([
      'Export',
      'Geëxporteerd door',
      'Geëxporteerd op',
      'Dataset',
      'Synthetisch',
      'Signalen',
      'Doel',
      'Aantal rijen',
      'Privacy',
      'Toelichting',
    ]);
  });

  it('signals of the acquisition list: included with source and window, or withheld for the role', () => {
    expect(
      signalsLine({
        ...base,
        signals: { source: 'register', included: true, window: { from: '2024-01-01', to: '2024-12-31' } },
      }),
    ).toBe('gemeentelijke registratie, 2024-01-01 t/m 2024-12-31 (alleen klassen)');
    expect(signalsLine(base)).toBe('niet opgenomen (rol zonder inzage in signalen)');
  });

  it('a list that uses no signals states its own line instead', () => {
    expect(signalsLine({ ...base, signals: { ...base.signals, statement: 'niet gebruikt in deze lijst' } })).toBe(
      'niet gebruikt in deze lijst',
    );
  });
});
