import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DEFAULT_VVE_CONFIG, parseVveConfig, type VveConfig } from '../../engine/vve/vve-config.ts';
import type { Issue } from '../../engine/result.ts';

/** The VvE pilot configuration file: `config/vve.default.json` ships the defaults (engine/vve/vve-config.ts documents each). */
export const VVE_CONFIG_FILE = fileURLToPath(new URL('../../config/vve.default.json', import.meta.url));

export class VveConfigError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly issues: Issue[] = [],
  ) {
    super(message);
  }
}

/** Reads and validates a configuration file; every problem names the file and the JSON path. */
export function loadVveConfig(file: string = VVE_CONFIG_FILE): VveConfig {
  if (!existsSync(file)) {
    if (file === VVE_CONFIG_FILE) return DEFAULT_VVE_CONFIG;
    throw new VveConfigError('vve.config.not-found', `${file}: file not found`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new VveConfigError('vve.config.json', `${file}: not readable JSON (${(err as Error).message})`);
  }
  const r = parseVveConfig(raw);
  if (!r.ok)
    throw new VveConfigError(
      r.issues[0]!.code,
      `${file}: ${r.issues.map((i) => `${i.code}: ${i.message}`).join('; ')}`,
      r.issues,
    );
  return r.value;
}
