/**
 * A problem with input, addressed by a JSON path (or file:row) so the UI and CLI can point at it. `C` is the
 * module's declared code union (e.g. PlanIssueCode): a module that types its results with it cannot send a code
 * it has not declared, and a mapping over the union (HTTP status, exit code) must cover every code.
 */
export interface Issue<C extends string = string> {
  code: C;
  message: string;
  path?: (string | number)[];
}

/** Expected failures are values, not exceptions (README, Development: expected failures are typed results). */
export type Result<T, C extends string = string> =
  { ok: true; value: T; warnings: Issue<C>[] } | { ok: false; issues: Issue<C>[] };

export function ok<T, C extends string = string>(value: T, warnings: Issue<C>[] = []): Result<T, C> {
  return { ok: true, value, warnings };
}

export function fail<T = never, C extends string = string>(...issues: Issue<C>[]): Result<T, C> {
  return { ok: false, issues };
}
