/**
 * The buurt parameters each buurt gets, and where each value came from. Low-income share: the CBS Kerncijfers
 * figure when imported (`voorraad import cbs`), else the buurt's row of the parameters file, else the file's stated
 * fallback. Energy-poverty indicators: the Monitor Energiearmoede's latest row for the buurt, else its wijk, else its
 * gemeente (a suppressed cell falls through the same way), else the file's row, else its fallback. Nothing falls
 * back silently: every fallback is a warning naming the buurt and the value.
 */
import type { Dataset } from '../dataset.ts';
import type { Buurt } from '../dwelling.ts';
import type { EnergyPovertyIndicators } from '../registers.ts';
import type { Issue } from '../result.ts';
import {
  DEFAULT_BUURT_PARAMETERS,
  INCOME_BAND_IDS,
  type BuurtParametersConfig,
  type IncomeShares,
} from './buurt-parameters-config.ts';

/** Where a buurt's low-income share came from; index order is what typed arrays store. */
export const LOW_INCOME_SOURCES = ['cbs', 'config', 'fallback', 'input'] as const;
export type LowIncomeSource = (typeof LOW_INCOME_SOURCES)[number];
export const ENERGY_POVERTY_INDICATORS = ['heq', 'lihe', 'lilek'] as const;
export type EnergyPovertyIndicator = (typeof ENERGY_POVERTY_INDICATORS)[number];
export type IndicatorSource = 'monitor' | 'config' | 'fallback' | 'unknown';

export interface IndicatorValue {
  /** Share of households 0–1; null when no source knows it. */
  share: number | null;
  source: IndicatorSource;
  /** Monitor region whose row gave the value (the buurt, its wijk or gemeente); null otherwise. */
  region: string | null;
  year: number | null;
}

export interface ResolvedBuurtParameters {
  buurtcode: string;
  /** THE low-income share of the buurt (0–1): the income band `laag`. */
  lowIncomeShare: number;
  lowIncomeSource: LowIncomeSource;
  incomeShares: IncomeShares;
  /** Net income of a low-income household, €/yr: the energy quote's denominator. */
  lowIncomeNetEurPerYear: number;
  energyPoverty: Record<EnergyPovertyIndicator, IndicatorValue>;
  /** The file row used (the buurt's or the fallback) is an assumption / synthetic. */
  assumption: boolean;
  synthetic: boolean;
}

export interface BuurtParameterSet {
  /** Id of the parameters file used (outputs say which version they used). */
  configId: string;
  byCode: ReadonlyMap<string, ResolvedBuurtParameters>;
  warnings: Issue[];
}

/** Registers of a dataset the resolution reads (both optional). */
export type BuurtParameterInputs = Partial<Pick<Dataset, 'buurten' | 'energyPoverty'>>;

/** Income shares with the band `laag` set to `low` and the other bands scaled to keep their proportions. */
export function withLowIncomeShare(s: IncomeShares, low: number): IncomeShares {
  const rest = 1 - s.laag;
  const f = rest > 0 ? (1 - low) / rest : 0;
  const out = { laag: low, daeb: s.daeb * f, midden: s.midden * f, hoog: s.hoog * f };
  // All of the rest in daeb when the file gives the other bands nothing.
  if (rest <= 0) out.daeb = 1 - low;
  return out;
}

const regionsOf = (code: string): string[] => [code, `WK${code.slice(2, 8)}`, `GM${code.slice(2, 6)}`];
const PCT: Record<EnergyPovertyIndicator, 'heqPct' | 'lihePct' | 'lilekPct'> = {
  heq: 'heqPct',
  lihe: 'lihePct',
  lilek: 'lilekPct',
};

/** Latest monitor row per region. */
function latestByRegion(rows: readonly EnergyPovertyIndicators[]): Map<string, EnergyPovertyIndicators> {
  const out = new Map<string, EnergyPovertyIndicators>();
  for (const r of rows) {
    const old = out.get(r.regionCode);
    if (!old || r.year > old.year) out.set(r.regionCode, r);
  }
  return out;
}

/** The parameters of `codes` (every buurt a module works on) from the file and a dataset's registers. */
export function resolveBuurtParameters(
  codes: readonly string[],
  inputs: BuurtParameterInputs = {},
  config: BuurtParametersConfig = DEFAULT_BUURT_PARAMETERS,
): BuurtParameterSet {
  const warnings: Issue[] = [];
  const cbs = new Map((inputs.buurten ?? []).map((b: Buurt) => [b.buurtcode, b.lowIncomeShare]));
  const monitor = inputs.energyPoverty?.length ? latestByRegion(inputs.energyPoverty) : null;
  const byCode = new Map<string, ResolvedBuurtParameters>();
  for (const code of [...new Set(codes)].sort()) {
    const row = config.buurten[code];
    const base = row ?? config.fallback;
    if (!row)
      warnings.push({
        code: 'buurt-parameters.fallback',
        path: ['buurten', code],
        message: `${code}: not in buurt parameters ${config.id}; the stated fallback is used (${config.fallback.source})`,
      });
    const cbsShare = cbs.get(code);
    const lowIncomeSource: LowIncomeSource =
      cbsShare !== null && cbsShare !== undefined ? 'cbs' : row ? 'config' : 'fallback';
    const incomeShares =
      lowIncomeSource === 'cbs' ? withLowIncomeShare(base.incomeShares, cbsShare!) : { ...base.incomeShares };
    const energyPoverty = {} as Record<EnergyPovertyIndicator, IndicatorValue>;
    for (const k of ENERGY_POVERTY_INDICATORS) {
      let v: IndicatorValue | null = null;
      if (monitor) {
        for (const region of regionsOf(code)) {
          const m = monitor.get(region);
          const pct = m?.[PCT[k]];
          if (m && pct !== null && pct !== undefined) {
            v = { share: pct / 100, source: 'monitor', region, year: m.year };
            break;
          }
        }
        if (v?.region !== code)
          warnings.push({
            code: 'buurt-parameters.monitor.fallback',
            path: ['energyPoverty', code, k],
            message: `${code}: no ${k.toUpperCase()} figure for the buurt in the Monitor Energiearmoede (missing or suppressed); ${v ? `the row of ${v.region} is used` : `the parameters file's ${row ? 'row' : 'fallback'} is used`}`,
          });
      }
      if (!v) {
        const share = base.energyPoverty[k];
        v = { share, source: share === null ? 'unknown' : row ? 'config' : 'fallback', region: null, year: null };
      }
      energyPoverty[k] = v;
    }
    byCode.set(code, {
      buurtcode: code,
      lowIncomeShare: incomeShares.laag,
      lowIncomeSource,
      incomeShares,
      lowIncomeNetEurPerYear: row?.lowIncomeNetEurPerYear ?? config.incomeBands.netEurPerYear.laag,
      energyPoverty,
      assumption: base.assumption,
      synthetic: base.synthetic,
    });
  }
  return { configId: config.id, byCode, warnings };
}

/** Per-buurt columns aligned with a table's buurt codes, as the retrofit scoring reads them. */
export interface BuurtColumns {
  lowIncomeShare: Float32Array;
  /** Net income of a low-income household per buurt, €/yr. */
  quoteIncomeEur: Float32Array;
  /** Index into LOW_INCOME_SOURCES. */
  source: Uint8Array;
}

export function buurtColumns(set: BuurtParameterSet, codes: readonly string[]): BuurtColumns {
  const at = (code: string): ResolvedBuurtParameters => {
    const r = set.byCode.get(code);
    if (!r) throw new Error(`buurt parameters: ${code} was not resolved`);
    return r;
  };
  return {
    lowIncomeShare: Float32Array.from(codes, (c) => at(c).lowIncomeShare),
    quoteIncomeEur: Float32Array.from(codes, (c) => at(c).lowIncomeNetEurPerYear),
    source: Uint8Array.from(codes, (c) => LOW_INCOME_SOURCES.indexOf(at(c).lowIncomeSource)),
  };
}

/** Expected income-band shares as an array in INCOME_BAND_IDS order. */
export function incomeShareArray(s: IncomeShares): number[] {
  return INCOME_BAND_IDS.map((b) => s[b]);
}
