/**
 * Pure parsers for the Hestia CSVs the retrofit engine embeds (text in, typed rows out): TNO measure
 * levels and costs, hybrid heat pump and boiler figures, hot-water demand per type × period.
 * Used by scripts/retrofit-extract.ts (docs/sources.md).
 */
import { HESTIA_TYPES, type HestiaType } from './hestia-types.ts';
import { columnIndex as column, lines } from './csv-text.ts';
import {
  TNO_COST_COLUMNS,
  TNO_PARTS,
  type TnoCostColumn,
  type TnoLevel,
  type TnoLevels,
  type TnoPart,
} from './tno-types.ts';

function num(cell: string | undefined, where: string): number {
  const x = Number(cell);
  if (cell === undefined || cell.trim() === '' || !Number.isFinite(x))
    throw new Error(`${where}: expected a number, found "${cell}"`);
  return x;
}

/** isolatiemaatregelen.csv (`,`): levels N0..N4 of the parts we model, with value, R_RV and €/m². */
export function parseTnoMeasures(text: string): Record<TnoPart, TnoLevels> {
  const file = 'isolatiemaatregelen.csv';
  const [head, ...body] = lines(text);
  const header = head!.split(',');
  const iPart = column(header, 'bouwdeel', file);
  const iLevel = column(header, 'niveau', file);
  const iMeasure = column(header, 'maatregel', file);
  const iReduction = column(header, 'R_RV', file);
  const iValue = column(header, 'Rc_U_Qv10_waarde', file);
  const iCost = TNO_COST_COLUMNS.map((c) => column(header, c, file));
  const out = {} as Record<TnoPart, TnoLevel[]>;
  for (const p of TNO_PARTS) out[p] = [];
  body.forEach((line, n) => {
    const cells = line.split(',');
    const where = `${file}:${n + 2}`;
    const part = cells[iPart] as TnoPart;
    if (!TNO_PARTS.includes(part)) return;
    const level = /^N([0-4])$/.exec(cells[iLevel] ?? '');
    if (!level) throw new Error(`${where}: bad niveau ${cells[iLevel]}`);
    if (Number(level[1]) !== out[part].length) throw new Error(`${where}: levels of ${part} out of order`);
    const costs = iCost.map((i) => cells[i]!.trim());
    let costPerM2: TnoLevel['costPerM2'] = null;
    if (costs.some((c) => c !== '')) {
      const entries = TNO_COST_COLUMNS.map((c, k) => [c, num(costs[k], `${where} ${c}`)] as const);
      costPerM2 = Object.fromEntries(entries) as Record<TnoCostColumn, number>;
    }
    out[part].push({
      measure: cells[iMeasure]!,
      value: num(cells[iValue], `${where} value`),
      reductionPct: num(cells[iReduction], `${where} R_RV`),
      costPerM2,
    });
  });
  for (const p of TNO_PARTS)
    if (out[p].length !== 5) throw new Error(`${file}: part ${p} needs levels N0..N4, found ${out[p].length}`);
  return out as unknown as Record<TnoPart, TnoLevels>;
}

export interface HybridHeatPumpFigures {
  /** Installatie.csv `name`. */
  installation: string;
  /** Ki_asl_min_w: fixed investment per dwelling, €. */
  fixedCostEur: number;
  /** Ki_cap_min_w: investment per kW, €. */
  costPerKwEur: number;
  lifetimeYears: number;
  /** R_OH: yearly maintenance as a share of the investment. */
  maintenanceShare: number;
  /** Performance.csv SPF_b of the heat pump part. */
  spf: number;
  /** Performance.csv P_vol per schillabel: share of the space-heating volume the heat pump delivers ('x' = G or worse). */
  heatShareByLabel: Readonly<Record<'A' | 'B' | 'C' | 'D' | 'E' | 'F' | 'x', number>>;
}

/** Installatie.csv + Performance.csv rows of the basic hybrid heat pump (BasisHWP_w). */
export function parseHybridHeatPump(
  installatie: string,
  performance: string,
  name = 'BasisHWP_w',
): HybridHeatPumpFigures {
  const inst = lines(installatie);
  const ih = inst[0]!.split(',');
  const row = inst
    .slice(1)
    .map((l) => l.split(','))
    .find((c) => c[0] === name);
  if (!row) throw new Error(`Installatie.csv: no row ${name}`);
  const get = (col: string) => num(row[column(ih, col, 'Installatie.csv')], `Installatie.csv ${name} ${col}`);
  const perf = lines(performance);
  const ph = perf[0]!.split(',');
  const [iName, iLabel, iProduct, iVol, iSpf] = [
    'Installatie_name',
    'schillabel_name',
    'ProductType_name',
    'P_vol',
    'SPF_b',
  ].map((c) => column(ph, c, 'Performance.csv'));
  const rows = perf
    .slice(1)
    .map((l) => l.split(','))
    .filter((c) => c[iName!] === name && c[iProduct!] === 'RV');
  const share: Record<string, number> = {};
  let spf = NaN;
  for (const c of rows) {
    share[c[iLabel!]!] = num(c[iVol!], `Performance.csv ${name} P_vol`);
    spf = num(c[iSpf!], `Performance.csv ${name} SPF_b`);
  }
  for (const l of ['A', 'B', 'C', 'D', 'E', 'F', 'x'])
    if (!(l in share)) throw new Error(`Performance.csv: no ${name} row for schillabel ${l}`);
  return {
    installation: name,
    fixedCostEur: get('Ki_asl_min_w'),
    costPerKwEur: get('Ki_cap_min_w'),
    lifetimeYears: get('levensduur'),
    maintenanceShare: get('R_OH'),
    spf,
    heatShareByLabel: share as HybridHeatPumpFigures['heatShareByLabel'],
  };
}

/** Performance.csv: seasonal efficiency of the HR boiler for space heating (RV) and hot water (TW). */
export function parseBoilerEfficiency(performance: string, name = 'HR'): { spaceHeating: number; hotWater: number } {
  const perf = lines(performance);
  const ph = perf[0]!.split(',');
  const [iName, iProduct, iSpf] = ['Installatie_name', 'ProductType_name', 'SPF_b'].map((c) =>
    column(ph, c, 'Performance.csv'),
  );
  const spfOf = (product: string): number => {
    const c = perf
      .slice(1)
      .map((l) => l.split(','))
      .find((r) => r[iName!] === name && r[iProduct!] === product);
    if (!c) throw new Error(`Performance.csv: no ${name} ${product} row`);
    return num(c[iSpf!], `Performance.csv ${name} ${product}`);
  };
  return { spaceHeating: spfOf('RV'), hotWater: spfOf('TW') };
}

/** 20230523_Woningen_BAG.csv: hot-water demand Vtw_asl (GJ/yr per dwelling) per Hestia type and build period (owner-independent). */
export function parseHotWaterDemand(text: string, periods: readonly string[]): Record<HestiaType, number[]> {
  const file = '20230523_Woningen_BAG.csv';
  const [head, ...body] = lines(text);
  const header = head!.split(';');
  const [iType, iPeriod, iVtw] = ['type_str', 'bouwjaar_str', 'Vtw_asl'].map((c) => column(header, c, file));
  const out = {} as Record<HestiaType, number[]>;
  for (const t of HESTIA_TYPES) out[t] = periods.map(() => NaN);
  body.forEach((line, n) => {
    const c = line.split(';');
    const t = c[iType!] as HestiaType;
    if (!HESTIA_TYPES.includes(t)) throw new Error(`${file}:${n + 2}: unknown type_str ${c[iType!]}`);
    const k = periods.indexOf(c[iPeriod!]!);
    if (k < 0) return;
    const v = num(c[iVtw!], `${file}:${n + 2} Vtw_asl`);
    if (!Number.isNaN(out[t][k]!) && out[t][k] !== v)
      throw new Error(`${file}:${n + 2}: Vtw_asl differs between owners`);
    out[t][k] = v;
  });
  for (const t of HESTIA_TYPES) if (out[t].some(Number.isNaN)) throw new Error(`${file}: missing Vtw_asl for ${t}`);
  return out;
}
