/**
 * A VvE's majority for "changes" as a fraction of votes: "2/3", "66,7%", "0,67", "gewone meerderheid" (> ½,
 * stored as 0.5) or "gekwalificeerde meerderheid" (the legal default 2/3, docs/domain.md §3). Null when empty,
 * undefined when unreadable.
 */
export function parseMajority(raw: string | undefined): number | null | undefined {
  if (raw === undefined || raw.trim() === '') return null;
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (/gewone|volstrekte|absolute|simple/.test(s)) return 0.5;
  if (/gekwalificeerd|qualified/.test(s)) return round(2 / 3);
  let m = /^(\d+)\s*\/\s*(\d+)$/.exec(s);
  if (m) return fraction(Number(m[1]) / Number(m[2]));
  m = /^(\d+(?:[.,]\d+)?)\s*%$/.exec(s);
  if (m) return fraction(Number(m[1]!.replace(',', '.')) / 100);
  m = /^(\d+(?:[.,]\d+)?)$/.exec(s);
  if (m) return fraction(Number(m[1]!.replace(',', '.')));
  return undefined;
}

const round = (x: number) => Math.round(x * 10_000) / 10_000;
const fraction = (x: number) => (x > 0 && x <= 1 ? round(x) : undefined);
