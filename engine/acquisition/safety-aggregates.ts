import {
  DEFAULT_DISCLOSURE_RULES,
  controlCount,
  controlRate,
  countByFixedGeography,
  type DisclosureRules,
  type FixedGeography,
} from '../disclosure-control.ts';
import type { Signal } from '../registers.ts';
import { latestYearWindow, summariseSignals, type SignalWindow } from './signal-bands.ts';

/**
 * Neighbourhood safety figures per CBS buurt (fixed geographies only), after disclosure control: the number of
 * addresses with nuisance reports, with long vacancy and with a room-letting permit in the latest 12 months.
 * Counts of addresses, not of reports (a sum of reports could be dominated by one address). Safe for every role.
 */
export interface BuurtSafety {
  buurtcode: string;
  buurtnaam: string;
  /** Dwellings in the buurt (not sensitive: the public dwelling count). */
  dwellings: number;
  /** Controlled counts: null = suppressed (fewer than the threshold), else rounded. */
  nuisanceAddresses: number | null;
  vacantAddresses: number | null;
  roomLettingAddresses: number | null;
  /** Controlled rates (0–1) per dwelling; null when the denominator is too small or the count suppressed. */
  nuisanceRate: number | null;
  vacancyRate: number | null;
  roomLettingRate: number | null;
}

export interface SafetyAggregates {
  window: SignalWindow | null;
  rules: DisclosureRules;
  vacancyMonthsThreshold: number;
  buurten: BuurtSafety[];
}

export interface SafetyInput {
  /** The fixed geographies: the dataset's CBS buurten. */
  buurten: readonly FixedGeography[];
  /** vboId → buurt code of every dwelling (denominators). */
  dwellingBuurt: ReadonlyMap<string, string>;
  signals: readonly Signal[];
  vacancyMonthsThreshold: number;
  rules?: DisclosureRules;
}

export type SafetyResult =
  { ok: true; value: SafetyAggregates } | { ok: false; code: 'geography.not-fixed'; message: string };

export function safetyAggregates(input: SafetyInput): SafetyResult {
  const rules = input.rules ?? DEFAULT_DISCLOSURE_RULES;
  const window = latestYearWindow(input.signals);
  const summaries = window ? summariseSignals(input.signals, window) : new Map();
  const dwellings = [...input.dwellingBuurt].map(([vboId, buurt]) => ({ vboId, buurt, s: summaries.get(vboId) }));
  const count = (include: (d: (typeof dwellings)[number]) => boolean) =>
    countByFixedGeography(dwellings, input.buurten, (d) => d.buurt, include);
  const all = count(() => true);
  const nuisance = count((d) => (d.s?.nuisanceReports ?? 0) > 0);
  const vacant = count((d) => (d.s?.vacancyMonths ?? 0) >= input.vacancyMonthsThreshold);
  const rooms = count((d) => d.s?.roomLettingPermit === true);
  for (const r of [all, nuisance, vacant, rooms]) if (!r.ok) return r;
  const get = (r: typeof all, code: string): number => (r.ok ? (r.value.get(code) ?? 0) : 0);
  return {
    ok: true,
    value: {
      window,
      rules,
      vacancyMonthsThreshold: input.vacancyMonthsThreshold,
      buurten: input.buurten.map((b) => {
        const n = get(all, b.code);
        const [nu, va, ro] = [get(nuisance, b.code), get(vacant, b.code), get(rooms, b.code)];
        return {
          buurtcode: b.code,
          buurtnaam: b.name,
          dwellings: n,
          nuisanceAddresses: controlCount(nu, rules).value,
          vacantAddresses: controlCount(va, rules).value,
          roomLettingAddresses: controlCount(ro, rules).value,
          nuisanceRate: controlRate(nu, n, rules).value,
          vacancyRate: controlRate(va, n, rules).value,
          roomLettingRate: controlRate(ro, n, rules).value,
        };
      }),
    },
  };
}
