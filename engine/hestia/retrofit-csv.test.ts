import { describe, expect, it } from 'vitest';
import { parseBoilerEfficiency, parseHotWaterDemand, parseHybridHeatPump, parseTnoMeasures } from './retrofit-csv.ts';

const COSTS = 'Zst_Egw_Ind,Zst_Egw_Prj,Zst_Mgw_Ind,Zst_Mgw_Prj,Nat_Egw_Ind,Nat_Egw_Prj,Nat_Mgw_Ind,Nat_Mgw_Prj';
const HEAD = `bouwdeel,niveau,maatregel,${COSTS},R_RV,Rc_U_Qv10_waarde`;
const part = (p: string) => [
  `${p},N0,x RC=0.36,,,,,,,,,0,0.36`,
  `${p},N1,x RC=1.3,1,2,3,4,5,6,7,8,63.9,1.3`,
  `${p},N2,x RC=1.8,1,2,3,4,5,6,7,8,73,1.8`,
  `${p},N3,x RC=3.5,1,2,3,4,5,6,7,8,85,3.5`,
  `${p},N4,x RC=6,1,2,3,4,5,6,7,8,91,6`,
];
const ALL = [HEAD, ...['MS', 'DS', 'DP', 'VL', 'RB', 'KR'].flatMap(part)].join('\n');

describe('TNO measure table parser', () => {
  it('reads levels, values, R_RV and the eight cost columns; skips parts we do not model', () => {
    const t = parseTnoMeasures(`\uFEFF${ALL}\n`);
    expect(Object.keys(t)).toEqual(['MS', 'DS', 'DP', 'VL', 'RB']);
    expect(t.MS[0]).toEqual({ measure: 'x RC=0.36', value: 0.36, reductionPct: 0, costPerM2: null });
    expect(t.MS[1].costPerM2).toMatchObject({ Zst_Egw_Ind: 1, Nat_Mgw_Prj: 8 });
  });
  it('rejects missing columns, bad numbers, missing or out-of-order levels', () => {
    expect(() => parseTnoMeasures(ALL.replace('R_RV', 'RRV'))).toThrow(/missing column R_RV/);
    expect(() => parseTnoMeasures(ALL.replace('MS,N1,x RC=1.3,1', 'MS,N1,x RC=1.3,een'))).toThrow(/expected a number/);
    expect(() => parseTnoMeasures(ALL.replace(/MS,N4.*\n/, ''))).toThrow(/MS needs levels N0..N4/);
    expect(() => parseTnoMeasures(ALL.replace('MS,N1', 'MS,N2'))).toThrow(/out of order/);
  });
});

const INST = 'name,Ki_asl_min_w,Ki_cap_min_w,R_OH,levensduur\nBasisHWP_w,2315,250,0.0345,15\n';
const PERF = [
  'Installatie_name,schillabel_name,ProductType_name,P_vol,SPF_b',
  'HR,x,RV,0.7,1.04',
  'HR,x,TW,0.8,0.76',
  ...['A', 'B', 'C', 'D', 'E', 'F', 'x'].map((l, i) => `BasisHWP_w,${l},RV,${0.65 - i * 0.03},4.25`),
].join('\n');

describe('installation parsers', () => {
  it('hybrid heat pump: costs, life, SPF and heat share per label', () => {
    const h = parseHybridHeatPump(INST, PERF);
    expect(h).toMatchObject({ fixedCostEur: 2315, costPerKwEur: 250, lifetimeYears: 15, spf: 4.25 });
    expect(h.heatShareByLabel.A).toBe(0.65);
    expect(() => parseHybridHeatPump(INST, PERF.replace(/\nBasisHWP_w,x.*/, ''))).toThrow(/schillabel x/);
    expect(() => parseHybridHeatPump(INST.replace('BasisHWP_w', 'Iets'), PERF)).toThrow(/no row BasisHWP_w/);
  });
  it('boiler efficiencies for space heating and hot water; merge-conflict lines are ignored', () => {
    expect(parseBoilerEfficiency(`${PERF}\n<<<<<<< HEAD\n`)).toEqual({ spaceHeating: 1.04, hotWater: 0.76 });
  });
  it('hot water per type and period, owner-independent', () => {
    const head = 'type_str;bouwjaar_str;eigendom_str;Vtw_asl';
    const types = [
      'Vrijstaand',
      '2 onder 1 kap',
      'rijwoning hoek',
      'rijwoning tussen',
      'meergezins: laag en midden',
      'meergezins: hoog',
    ];
    const rows = types.flatMap((t) => ['koop', 'wooncorp'].map((o) => `${t};voor 1930;${o};7.1`));
    expect(parseHotWaterDemand([head, ...rows].join('\n'), ['voor 1930']).Vrijstaand).toEqual([7.1]);
    expect(() =>
      parseHotWaterDemand([head, ...rows, 'Vrijstaand;voor 1930;parthuur;9'].join('\n'), ['voor 1930']),
    ).toThrow(/differs between owners/);
    expect(() => parseHotWaterDemand([head, ...rows.slice(2)].join('\n'), ['voor 1930'])).toThrow(
      /missing Vtw_asl for Vrijstaand/,
    );
  });
});
