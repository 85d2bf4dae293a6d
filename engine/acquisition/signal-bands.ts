import type { Signal } from '../registers.ts';

/**
 * Per-dwelling summaries of RESTRICTED municipal signals over a window, and the bands exports may carry
 * instead of exact counts (docs/domain.md §6: "banded vacancy and signal counts").
 */
export interface SignalWindow {
  /** First day, YYYY-MM-DD (inclusive). */
  from: string;
  /** Last day, YYYY-MM-DD (inclusive). */
  to: string;
}

export interface DwellingSignalSummary {
  nuisanceReports: number;
  /** Months vacant within the window, capped at 12. */
  vacancyMonths: number;
  /** True when any period records a room-letting permit, false when one records none, null when unknown. */
  roomLettingPermit: boolean | null;
}

export const NUISANCE_BANDS = ['0', '1-2', '3-5', '6+'] as const;
export type NuisanceBand = (typeof NUISANCE_BANDS)[number];
export const VACANCY_BANDS = ['0 mnd', '1-5 mnd', '6-11 mnd', '12 mnd'] as const;
export type VacancyBand = (typeof VACANCY_BANDS)[number];
export const PERMIT_STATUSES = ['vergunning', 'geen vergunning', 'onbekend'] as const;
export type PermitStatus = (typeof PERMIT_STATUSES)[number];

/** The 12 months ending at the latest period end in the signals; null when there are none. */
export function latestYearWindow(signals: readonly Signal[]): SignalWindow | null {
  let to: string | null = null;
  for (const s of signals) if (to === null || s.periodEnd > to) to = s.periodEnd;
  if (to === null) return null;
  const [y, m, d] = to.split('-').map(Number) as [number, number, number];
  const from = new Date(Date.UTC(y - 1, m - 1, d + 1)).toISOString().slice(0, 10);
  return { from, to };
}

/** Sums each dwelling's signals whose period overlaps the window. */
export function summariseSignals(signals: readonly Signal[], window: SignalWindow): Map<string, DwellingSignalSummary> {
  const out = new Map<string, DwellingSignalSummary>();
  for (const s of signals) {
    if (s.periodEnd < window.from || s.periodStart > window.to) continue;
    let sum = out.get(s.vboId);
    if (!sum) out.set(s.vboId, (sum = { nuisanceReports: 0, vacancyMonths: 0, roomLettingPermit: null }));
    sum.nuisanceReports += s.nuisanceReports ?? 0;
    sum.vacancyMonths = Math.min(12, sum.vacancyMonths + (s.vacancyMonths ?? 0));
    if (s.roomLettingPermit === true) sum.roomLettingPermit = true;
    else if (s.roomLettingPermit === false && sum.roomLettingPermit === null) sum.roomLettingPermit = false;
  }
  return out;
}

export function nuisanceBand(reports: number): NuisanceBand {
  return reports <= 0 ? '0' : reports <= 2 ? '1-2' : reports <= 5 ? '3-5' : '6+';
}

export function vacancyBand(months: number): VacancyBand {
  return months <= 0 ? '0 mnd' : months < 6 ? '1-5 mnd' : months < 12 ? '6-11 mnd' : '12 mnd';
}

export function permitStatus(permit: boolean | null): PermitStatus {
  return permit === true ? 'vergunning' : permit === false ? 'geen vergunning' : 'onbekend';
}
