/**
 * Reads a scenario file's text: YAML syntax, then the zod schema. Every issue carries the JSON path
 * and the line:column it points at, so a CI log says exactly where a file is wrong.
 */
import { LineCounter, isMap, isSeq, parseDocument, type Document, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import type { Issue } from '../result.ts';
import { Scenario } from './scenario-schema.ts';
import { isScenarioIssueCode, type ScenarioIssueCode } from './scenario-issue-codes.ts';

/** An issue in a scenario file: code, JSON path and (when the file is YAML text) its 1-based position. */
export interface ScenarioIssue extends Issue<ScenarioIssueCode> {
  path: (string | number)[];
  line?: number;
  column?: number;
}

export type Locate = (path: readonly (string | number)[]) => { line: number; column: number } | undefined;

export type ParsedScenario = { ok: true; scenario: Scenario; locate: Locate } | { ok: false; issues: ScenarioIssue[] };

/** `$.interventions[1].count` */
export function jsonPath(path: readonly (string | number)[]): string {
  return `$${path.map((p) => (typeof p === 'number' ? `[${p}]` : /^[A-Za-z_$][\w$]*$/.test(p) ? `.${p}` : `[${JSON.stringify(p)}]`)).join('')}`;
}

/** `file:line:column: code: message (at $.path)`, the form CI logs and editors link. */
export function formatIssue(file: string, i: ScenarioIssue): string {
  const where = i.line !== undefined ? `${file}:${i.line}:${i.column ?? 1}` : file;
  return `${where}: ${i.code}: ${i.message} (at ${jsonPath(i.path)})`;
}

/** Finds the node at a path, or the deepest existing ancestor (pointing at the key when a key is missing or unexpected). */
function locator(doc: Document, lc: LineCounter): Locate {
  return (path) => {
    let node: unknown = doc.contents;
    let offset: number | undefined = (doc.contents as YamlNode | null)?.range?.[0];
    for (const key of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
        if (!pair) break;
        const k = pair.key as YamlNode | null;
        const v = pair.value as YamlNode | null;
        offset = v?.range?.[0] ?? k?.range?.[0] ?? offset;
        node = v;
      } else if (isSeq(node) && typeof key === 'number') {
        const item = node.items[key] as YamlNode | undefined;
        if (!item) break;
        offset = item.range?.[0] ?? offset;
        node = item;
      } else break;
    }
    if (offset === undefined) return undefined;
    const p = lc.linePos(offset);
    return { line: p.line, column: p.col };
  };
}

/** The key node of an unexpected key, so "unknown key" points at the key, not its parent. */
function locateKey(
  doc: Document,
  lc: LineCounter,
  parent: readonly (string | number)[],
  key: string,
): { line: number; column: number } | undefined {
  const node = parent.length === 0 ? doc.contents : doc.getIn(parent, true);
  if (!isMap(node)) return undefined;
  const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === key);
  const start = (pair?.key as YamlNode | null)?.range?.[0];
  if (start === undefined) return undefined;
  const p = lc.linePos(start);
  return { line: p.line, column: p.col };
}

const CODE_BY_ZOD: Partial<Record<z.core.$ZodIssue['code'], ScenarioIssueCode>> = {
  invalid_type: 'scenario.type',
  unrecognized_keys: 'scenario.key.unknown',
  invalid_value: 'scenario.value.unknown',
  invalid_union: 'scenario.kind.unknown',
  too_small: 'scenario.value.too-small',
  too_big: 'scenario.value.too-big',
  invalid_format: 'scenario.value.format',
  not_multiple_of: 'scenario.value.invalid',
};

function valueAt(data: unknown, path: readonly (string | number)[]): unknown {
  let v = data;
  for (const k of path)
    v = typeof v === 'object' && v !== null ? (v as Record<string | number, unknown>)[k] : undefined;
  return v;
}

/** A coded issue for a zod issue; unknown metric and intervention kind get their own codes. */
export function zodToScenarioIssues(issues: readonly z.core.$ZodIssue[], data?: unknown): ScenarioIssue[] {
  const out: ScenarioIssue[] = [];
  for (const i of issues) {
    const path = i.path.map((p) => (typeof p === 'symbol' ? String(p) : p));
    const last = path[path.length - 1];
    let code: ScenarioIssueCode = CODE_BY_ZOD[i.code] ?? 'scenario.invalid';
    if (i.code === 'custom' && typeof i.params?.code === 'string' && isScenarioIssueCode(i.params.code))
      code = i.params.code;
    if (i.code === 'invalid_value' && last === 'metric') code = 'scenario.metric.unknown';
    if (i.code === 'invalid_union' && last === 'kind') code = 'scenario.intervention.kind-unknown';
    if (i.code === 'invalid_value' && data !== undefined) {
      const what = last === 'metric' ? 'metric' : 'value';
      out.push({
        code,
        message: `unknown ${what} ${JSON.stringify(valueAt(data, path))}; expected one of ${i.values.map(String).join(', ')}`,
        path,
      });
      continue;
    }
    if (i.code === 'unrecognized_keys') {
      for (const key of i.keys) out.push({ code, message: `unknown key "${key}"`, path: [...path, key] });
      continue;
    }
    out.push({ code, message: i.message, path });
  }
  return out;
}

/** Parses and validates a scenario file's text; `locate` maps later (semantic) issues to positions too. */
export function parseScenarioText(text: string): ParsedScenario {
  const lc = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lc, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      issues: doc.errors.map((e) => {
        const p = lc.linePos(e.pos[0]);
        return {
          code: 'scenario.yaml.syntax',
          message: e.message.split('\n')[0]!,
          path: [],
          line: p.line,
          column: p.col,
        };
      }),
    };
  }
  const locate = locator(doc, lc);
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    // yaml throws (ReferenceError) on an alias bomb beyond maxAliasCount: a bad file, not a crash.
    return {
      ok: false,
      issues: [
        {
          code: 'scenario.yaml.aliases',
          message: `${(err as Error).message} (at most 100 alias expansions)`,
          path: [],
          line: 1,
          column: 1,
        },
      ],
    };
  }
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) {
    return {
      ok: false,
      issues: zodToScenarioIssues(parsed.error.issues, data).map((i) => {
        const key =
          i.code === 'scenario.key.unknown'
            ? locateKey(doc, lc, i.path.slice(0, -1), String(i.path[i.path.length - 1]))
            : undefined;
        return { ...i, ...(key ?? locate(i.path)) };
      }),
    };
  }
  return { ok: true, scenario: parsed.data, locate };
}

/** Validates an already-parsed scenario object (an API body); issues have paths but no positions. */
export function parseScenarioObject(data: unknown): ParsedScenario {
  const parsed = Scenario.safeParse(data);
  if (!parsed.success) return { ok: false, issues: zodToScenarioIssues(parsed.error.issues, data) };
  return { ok: true, scenario: parsed.data, locate: () => undefined };
}
