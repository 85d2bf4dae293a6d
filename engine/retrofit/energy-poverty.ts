/**
 * Energy-poverty priority of a dwelling: the buurt's low-income share (CBS HuishoudensMetEenLaagInkomen
 * when imported, or an override per buurt) times the worse of a high energy quote and a low-quality
 * dwelling — the two CBS/TNO monitor definitions (domain.md §5: low income + high energy quote, or low
 * income + low-quality dwelling). Score 0–1.
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import type { WeightsConfig } from './weights.ts';

export type EnergyPovertyConfig = WeightsConfig['energyPoverty'];
export const LOW_INCOME_SOURCES = ['override', 'cbs', 'default'] as const;
export type LowIncomeSource = (typeof LOW_INCOME_SOURCES)[number];

/** The low-income share of a buurt and where it came from: the weights file's override, the dataset (CBS), or the default. */
export function lowIncomeShareOf(
  cfg: EnergyPovertyConfig,
  buurtcode: string,
  datasetShare: number | null,
): { share: number; source: LowIncomeSource } {
  const override = cfg.lowIncomeShareByBuurt[buurtcode];
  if (override !== undefined) return { share: override, source: 'override' };
  if (datasetShare !== null && Number.isFinite(datasetShare)) return { share: datasetShare, source: 'cbs' };
  return { share: cfg.defaultLowIncomeShare, source: 'default' };
}

/** "Low-quality dwelling" 0–1 per ENERGY_LABELS index. */
export function poorQualityByLabel(cfg: EnergyPovertyConfig): Float32Array {
  return Float32Array.from(ENERGY_LABELS, (l) => cfg.poorLabelQuality[l] ?? 0);
}

/** Score 0–1 from the buurt share, the dwelling's yearly energy cost (€) and label index. */
export function energyPovertyScore(
  cfg: EnergyPovertyConfig,
  share: number,
  energyCostEur: number,
  labelIndex: number,
): number {
  const income = Math.min(share / cfg.lowIncomeShareFull, 1);
  const quote = Math.min(energyCostEur / (cfg.energyQuoteThreshold * cfg.referenceLowIncomeEurPerYear), 1);
  const quality = cfg.poorLabelQuality[ENERGY_LABELS[labelIndex]!] ?? 0;
  return income * Math.max(quote, quality);
}
