/**
 * The corporations' national label agreement as a fixed retrofit event (docs/domain.md §4): every corporation
 * dwelling with a label the agreement removes is raised to the best label it removes not — D for "no E/F/G" — spread
 * evenly over the years from the scenario's start to the agreement's last year, worst labels first. It applies to
 * dwellings still in corporation hands (social or corporation mid rent) when their year comes.
 */
import { ENERGY_LABELS } from '../dwelling.ts';
import { T_MID, T_SOCIAL, TENURE_OF_OWNERSHIP } from './codes.ts';
import type { FixedEvent } from './compiled.ts';
import type { HousingStock } from './stock.ts';

export const LABEL_AGREEMENT_ID = 'prestatieafspraken-labels';

export function labelAgreementEvent(
  stock: HousingStock,
  years: readonly number[],
  agreement: { removeLabels: readonly string[]; byYear: number },
): FixedEvent {
  const removed = agreement.removeLabels.map((l) => ENERGY_LABELS.indexOf(l as (typeof ENERGY_LABELS)[number]));
  const target = Math.min(...removed) - 1;
  const list: number[] = [];
  for (let i = 0; i < stock.count; i++)
    if (TENURE_OF_OWNERSHIP[stock.ownership[i]!] === T_SOCIAL && removed.includes(stock.label[i]!)) list.push(i);
  list.sort((a, b) => stock.label[b]! - stock.label[a]! || a - b);
  const last = Math.max(0, Math.min(agreement.byYear, years[years.length - 1]!) - years[0]!);
  const n = list.length;
  return {
    kind: 'retrofit',
    id: LABEL_AGREEMENT_ID,
    dwellings: Int32Array.from(list),
    entryYear: Int16Array.from(list, (_, j) => Math.floor((j * (last + 1)) / Math.max(1, n))),
    yearIndex: -1,
    labelAfter: new Uint8Array(n).fill(target),
    buurt: -1,
    build: [],
    tenureMask: (1 << T_SOCIAL) | (1 << T_MID),
  };
}
