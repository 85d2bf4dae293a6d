import { formatCount, formatShare } from '../format.ts';

const LABELS = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Units of the result's metrics (engine/housing/metrics.ts). */
export type MetricUnit = '' | 'share' | 'flag' | 'label-index' | 'eur-per-year';

/** The nearest energy label of a mean label index (0 = A++++ … 10 = G). */
export function labelOfIndex(x: number): string {
  return LABELS[Math.min(LABELS.length - 1, Math.max(0, Math.round(x)))]!;
}

/** A metric value in Dutch: 46,3% · kans 35,0% · C (6,4) · € 1.892 · 1.751. */
export function formatMetric(unit: string, v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  switch (unit as MetricUnit) {
    case 'share':
      return formatShare(v);
    case 'flag':
      return `kans ${formatShare(v)}`;
    case 'label-index':
      return `${labelOfIndex(v)} (${oneDecimal.format(v)})`;
    case 'eur-per-year':
      return euro.format(v);
    default:
      return formatCount(v);
  }
}

/** A short axis label: 46% · 0,5% · C · € 1.900 · 1.751 (decimals when ticks are closer than one point). */
export function formatTick(unit: string, v: number, step = 1): string {
  switch (unit as MetricUnit) {
    case 'share':
    case 'flag':
      return `${(v * 100).toFixed(Number.isInteger(Math.round(step * 1000) / 10) ? 0 : 1).replace('.', ',')}%`;
    case 'label-index':
      return labelOfIndex(v);
    case 'eur-per-year':
      return euro.format(v);
    default:
      return formatCount(v);
  }
}
