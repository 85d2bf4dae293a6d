/**
 * Vocabularies and row shapes of the PBL/TNO Hestia reference tables (pbl-nl/model-hestia-public @ 80d04a75;
 * docs/sources.md), shared by the retrofit engine, the synthetic generator, the importers and the extractor.
 */
import type { ElementLevel } from '../dwelling.ts';

/** `type_str` of 20230523_Woningen_BAG.csv. */
export const HESTIA_TYPES = [
  'Vrijstaand',
  '2 onder 1 kap',
  'rijwoning hoek',
  'rijwoning tussen',
  'meergezins: laag en midden',
  'meergezins: hoog',
] as const;
export type HestiaType = (typeof HESTIA_TYPES)[number];

/** `eigendom_str`: owner-occupied, private rent, housing corporation. */
export const HESTIA_OWNERS = ['koop', 'parthuur', 'wooncorp'] as const;
export type HestiaOwner = (typeof HESTIA_OWNERS)[number];

/** Label classes of the Hestia/WoON tables, best first ("A" = A or better). */
export const HESTIA_LABELS = ['A', 'B', 'C', 'D', 'E', 'F', 'G'] as const;
export type HestiaLabel = (typeof HESTIA_LABELS)[number];

/** One row of 20230523_Woningen_BAG.csv: label frequencies A..G for type × build period × owner. */
export interface LabelFrequencyRow {
  type: HestiaType;
  /** `bouwjaar_str`, same ids as engine/build-period.ts plus 2031–2050. */
  period: string;
  owner: HestiaOwner;
  /** freq_label_A..freq_label_G as published (rows sum to 0.99–1.01). */
  freq: readonly [number, number, number, number, number, number, number];
}

/** Element parts we take from the WoON 2020 combination table, with the column each comes from. */
export const WOON_ELEMENT_COLUMNS = {
  floor: 'VL',
  pitchedRoof: 'DS',
  flatRoof: 'DP',
  cavityWall: 'MS',
  glazing: 'RB',
} as const;
export type WoonPart = keyof typeof WOON_ELEMENT_COLUMNS;

/** Weights of levels N0..N4 (sum 1), rounded to 6 decimals. */
export type LevelWeights = readonly [number, number, number, number, number];

/** Per label: marginal distribution of each part's level over the rows where it applies (freq-weighted). */
export type ElementLevelTable = Readonly<Record<HestiaLabel, Readonly<Record<WoonPart, LevelWeights>>>>;

/** One row of minimale_bouwdeelkwaliteit_na_1992.csv. */
export interface MinimumLevelRow {
  from: number;
  to: number;
  levels: Readonly<Record<WoonPart, ElementLevel>>;
}
