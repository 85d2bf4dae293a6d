import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  DEFAULT_ACQUISITION_CONFIG,
  parseAcquisitionConfig,
  type AcquisitionConfig,
} from '../../engine/acquisition/params.ts';

/**
 * The acquisition configuration file (budget, target zones, weights): `config/acquisition.default.json` ships
 * the defaults (Centrum-Oud first, then Kalsdonk and Westrand; €1.5M). Zones may be whole buurten or polygons.
 */
export const ACQUISITION_CONFIG_FILE = fileURLToPath(new URL('../../config/acquisition.default.json', import.meta.url));

export class AcquisitionConfigError extends Error {
  readonly code = 'acquisition.config.invalid';
}

export function loadAcquisitionConfig(file: string = ACQUISITION_CONFIG_FILE): AcquisitionConfig {
  if (!existsSync(file)) {
    if (file === ACQUISITION_CONFIG_FILE) return DEFAULT_ACQUISITION_CONFIG;
    throw new AcquisitionConfigError(`${file}: file not found`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new AcquisitionConfigError(`${file}: not readable JSON (${(err as Error).message})`);
  }
  if (typeof raw === 'object' && raw !== null && '$comment' in raw) {
    const { $comment: _c, ...rest } = raw as Record<string, unknown>;
    raw = rest;
  }
  const r = parseAcquisitionConfig(raw);
  if (!r.ok) throw new AcquisitionConfigError(`${file}: ${r.issues[0]!.path.join('.')}: ${r.issues[0]!.message}`);
  return r.value;
}
