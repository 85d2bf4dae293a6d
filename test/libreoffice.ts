import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { openXlsx, type ReadSheet } from './spreadsheet.ts';

/**
 * Opens export files in LibreOffice Calc, headless, the way a Dutch user does, and hands back what Calc made of
 * every cell: each file is loaded by `soffice --convert-to xlsx` and the result read with SheetJS (whose XLSX reader
 * reports the stored cell types faithfully: s, n, d).
 *
 * CSV files are loaded with the import dialog's settings of a Dutch installation (filter options of the "Text -
 * txt - csv (StarCalc)" filter, documented in LibreOffice's help page "CSV Filter Options"):
 * separator `;` (59), text delimiter `"` (34), UTF-8 (76), from line 1, standard column types, language Dutch
 * (Netherlands) (1043), quoted fields NOT forced to text, and "detect special numbers" ON. In that mode Calc does
 * what Excel does with a double-clicked CSV: a 16-digit id becomes a number (and loses its last digit and leading
 * zero), "1-2" becomes a date, "6+" becomes 6, "1,5" becomes one and a half. The test that uses this checks that
 * the mode is on (a control file must get retyped), so it cannot pass by reading everything as text.
 *
 * Debian package `libreoffice-calc-nogui` (installed by .ci/run). A fresh user profile per call keeps runs
 * independent of any desktop profile and of each other.
 */
export const DUTCH_CSV_FILTER = 'CSV:59,34,76,1,,1043,false,true';

export function sofficePath(): string {
  for (const p of ['/usr/bin/soffice', '/usr/bin/libreoffice', '/usr/lib/libreoffice/program/soffice'])
    if (existsSync(p)) return p;
  throw new Error(
    'LibreOffice (soffice) is not installed: apt-get install -y --no-install-recommends libreoffice-calc-nogui (.ci/run does this)',
  );
}

export interface SpreadsheetFile {
  /** File name with extension `.csv` or `.xlsx`; unique within one call. */
  name: string;
  body: Buffer | string;
}

const run = promisify(execFile);

async function convert(soffice: string, profile: string, files: string[], outDir: string, csv: boolean) {
  if (files.length === 0) return;
  await run(
    soffice,
    [
      '--headless',
      '--norestore',
      '--nolockcheck',
      `-env:UserInstallation=${pathToFileURL(profile).href}`,
      ...(csv ? [`--infilter=${DUTCH_CSV_FILTER}`] : []),
      '--convert-to',
      'xlsx',
      '--outdir',
      outDir,
      ...files,
    ],
    { timeout: 180_000, env: { ...process.env, LANG: 'nl_NL.UTF-8', LC_ALL: 'C.UTF-8' } },
  );
}

/** Every file as Calc shows it: file name → sheet name → rows of typed cells. */
export async function openInLibreOffice(
  files: readonly SpreadsheetFile[],
): Promise<Map<string, Map<string, ReadSheet>>> {
  const soffice = sofficePath();
  const root = mkdtempSync(join(tmpdir(), 'voorraad-calc-'));
  try {
    const inCsv = join(root, 'in-csv'),
      inXlsx = join(root, 'in-xlsx'),
      out = join(root, 'out');
    for (const d of [inCsv, inXlsx, out]) mkdirSync(d);
    const names = new Map<string, string>();
    files.forEach((f, i) => {
      const ext = extname(f.name).toLowerCase();
      if (ext !== '.csv' && ext !== '.xlsx') throw new Error(`openInLibreOffice: ${f.name} is neither .csv nor .xlsx`);
      // Numbered names: the CSV and the XLSX of one export would otherwise convert to the same output file.
      const stored = `f${i}${ext}`;
      writeFileSync(join(ext === '.csv' ? inCsv : inXlsx, stored), f.body);
      names.set(f.name, `f${i}.xlsx`);
    });
    const list = (dir: string, ext: string) =>
      files.map((_, i) => join(dir, `f${i}${ext}`)).filter((p) => existsSync(p));
    await convert(soffice, join(root, 'profile'), list(inCsv, '.csv'), out, true);
    await convert(soffice, join(root, 'profile'), list(inXlsx, '.xlsx'), out, false);
    const result = new Map<string, Map<string, ReadSheet>>();
    for (const [name, converted] of names) {
      const p = join(out, converted);
      if (!existsSync(p)) throw new Error(`LibreOffice did not convert ${name} (${basename(p)} missing)`);
      result.set(name, openXlsx(readFileSync(p)));
    }
    return result;
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
