import { describe, expect, it } from 'vitest';
import { rankVves } from './vve-assess.ts';
import { rankingBody } from './vve-body.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { vveExportTable } from './vve-export-table.ts';
import { owners, vveDataset } from './vve-fixture.ts';

const ds = vveDataset([
  { vveId: 'VVE-A', ownership: owners(9) },
  { vveId: 'VVE-B', ownership: owners(8) },
]);
ds.vves[1]!.members.push({ vboId: '1674010999999999', votes: 1 });
const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG });
if (!r.ok) throw new Error('ranking failed');
const body = rankingBody(ds.meta, r.value, r.warnings, DEFAULT_VVE_CONFIG);

describe('vveExportTable', () => {
  it('one row per ranked VvE, then the rejected ones with their issue codes and no score', () => {
    const t = vveExportTable(body);
    expect(t.rows.map((x) => x.vve_id)).toEqual(['VVE-A', 'VVE-B']);
    expect(t.rows[0]).toMatchObject({ rang: 1, warmtefonds: true, gegevens: 'synthetisch', labels: 'F:9' });
    expect(t.rows[1]!.score).toBeUndefined();
    expect(String(t.rows[1]!.problemen)).toMatch(/^vve\.members\.unknown: /);
    expect(new Set(t.columns.map((c) => c.key)).size).toBe(t.columns.length);
  });
});
