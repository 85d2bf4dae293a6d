/** Line and column helpers shared by the Hestia CSV parsers (hestia-csv.ts, retrofit-csv.ts). */

/** Non-empty lines without a leading BOM; merge-conflict marker lines in a hand-edited copy are skipped. */
export function lines(text: string): string[] {
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '' && !/^(<{7}|={7}|>{7})/.test(l));
}

/** Index of a named header column; a missing column is an error naming the file. */
export function columnIndex(header: string[], name: string, file: string): number {
  const i = header.indexOf(name);
  if (i < 0) throw new Error(`${file}: missing column ${name}`);
  return i;
}
