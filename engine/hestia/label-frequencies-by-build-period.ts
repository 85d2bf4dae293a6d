/**
 * The Hestia label frequencies restricted to the build periods of engine/build-period.ts (the retrofit
 * engine's stock model stops at 2030; Hestia also publishes 2031–2050 for new construction).
 */
import { BUILD_PERIODS } from '../build-period.ts';
import type { LabelFrequencyRow } from './hestia-types.ts';
import { HESTIA_LABEL_FREQUENCIES } from './label-frequencies.ts';

const periods = new Set<string>(BUILD_PERIODS.map((p) => p.id));

/** Rows of HESTIA_LABEL_FREQUENCIES whose period is one of BUILD_PERIODS, in published order. */
export const LABEL_FREQUENCIES: readonly LabelFrequencyRow[] = HESTIA_LABEL_FREQUENCIES.filter((r) =>
  periods.has(r.period),
);
