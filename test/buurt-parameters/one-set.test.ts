/**
 * One set of buurt parameters (docs/domain.md §5): the retrofit priority, the VvE ranking and the housing scenarios
 * must use the same low-income share for the same buurt. Each module's own view is read from its own output, so
 * this fails as soon as one of them takes the share from anywhere else.
 */
import { describe, expect, it } from 'vitest';
import { resolveBuurtParameters } from '../../engine/buurt-parameters/resolve.ts';
import { toColumns } from '../../engine/dwelling-table.ts';
import { compileScenario } from '../../engine/housing/compile.ts';
import { parseScenarioObject } from '../../engine/housing/scenario-yaml.ts';
import { DEFAULT_PARAMS } from '../../engine/retrofit/params.ts';
import { buildScoreTables } from '../../engine/retrofit/score-tables.ts';
import { retrofitContext } from '../../engine/retrofit/stock.ts';
import { DEFAULT_WEIGHTS } from '../../engine/retrofit/weights.ts';
import { rankVves, vveInput } from '../../engine/vve/vve-assess.ts';
import { DEFAULT_VVE_CONFIG } from '../../engine/vve/vve-config.ts';
import { FOCUS_BUURTEN, PROGRAMME_AREAS } from '../../geodata/boundaries/programme-areas.ts';
import { generateShipped } from '../../geodata/shipped.ts';
import { scenarioDataset } from '../../workers/scenario-files.ts';

const ds = generateShipped();
// An imported CBS Kerncijfers share for one buurt and Monitor rows for another: they must reach every module.
ds.buurten = ds.buurten.map((b) => (b.buurtcode === 'BU16740302' ? { ...b, lowIncomeShare: 0.2 } : b));
ds.energyPoverty = [
  {
    regionCode: 'BU16740202',
    year: 2022,
    heqPct: 9.5,
    lihePct: null,
    lilekPct: 6.1,
    households: 1650,
    table: 'fixture',
    dataDate: '2022-12-31',
  },
];
const table = toColumns(ds.dwellings);

function retrofitShares(): Map<string, number> {
  const ctx = retrofitContext(ds, table.buurtCodes);
  const T = buildScoreTables(DEFAULT_PARAMS, DEFAULT_WEIGHTS, table.buurtCodes, ctx.buurtLowIncomeShare, ctx);
  return new Map(table.buurtCodes.map((c, k) => [c, T.buurtShare[k]!]));
}

function vveShares(): Map<string, number> {
  const r = rankVves(vveInput(ds), { config: DEFAULT_VVE_CONFIG });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  const out = new Map<string, number>();
  for (const v of r.value.vves) for (const b of v.buurtParameters) out.set(b.buurtcode, b.lowIncomeShare);
  return out;
}

function housingShares(): { target: Map<string, number>; expected: Map<string, number> } {
  const data = scenarioDataset(ds, table);
  const p = parseScenarioObject({
    name: 'één set',
    description: 'buurtparameters',
    horizon: { start: 2025, end: 2027 },
    seed: 1,
    runs: 1,
  });
  if (!p.ok) throw new Error(JSON.stringify(p.issues));
  const c = compileScenario(p.scenario, {
    stock: data.stock,
    programmeAreas: PROGRAMME_AREAS,
    lowIncomeShare: data.lowIncomeShare,
  });
  if (!c.ok) throw new Error(JSON.stringify(c.issues));
  const codes = data.stock.buurtCodes;
  const { target, expected } = c.value.residentIncome;
  return {
    target: new Map(codes.map((code, b) => [code, target[b]!])),
    expected: new Map(codes.map((code, b) => [code, expected[b]!])),
  };
}

describe('one set of buurt parameters', () => {
  const truth = resolveBuurtParameters(table.buurtCodes, ds).byCode;
  const retrofit = retrofitShares();
  const vve = vveShares();
  const housing = housingShares();

  it('every module covers the buurten it works on: retrofit every buurt, housing the focus buurten', () => {
    for (const code of table.buurtCodes) expect(retrofit.has(code), `retrofit ${code}`).toBe(true);
    expect(FOCUS_BUURTEN.length).toBeGreaterThanOrEqual(5);
    for (const code of FOCUS_BUURTEN) expect(housing.target.has(code), `housing ${code}`).toBe(true);
    expect(vve.size).toBeGreaterThan(0);
  });

  it('retrofit priority, VvE ranking and housing scenarios agree per buurt with the resolved parameters', () => {
    for (const [code, p] of truth) {
      const want = p.lowIncomeShare;
      if (retrofit.has(code)) expect(retrofit.get(code), `retrofit ${code}`).toBeCloseTo(want, 6);
      if (vve.has(code)) expect(vve.get(code), `VvE ${code}`).toBeCloseTo(want, 4);
      if (housing.target.has(code)) {
        expect(housing.target.get(code), `housing target ${code}`).toBeCloseTo(want, 9);
        // The simulated first-year residents carry it too (in expectation).
        expect(housing.expected.get(code), `housing residents ${code}`).toBeCloseTo(want, 6);
      }
    }
  });

  it('the imported CBS share wins everywhere; Kalsdonk keeps its one figure (42 %) in every module', () => {
    expect(truth.get('BU16740302')!.lowIncomeSource).toBe('cbs');
    expect(retrofit.get('BU16740302')).toBeCloseTo(0.2, 6);
    expect(housing.target.get('BU16740302')).toBeCloseTo(0.2, 9);
    expect(retrofit.get('BU16740202')).toBeCloseTo(0.42, 6);
    expect(housing.target.get('BU16740202')).toBeCloseTo(0.42, 9);
    expect(vve.get('BU16740202')).toBeCloseTo(0.42, 4);
  });
});
