/**
 * Energy-poverty priority of a dwelling: the buurt's low-income share (engine/buurt-parameters, the one set every
 * module reads) times the worse of a high energy quote and a low-quality dwelling — the two CBS/TNO monitor
 * definitions (docs/domain.md §5: low income + high energy quote, or low income + low-quality dwelling). The quote
 * is the dwelling's energy cost over the net income of a low-income household of its buurt (the income band
 * `laag` of the buurt parameters), not one national constant. Score 0–1.
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import type { WeightsConfig } from './weights.ts';

export type EnergyPovertyConfig = WeightsConfig['energyPoverty'];
export { LOW_INCOME_SOURCES, type LowIncomeSource } from '../buurt-parameters/resolve.ts';

/** "Low-quality dwelling" 0–1 per ENERGY_LABELS index. */
export function poorQualityByLabel(cfg: EnergyPovertyConfig): Float32Array {
  return Float32Array.from(ENERGY_LABELS, (l) => cfg.poorLabelQuality[l] ?? 0);
}

/** Score 0–1 from the buurt share, the dwelling's yearly energy cost (€), the household's net income (€/yr) and label index. */
export function energyPovertyScore(
  cfg: EnergyPovertyConfig,
  share: number,
  energyCostEur: number,
  incomeEurPerYear: number,
  labelIndex: number,
): number {
  const income = Math.min(share / cfg.lowIncomeShareFull, 1);
  const quote = Math.min(energyCostEur / (cfg.energyQuoteThreshold * incomeEurPerYear), 1);
  const quality = cfg.poorLabelQuality[ENERGY_LABELS[labelIndex]!] ?? 0;
  return income * Math.max(quote, quality);
}
