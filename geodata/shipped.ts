import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Dataset } from '../engine/dataset.ts';
import { loadShippedBuurten } from './boundaries/cbs-buurten.ts';
import { writeDataset } from './dataset-store.ts';
import { TILES_VERSION, buildBasemap, buildDwellingTiles } from './build-tiles.ts';
import Database from 'better-sqlite3';
import { GENERATOR_ID, generateSyntheticDataset } from './synthetic/generate.ts';
import { SHIPPED_DATA_DATE, SHIPPED_SEED } from './shipped-seed.ts';

export const BUILD_DIR = fileURLToPath(new URL('./build/', import.meta.url));
export const SHIPPED_DATASET = join(BUILD_DIR, 'voorraad.gpkg');

/** Generates the synthetic dataset for a seed (pure generator + shipped CBS boundaries). */
export function generateShipped(seed: number = SHIPPED_SEED): Dataset {
  return generateSyntheticDataset({ seed, buurten: loadShippedBuurten(), dataDate: SHIPPED_DATA_DATE });
}

/**
 * Writes the shipped dataset if it is not there yet, or if it is an untouched synthetic set from an older
 * generator (a checkout that predates a generator change would otherwise keep serving the old stock). A file
 * with imports is never replaced: it holds the user's registers. Returns whether it was generated.
 */
export function ensureShippedDataset(file: string = SHIPPED_DATASET): boolean {
  if (existsSync(file) && !isStaleSyntheticSet(file)) return false;
  mkdirSync(dirname(file), { recursive: true });
  writeDataset(file, generateShipped());
  return true;
}

/** An older generator's output with no import applied: safe to regenerate. Unreadable files are left alone. */
export function isStaleSyntheticSet(file: string): boolean {
  let db: Database.Database | undefined;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    const row = db.prepare("SELECT value FROM dataset_meta WHERE key = 'generator'").get() as
      { value: string } | undefined;
    const generator = row === undefined ? null : (JSON.parse(row.value) as unknown);
    if (typeof generator !== 'string' || generator === GENERATOR_ID || !generator.startsWith('voorraad-synthetic@'))
      return false;
    const hasImportLog = db
      .prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'importlog'")
      .get() as unknown;
    if (hasImportLog === undefined) return true;
    const imports = db.prepare('SELECT COUNT(*) AS n FROM importlog').get() as { n: number };
    return imports.n === 0;
  } catch {
    return false;
  } finally {
    db?.close();
  }
}

export function fileSha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Tiles are derived from the dataset file, so they live in a directory named by its hash and
 * are rebuilt only when the dataset or the tile contents (TILES_VERSION) change.
 */
export function ensureTiles(datasetFile: string, ds: Dataset): { dir: string; built: boolean } {
  const dir = join(BUILD_DIR, 'tiles', `${fileSha256(datasetFile).slice(0, 16)}-v${TILES_VERSION}`);
  const files = { 'basemap.pmtiles': () => buildBasemap(ds), 'dwellings.pmtiles': () => buildDwellingTiles(ds) };
  let built = false;
  mkdirSync(dir, { recursive: true });
  for (const [name, build] of Object.entries(files)) {
    const target = join(dir, name);
    if (existsSync(target)) continue;
    const tmp = `${target}.tmp-${process.pid}`;
    writeFileSync(tmp, build());
    renameSync(tmp, target);
    built = true;
  }
  return { dir, built };
}
