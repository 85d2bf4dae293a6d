/** A problem with input, addressed by a JSON path (or file:row) so the UI and CLI can point at it. */
export interface Issue {
  code: string;
  message: string;
  path?: (string | number)[];
}

/** Expected failures are values, not exceptions (style.md habit 6). */
export type Result<T> = { ok: true; value: T; warnings: Issue[] } | { ok: false; issues: Issue[] };

export function ok<T>(value: T, warnings: Issue[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T = never>(...issues: Issue[]): Result<T> {
  return { ok: false, issues };
}
