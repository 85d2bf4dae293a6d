import fc from 'fast-check';
import { expect } from 'vitest';
import type { Issue } from '../../engine/result.ts';
import { nastyJson } from './fc-settings.ts';

type Path = (string | number)[];

/** Every path in a JSON value (objects and arrays, root included). */
export function pathsOf(v: unknown, prefix: Path = []): Path[] {
  const out: Path[] = [prefix];
  if (Array.isArray(v)) v.forEach((x, i) => out.push(...pathsOf(x, [...prefix, i])));
  else if (typeof v === 'object' && v !== null)
    for (const [k, x] of Object.entries(v)) out.push(...pathsOf(x, [...prefix, k]));
  return out;
}

export type JsonEdit =
  | { kind: 'set'; at: number; value: unknown }
  | { kind: 'delete'; at: number }
  | { kind: 'add'; at: number; key: string; value: unknown }
  | { kind: 'wrap'; at: number }
  | { kind: 'stringify'; at: number }
  | { kind: 'scale'; at: number; factor: number };

export const jsonEdit = (): fc.Arbitrary<JsonEdit> =>
  fc.oneof(
    fc.record({ kind: fc.constant('set' as const), at: fc.nat(), value: nastyJson() }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('add' as const),
      at: fc.nat(),
      key: fc.oneof(fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra'), fc.string({ maxLength: 6 })),
      value: nastyJson(),
    }),
    fc.record({ kind: fc.constant('wrap' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('stringify' as const), at: fc.nat() }),
    fc.record({
      kind: fc.constant('scale' as const),
      at: fc.nat(),
      factor: fc.constantFrom(-1, 0, 0.5, 2, 1e6, 1e300, Number.NaN, Number.POSITIVE_INFINITY),
    }),
  );

/** Applies edits to a copy of a JSON value; the edit's `at` picks a path (modulo the number of paths). */
export function applyEdits(base: unknown, edits: readonly JsonEdit[]): unknown {
  let root: unknown = structuredClone(base);
  for (const e of edits) {
    const paths = pathsOf(root);
    const path = paths[e.at % paths.length]!;
    const parentPath = path.slice(0, -1);
    const key = path[path.length - 1];
    let parent: unknown = root;
    for (const k of parentPath) parent = (parent as Record<string | number, unknown>)[k];
    const get = (): unknown => (key === undefined ? root : (parent as Record<string | number, unknown>)[key]);
    const put = (v: unknown): void => {
      if (key === undefined) root = v;
      else if (Array.isArray(parent) && typeof key === 'number') parent[key] = v;
      else Object.defineProperty(parent, key, { value: v, enumerable: true, writable: true, configurable: true });
    };
    const current = get();
    switch (e.kind) {
      case 'set':
        put(e.value);
        break;
      case 'delete':
        if (key === undefined) root = undefined;
        else if (Array.isArray(parent) && typeof key === 'number') parent.splice(key, 1);
        else delete (parent as Record<string, unknown>)[key];
        break;
      case 'add':
        if (typeof current === 'object' && current !== null && !Array.isArray(current))
          Object.defineProperty(current, e.key, {
            value: e.value,
            enumerable: true,
            writable: true,
            configurable: true,
          });
        else if (Array.isArray(current)) current.push(e.value);
        break;
      case 'wrap':
        put([current]);
        break;
      case 'stringify':
        put(typeof current === 'string' ? Number(current) : (JSON.stringify(current) ?? 'undefined'));
        break;
      case 'scale':
        put(typeof current === 'number' ? current * e.factor : current);
        break;
    }
  }
  return root;
}

/** A mutated copy of a JSON value: 1–3 edits at random paths. */
export const mutatedJson = (base: unknown): fc.Arbitrary<unknown> =>
  fc.array(jsonEdit(), { minLength: 1, maxLength: 3 }).map((edits) => applyEdits(base, edits));

export type ByteEdit =
  | { kind: 'truncate'; at: number }
  | { kind: 'flip'; at: number; mask: number }
  | { kind: 'insert'; at: number; bytes: Uint8Array }
  | { kind: 'delete'; at: number; length: number }
  | { kind: 'duplicate'; at: number; length: number }
  | { kind: 'bom'; bom: 'utf8' | 'utf16le' | 'utf16be' }
  | { kind: 'replace'; from: string; to: string }
  | { kind: 'huge-field'; at: number; length: number };

export const byteEdit = (): fc.Arbitrary<ByteEdit> =>
  fc.oneof(
    fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
    fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), mask: fc.integer({ min: 1, max: 255 }) }),
    fc.record({
      kind: fc.constant('insert' as const),
      at: fc.nat(),
      bytes: fc.oneof(
        fc.uint8Array({ minLength: 1, maxLength: 16 }),
        fc.constantFrom(
          ...[';', ',', '\t', '"', '\n', '\r\n', '\u0000', '""', '"\n"', '\\', '💥', '\ufeff', 'NaN', '-1e309'].map(
            (s) => new TextEncoder().encode(s),
          ),
        ),
      ),
    }),
    fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
    fc.record({
      kind: fc.constant('bom' as const),
      bom: fc.constantFrom('utf8' as const, 'utf16le' as const, 'utf16be' as const),
    }),
    fc.record({
      kind: fc.constant('replace' as const),
      from: fc.constantFrom(';', ',', '\n', '"', '.', '-', '1', 'a', ' '),
      to: fc.constantFrom(',', ';', '\t', '', '\r', '""', '|', 'x', '9'),
    }),
    fc.record({
      kind: fc.constant('huge-field' as const),
      at: fc.nat(),
      length: fc.constantFrom(1_000, 100_000, 1_000_000),
    }),
  );

const BOMS = { utf8: [0xef, 0xbb, 0xbf], utf16le: [0xff, 0xfe], utf16be: [0xfe, 0xff] } as const;

/** Applies byte-level edits (positions modulo the length). */
export function applyByteEdits(base: Uint8Array, edits: readonly ByteEdit[]): Buffer {
  let b = Buffer.from(base);
  const pos = (at: number): number => (b.length === 0 ? 0 : at % (b.length + 1));
  for (const e of edits) {
    switch (e.kind) {
      case 'truncate':
        b = b.subarray(0, pos(e.at));
        break;
      case 'flip':
        if (b.length > 0) {
          const i = e.at % b.length;
          b[i] = b[i]! ^ e.mask;
        }
        break;
      case 'insert': {
        const i = pos(e.at);
        b = Buffer.concat([b.subarray(0, i), e.bytes, b.subarray(i)]);
        break;
      }
      case 'delete': {
        const i = pos(e.at);
        b = Buffer.concat([b.subarray(0, i), b.subarray(i + e.length)]);
        break;
      }
      case 'duplicate': {
        const i = pos(e.at);
        b = Buffer.concat([b.subarray(0, i + e.length), b.subarray(i)]);
        break;
      }
      case 'bom':
        b = Buffer.concat([Buffer.from(BOMS[e.bom]), b]);
        break;
      case 'replace':
        b = Buffer.from(b.toString('latin1').split(e.from).join(e.to), 'latin1');
        break;
      case 'huge-field': {
        const i = pos(e.at);
        b = Buffer.concat([b.subarray(0, i), Buffer.alloc(e.length, 0x41), b.subarray(i)]);
        break;
      }
    }
  }
  return b;
}

/** A mutated copy of a file's bytes: 1–3 edits. */
export const mutatedBytes = (base: Uint8Array): fc.Arbitrary<Buffer> =>
  fc.array(byteEdit(), { minLength: 1, maxLength: 3 }).map((edits) => applyByteEdits(base, edits));

/** A failure must name what went wrong: a non-empty list of issues, each with a dotted code, a message and a path. */
export function expectCodedIssues(issues: readonly Issue[], label = ''): void {
  expect(issues.length, label).toBeGreaterThan(0);
  for (const i of issues) {
    expect(i.code, label).toMatch(/^[a-z][a-z0-9-]*(\.[a-zA-Z0-9_-]+)+$/);
    expect(typeof i.message, label).toBe('string');
    expect(i.message.length, label).toBeGreaterThan(0);
    expect(Array.isArray(i.path), `${label}: issue ${i.code} has no path`).toBe(true);
  }
}

/** Every number in a valid result is finite (a NaN would be `null` in JSON and a silent wrong figure). */
export function nonFinite(v: unknown, path = '$'): string[] {
  if (typeof v === 'number') return Number.isFinite(v) ? [] : [`${path}=${v}`];
  if (Array.isArray(v)) return v.flatMap((x, i) => nonFinite(x, `${path}[${i}]`));
  if (ArrayBuffer.isView(v))
    return Array.from(v as unknown as ArrayLike<number>).flatMap((x, i) => nonFinite(x, `${path}[${i}]`));
  if (typeof v === 'object' && v !== null) return Object.entries(v).flatMap(([k, x]) => nonFinite(x, `${path}.${k}`));
  return [];
}
