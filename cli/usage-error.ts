/** Wrong command-line input: printed without a stack trace, exit code 2. */
export class UsageError extends Error {}

/** Parses a TCP port: an integer 0–65535 (0 = any free port). */
export function parsePort(raw: string, source: string): number {
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) {
    throw new UsageError(`${source}: expected a port number 0–65535, found "${raw}"`);
  }
  return Number(raw);
}

export function parseIntArg(raw: string, name: string): number {
  if (!/^-?\d+$/.test(raw) || !Number.isSafeInteger(Number(raw)))
    throw new UsageError(`--${name}: expected an integer, found "${raw}"`);
  return Number(raw);
}
