import { formatCount, formatShare } from '../format.ts';

const LABELS = ['A++++', 'A+++', 'A++', 'A+', 'A', 'B', 'C', 'D', 'E', 'F', 'G'];
const oneDecimal = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const euro = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

/** Units of the result's metrics (engine/housing/metrics.ts). */
export type MetricUnit = '' | 'share' | 'flag' | 'label-index' | 'eur-per-year' | 'eur-per-month';

/** The nearest energy label of a mean label index (0 = A++++ … 10 = G). */
export function labelOfIndex(x: number): string {
  return LABELS[Math.min(LABELS.length - 1, Math.max(0, Math.round(x)))]!;
}

/** A metric value in Dutch: 46,3% · kans 35,0% · C · € 1.892 · 1.751 (a mean label as its nearest label letter). */
export function formatMetric(unit: string, v: number | null): string {
  if (v === null || Number.isNaN(v)) return '–';
  switch (unit as MetricUnit) {
    case 'share':
      return formatShare(v);
    case 'flag':
      return `kans ${formatShare(v)}`;
    case 'label-index':
      return labelOfIndex(v);
    case 'eur-per-year':
    case 'eur-per-month':
      return euro.format(v);
    default:
      return formatCount(v);
  }
}

const signed = (s: string, v: number): string => (v > 0 ? `+${s}` : v < 0 ? `−${s.replace(/^[-−]/, '')}` : s);

/**
 * A difference B − A in Dutch: shares in procentpunt, labels in label steps (positive = worse, towards G), money
 * and counts with their sign: +3,2 procentpunt · −0,4 labelstap · +€ 120 · −35.
 */
export function formatDelta(unit: string, d: number | null): string {
  if (d === null || Number.isNaN(d)) return '–';
  switch (unit as MetricUnit) {
    case 'share':
    case 'flag':
      return `${signed(oneDecimal.format(Math.abs(d) * 100), d)} procentpunt`;
    case 'label-index':
      return `${signed(oneDecimal.format(Math.abs(d)), d)} labelstap`;
    case 'eur-per-year':
    case 'eur-per-month':
      return signed(euro.format(Math.abs(d)), d);
    default:
      return signed(formatCount(Math.abs(d)), d);
  }
}

/** The label letters from the best to the worst within [lo, hi] of a label-index domain, for a legend. */
export function labelLetters(lo: number, hi: number): string[] {
  const out: string[] = [];
  for (let i = Math.max(0, Math.round(lo)); i <= Math.min(LABELS.length - 1, Math.round(hi)); i++) out.push(LABELS[i]!);
  return out;
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
    case 'eur-per-month':
      return euro.format(v);
    default:
      return formatCount(v);
  }
}
