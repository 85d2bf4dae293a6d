import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** `REGEN=1 npx vitest run test/scenarios` rewrites golden files instead of comparing them. */
export const REGEN = process.env.REGEN === '1';

/** The committed text of a golden file, or (with REGEN=1) writes `actual` and returns it. */
export function golden(file: string, actual: string): string {
  if (REGEN) {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, actual);
    return actual;
  }
  if (!existsSync(file))
    throw new Error(`${file} is missing; generate it with REGEN=1 npx vitest run test/scenarios and review the diff`);
  return readFileSync(file, 'utf8');
}
