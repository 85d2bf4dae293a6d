/** Dutch number formats of the progress report (nl-NL), shared by the report, its charts and the Voortgang view. */
const int = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });
const pct1 = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const eur0 = new Intl.NumberFormat('nl-NL', { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 });

export const fmtInt = (n: number): string => int.format(n);
/** A share 0–1 as "42,5 %"; "–" when unknown or not publishable. */
export const fmtShare = (s: number | null): string => (s === null ? '–' : `${pct1.format(s * 100)} %`);
export const fmtEur = (n: number): string => eur0.format(n);
/** Euro in millions for chart axes: "€ 1,5 mln". */
export const fmtEurMln = (n: number): string =>
  `€ ${new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 }).format(n / 1e6)} mln`;
/** ISO date as day-month-year. */
export const fmtDate = (iso: string): string => `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(0, 4)}`;
/** "2027Q1" as "1e kwartaal 2027". */
export const fmtQuarter = (q: string): string => `${q.slice(5)}e kwartaal ${q.slice(0, 4)}`;
/** A share rounded to 4 decimals for the spreadsheet (the cell shows what the table prints, without float noise). */
export const share4 = (s: number | null): number | null => (s === null ? null : Math.round(s * 10000) / 10000);
