import { describe, expect, it } from 'vitest';
import { rankVves } from '../../../engine/vve/vve-assess.ts';
import { rankingBody } from '../../../engine/vve/vve-body.ts';
import { DEFAULT_VVE_CONFIG } from '../../../engine/vve/vve-config.ts';
import { owners, vveDataset } from '../../../engine/vve/vve-fixture.ts';
import {
  buildingColorExpression,
  buildingFilter,
  centroidCollection,
  detailSections,
  mayExport,
  rankingSummary,
  scoreColor,
  SCORE_CLASSES,
} from './vve-model.ts';

const ds = vveDataset([
  { vveId: 'VVE-A', ownership: [...owners(3, 'corporatie'), ...owners(7)] },
  { vveId: 'VVE-B', ownership: [...owners(6, 'corporatie'), ...owners(4)] },
]);
const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG });
if (!r.ok) throw new Error('ranking failed');
const body = rankingBody(ds.meta, r.value, r.warnings, DEFAULT_VVE_CONFIG);

describe('VvE layer model', () => {
  it('colours by score class', () => {
    expect(scoreColor(10)).toBe(SCORE_CLASSES[0].color);
    expect(scoreColor(80)).toBe(SCORE_CLASSES[3].color);
    expect(scoreColor(50)).toBe(SCORE_CLASSES[1].color);
  });
  it("outlines exactly the buildings of ranked VvE's, coloured by their score", () => {
    const expr = buildingColorExpression(body.vves) as unknown[];
    expect(expr[0]).toBe('match');
    for (const v of body.vves) for (const p of v.pandIds) expect(expr[expr.indexOf(p) + 1]).toBe(scoreColor(v.score));
    expect(JSON.stringify(buildingFilter(body.vves))).toContain(body.vves[0]!.pandIds[0]!);
    expect(centroidCollection(body.vves).features).toHaveLength(2);
  });
  it('writes the detail panel in Dutch with nl-NL numbers', () => {
    const corp = body.vves.find((v) => v.vveId === 'VVE-B')!;
    const text = JSON.stringify(detailSections(corp));
    expect(text).toContain('corporatie bepalend');
    expect(text).toContain('60,0%');
    expect(text).toMatch(/€\s\d\.\d{3}/);
    expect(text).toContain('Ecologisch onderzoek');
    expect(text).toContain('15 maart 2025');
  });
  it('offers exports to every role but the meelezer, and summarises the list', () => {
    expect(mayExport('vhf')).toBe(true);
    expect(mayExport('viewer')).toBe(false);
    // VVE-A's chance of a decision is under the default threshold (25 %): no shortlist, and the panel says why.
    expect(rankingSummary(body)).toMatch(/^2 VvE's gerangschikt; pilot-shortlist: 0\. Synthetische gegevens\.$/);
    const a = JSON.stringify(detailSections(body.vves.find((v) => v.vveId === 'VVE-A')!));
    expect(a).toMatch(
      /niet op de shortlist: Kans op een besluit [\d,]+% ligt onder de drempel van 25% voor de shortlist/,
    );
    expect(a).toContain('tweede vergadering zonder quorum');
    expect(a).toContain('Maatwerk VvE Energieadvies');
  });
});
