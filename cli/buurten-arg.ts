import { BuurtCode } from '../engine/dwelling.ts';
import { UsageError } from './usage-error.ts';

/** `--buurten BU16740202,BU16740300`: CBS buurt codes, or null when the option is absent. */
export function parseBuurten(raw: string | undefined): string[] | null {
  if (raw === undefined) return null;
  const codes = raw
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '');
  const bad = codes.find((c) => !BuurtCode.safeParse(c).success);
  if (codes.length === 0 || bad !== undefined)
    throw new UsageError(`--buurten: expected CBS buurt codes such as BU16740202,BU16740300, found "${bad ?? raw}"`);
  return codes;
}
