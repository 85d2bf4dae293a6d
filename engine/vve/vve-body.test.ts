import { describe, expect, it } from 'vitest';
import { rankVves } from './vve-assess.ts';
import { modelAssumptions, rankingBody } from './vve-body.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';
import { VveRankingSchema } from './vve-schemas.ts';

describe('rankingBody', () => {
  it('validates against the API schema and carries the dataset, its synthetic flag and the assumptions', () => {
    const ds = vveDataset([{ vveId: 'VVE-A', ownership: owners(9) }]);
    const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG });
    if (!r.ok) throw new Error('ranking failed');
    const body = VveRankingSchema.parse(rankingBody(ds.meta, r.value, r.warnings, DEFAULT_VVE_CONFIG));
    expect(body.dataset).toEqual({ name: 'VvE-proefset', synthetic: true, dataDate: '2025-06-30' });
    expect(body).toMatchObject({ asOf: '2025-06-30', count: 1, shortlist: ['VVE-A'], rejected: [], warnings: [] });
    expect(body.assumptions).toEqual(modelAssumptions(DEFAULT_VVE_CONFIG));
  });
});

describe('modelAssumptions', () => {
  it('states the model assumptions with the configured numbers, in Dutch', () => {
    const text = modelAssumptions(DEFAULT_VVE_CONFIG).join('\n');
    expect(text).toContain('66,7 %');
    expect(text).toContain('logistisch');
    expect(text).toContain('aanname');
  });
  it('follows the configuration', () => {
    const text = modelAssumptions({
      ...DEFAULT_VVE_CONFIG,
      decision: { ...DEFAULT_VVE_CONFIG.decision, corporationVote: 'against', ownerAttendance: 0.5 },
    }).join('\n');
    expect(text).toContain('als één blok tegen');
    expect(text).toContain('50 %');
  });
});
