import type { Dataset } from '../../engine/dataset.ts';
import type { Signal } from '../../engine/registers.ts';
import { generateSyntheticSignals } from './generate-signals.ts';

/**
 * The RESTRICTED signals the server and the export command work with, and where they come from: the dataset's
 * imported `signalen` table (read only with `readDataset(file, { restricted: true })`), or — for a synthetic
 * dataset without any — the seeded synthetic set, clearly marked. A real dataset without signals gets none.
 */
export interface SignalSet {
  signals: Signal[];
  source: 'register' | 'synthetic' | 'none';
  /** True when the signals are invented (responses and exports say so). */
  synthetic: boolean;
}

/** Seed of the synthetic signals when the dataset has no seed (Roosendaal's gemeente code). */
export const DEFAULT_SIGNALS_SEED = 1674;

export function signalSetFor(ds: Omit<Dataset, 'signals'>, signals: readonly Signal[] | undefined): SignalSet {
  if (signals && signals.length > 0) return { signals: [...signals], source: 'register', synthetic: false };
  if (!ds.meta.synthetic) return { signals: [], source: 'none', synthetic: false };
  return {
    signals: generateSyntheticSignals(ds, { seed: ds.meta.seed ?? DEFAULT_SIGNALS_SEED, dataDate: ds.meta.dataDate }),
    source: 'synthetic',
    synthetic: true,
  };
}

/** Splits a dataset read with `{ restricted: true }` into the unrestricted part and its signal set. */
export function splitRestricted(full: Dataset): { dataset: Dataset; signalSet: SignalSet } {
  const { signals, ...dataset } = full;
  return { dataset, signalSet: signalSetFor(dataset, signals) };
}
