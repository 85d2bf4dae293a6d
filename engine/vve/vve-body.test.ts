import { describe, expect, it } from 'vitest';
import { rankVves } from './vve-assess.ts';
import { modelAssumptions, rankingBody } from './vve-body.ts';
import { DEFAULT_VVE_CONFIG } from './vve-config.ts';
import { owners, vveDataset } from './vve-fixture.ts';
import { VveRankingSchema } from './vve-schemas.ts';
import { vveRules } from './vve-rules.ts';
import { SHIPPED_RULES } from '../rules/shipped-rules.ts';

describe('rankingBody', () => {
  it('validates against the API schema and carries the dataset, its synthetic flag and the assumptions', () => {
    const ds = vveDataset([{ vveId: 'VVE-A', ownership: owners(9) }]);
    const cfg = { ...DEFAULT_VVE_CONFIG, shortlistMinDecisionProbability: 0 };
    const r = rankVves(ds, { config: cfg });
    if (!r.ok) throw new Error('ranking failed');
    const body = VveRankingSchema.parse(rankingBody(ds.meta, r.value, r.warnings, cfg));
    expect(body.dataset).toEqual({ name: 'VvE-proefset', synthetic: true, dataDate: '2025-06-30' });
    expect(body).toMatchObject({ asOf: '2025-06-30', count: 1, shortlist: ['VVE-A'], rejected: [], warnings: [] });
    expect(body.assumptions).toEqual(modelAssumptions(cfg, r.value.terms));
    expect(body.rulesDate).toBe('2025-06-30');
    expect(body.rulesUsed.map((v) => v.version)).toContain('warmtefonds.vve.max-per-right@2020-07-22');
  });
});

const terms = vveRules(SHIPPED_RULES, '2026-12-08', 15);
if (!terms.ok) throw new Error(terms.issues[0]!.message);
const TERMS = terms.value;

describe('modelAssumptions', () => {
  it('states the model assumptions with the configured numbers and the rules in force, in Dutch', () => {
    const text = modelAssumptions(DEFAULT_VVE_CONFIG, TERMS).join('\n');
    expect(text).toContain('66,7%');
    expect(text).toContain('tweede vergadering zonder quorum');
    expect(text).toContain('maximaal € 34.000 per appartementsrecht');
    expect(text).toContain('ten minste 25%');
    // Dutch numbers and words throughout: decimal commas, measure names, no code paths.
    expect(text).toContain('z = 1 + 0,08 × netto besparing');
    expect(text).toContain('Pakket: spouwmuurisolatie');
    expect(text).not.toMatch(/docs\/|engine\/|config\/|\b0\.\d/);
    expect(text).toContain('logistisch');
    expect(text).toContain('aanname');
  });
  it('follows the configuration', () => {
    const text = modelAssumptions(
      {
        ...DEFAULT_VVE_CONFIG,
        decision: { ...DEFAULT_VVE_CONFIG.decision, corporationVote: 'against', ownerAttendance: 0.5 },
      },
      TERMS,
    ).join('\n');
    expect(text).toContain('als één blok tegen');
    expect(text).toContain('50%');
  });
});
