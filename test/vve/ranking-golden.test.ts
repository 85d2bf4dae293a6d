import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { rankVves } from '../../engine/vve/vve-assess.ts';
import { rankingBody } from '../../engine/vve/vve-body.ts';
import { DEFAULT_VVE_CONFIG } from '../../engine/vve/vve-config.ts';
import { generateShipped } from '../../geodata/shipped.ts';
import { SHIPPED_SEED } from '../../geodata/shipped-seed.ts';
import { golden } from '../scenarios/regen.ts';

const FILE = fileURLToPath(new URL('./golden/shipped-ranking.json', import.meta.url));
/** The programme's five buurten: a buurt added to the generator later does not move this file. */
const BUURTEN = ['BU16740202', 'BU16740300', 'BU16740301', 'BU16740302', 'BU16740303'];
/** A fixed run date, so the rules picked (and the file) do not change with the calendar. */
const RULES_DATE = '2026-12-08';

describe('VvE ranking of the shipped dataset (golden; REGEN=1 rewrites it)', () => {
  it('equals test/vve/golden/shipped-ranking.json, with the rule versions it used', () => {
    const all = generateShipped(SHIPPED_SEED);
    const dwellings = all.dwellings.filter((d) => BUURTEN.includes(d.buurtcode));
    const ids = new Set(dwellings.map((d) => d.vboId));
    const ds = { ...all, dwellings, vves: all.vves.filter((v) => v.members.every((m) => ids.has(m.vboId))) };
    const r = rankVves(ds, { config: DEFAULT_VVE_CONFIG, rulesDate: RULES_DATE });
    if (!r.ok) throw new Error(r.issues.map((i) => i.message).join('; '));
    const body = rankingBody(ds.meta, r.value, r.warnings, DEFAULT_VVE_CONFIG);
    const text = `${JSON.stringify(
      {
        rulesDate: body.rulesDate,
        rulesUsed: body.rulesUsed.map((v) => v.version),
        shortlist: body.shortlist,
        rejected: body.rejected.map((v) => v.vveId),
        vves: body.vves.map((v) => ({
          rank: v.rank,
          vveId: v.vveId,
          units: v.units,
          shortlisted: v.shortlisted,
          score: v.score,
          warmtefonds: `${v.warmtefonds.path ?? 'none'}${v.warmtefonds.failing.length ? ` ${v.warmtefonds.failing.join(',')}` : ''}`,
          qualifiedMajority: v.qualifiedMajorityProbability,
          decision: v.decisionProbability,
          reasons: v.reasons.map((x) => x.code).join(' '),
        })),
      },
      null,
      1,
    )}\n`;
    expect(text).toBe(golden(FILE, text));
    expect(body.rulesUsed.map((v) => v.version)).toContain('warmtefonds.vve.max-per-right@2026-01-01');
    // The threshold holds: nobody on the shortlist has a decision probability under it.
    for (const v of body.vves.filter((x) => x.shortlisted))
      expect(v.decisionProbability).toBeGreaterThanOrEqual(DEFAULT_VVE_CONFIG.shortlistMinDecisionProbability);
  }, 120_000);
});
