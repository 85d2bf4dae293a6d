import type { BuurtParameterSet, LowIncomeSource } from './resolve.ts';

/** The buurt parameters a module reports beside its results: shares 0–1 rounded to 4 decimals, null = not known. */
export interface BuurtParameterSummary {
  buurtcode: string;
  lowIncomeShare: number;
  lowIncomeSource: LowIncomeSource;
  heq: number | null;
  lihe: number | null;
  lilek: number | null;
  /** The file row used is an assumption / synthetic (config/buurt-parameters.default.json). */
  assumption: boolean;
  synthetic: boolean;
}

const r4 = (x: number | null): number | null => (x === null ? null : Math.round(x * 1e4) / 1e4);

/** Summaries of `codes` (each must be in the set). */
export function buurtParameterSummaries(set: BuurtParameterSet, codes: readonly string[]): BuurtParameterSummary[] {
  return codes.map((code) => {
    const p = set.byCode.get(code);
    if (!p) throw new Error(`buurt parameters: ${code} was not resolved`);
    return {
      buurtcode: code,
      lowIncomeShare: r4(p.lowIncomeShare)!,
      lowIncomeSource: p.lowIncomeSource,
      heq: r4(p.energyPoverty.heq.share),
      lihe: r4(p.energyPoverty.lihe.share),
      lilek: r4(p.energyPoverty.lilek.share),
      assumption: p.assumption,
      synthetic: p.synthetic,
    };
  });
}
