import { describe, expect, it } from 'vitest';
import { parseHestiaLabelCsv, parseMinimumLevels, parseWoonElementLevels } from './hestia-csv.ts';

const LABEL_HEADER =
  'type_str;bouwjaar_str;eigendom_str;freq_label_A;freq_label_B;freq_label_C;freq_label_D;freq_label_E;freq_label_F;freq_label_G';
const WOON_HEADER = ['Energielabel', 'VL', 'DS', 'DP', 'MS', 'MG', 'DR', 'PL', 'RO', 'RB', 'freq', 'count']
  .map((c) => `"${c}"`)
  .join('\t');
const woonRow = (label: string, ms: string, freq: number): string =>
  [`"${label}"`, '"N0"', '"N0"', '"N2"', ms ? `"${ms}"` : '', '', '', '', '"N1"', '"N1"', String(freq), '1'].join('\t');

describe('parseHestiaLabelCsv', () => {
  it('reads a row and strips a BOM', () => {
    const rows = parseHestiaLabelCsv(
      `\uFEFF${LABEL_HEADER}\nVrijstaand;1946 - 1964;koop;0.1;0.2;0.3;0.2;0.1;0.05;0.05\n`,
    );
    expect(rows).toEqual([
      { type: 'Vrijstaand', period: '1946 - 1964', owner: 'koop', freq: [0.1, 0.2, 0.3, 0.2, 0.1, 0.05, 0.05] },
    ]);
  });
  it('rejects an unknown type, owner, missing column or bad number', () => {
    expect(() => parseHestiaLabelCsv(`${LABEL_HEADER}\nBungalow;1946 - 1964;koop;0;0;0;0;0;0;1`)).toThrow(/type_str/);
    expect(() => parseHestiaLabelCsv(`${LABEL_HEADER}\nVrijstaand;1946 - 1964;huur;0;0;0;0;0;0;1`)).toThrow(
      /eigendom_str/,
    );
    expect(() => parseHestiaLabelCsv('type_str;bouwjaar_str\nVrijstaand;1946 - 1964')).toThrow(/missing column/);
    expect(() => parseHestiaLabelCsv(`${LABEL_HEADER}\nVrijstaand;1946 - 1964;koop;x;0;0;0;0;0;1`)).toThrow(
      /freq_label/,
    );
  });
});

describe('parseWoonElementLevels', () => {
  const all = ['A', 'B', 'C', 'D', 'E', 'F', 'G'].map((l) => woonRow(l, 'N1', 0.5));
  it('weights levels by freq and ignores not-applicable cells', () => {
    const text = [WOON_HEADER, ...all, woonRow('G', 'N0', 1.5), woonRow('G', '', 9)].join('\n');
    const t = parseWoonElementLevels(text);
    expect(t.G.cavityWall).toEqual([0.75, 0.25, 0, 0, 0]);
    expect(t.G.glazing).toEqual([0, 1, 0, 0, 0]);
  });
  it('rejects an unknown level or a label without rows', () => {
    expect(() => parseWoonElementLevels([WOON_HEADER, ...all, woonRow('A', 'N7', 1)].join('\n'))).toThrow(
      /unknown level/,
    );
    expect(() => parseWoonElementLevels([WOON_HEADER, ...all.slice(1)].join('\n'))).toThrow(/no rows for label A/);
  });
});

describe('parseMinimumLevels', () => {
  const header = 'Bouwjaar;VL;DS;DP;MS;MG;DR;PL;RO;RB;KR';
  it('reads the period bounds', () => {
    const rows = parseMinimumLevels(`${header}\n1992 - 2011;N2;N2;N2;N2;;N0;N2;N0;N0;\n`);
    expect(rows[0]).toEqual({
      from: 1992,
      to: 2011,
      levels: { floor: 'N2', pitchedRoof: 'N2', flatRoof: 'N2', cavityWall: 'N2', glazing: 'N0' },
    });
  });
  it('rejects a malformed period', () => {
    expect(() => parseMinimumLevels(`${header}\nna 1992;N2;N2;N2;N2;;N0;N2;N0;N0;`)).toThrow(/Bouwjaar/);
  });
});
