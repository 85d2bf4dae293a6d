import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { zodIssues } from './zod-issues.ts';

const Schema = z.strictObject({
  name: z.string(),
  count: z.number().int().min(1).max(10),
  share: z.number().gt(0).lt(1).optional(),
  kind: z.enum(['a', 'b']),
  byBuurt: z.record(z.string().regex(/^BU\d{8}$/), z.strictObject({ x: z.number() })).optional(),
  nested: z.strictObject({ inner: z.strictObject({ y: z.number() }).nullable() }).default({ inner: null }),
  tags: z.array(z.string()).optional(),
  even: z
    .number()
    .refine((n) => n % 2 === 0, 'must be even')
    .optional(),
});

const issues = (input: unknown) => {
  const r = Schema.safeParse(input);
  if (r.success) throw new Error('expected a failure');
  return zodIssues('test', Schema, r.error);
};
const ok = { name: 'n', count: 2, kind: 'a' };

describe('zodIssues', () => {
  it('names an unknown key with the keys allowed at that path, at the top level, in a nested object and under a record', () => {
    expect(issues({ ...ok, extra: 1 })).toEqual([
      {
        code: 'test.unknown-key',
        path: ['extra'],
        message: expect.stringMatching(
          /^extra: unknown key "extra"; allowed: name, count, share, kind, byBuurt, nested, tags, even$/,
        ),
      },
    ]);
    expect(issues({ ...ok, nested: { inner: { y: 1, z: 2 } } })[0]).toMatchObject({
      code: 'test.unknown-key',
      path: ['nested', 'inner', 'z'],
      message: 'nested.inner.z: unknown key "z"; allowed: y',
    });
    expect(issues({ ...ok, byBuurt: { BU16740202: { x: 1, q: 2 } } })[0]).toMatchObject({
      path: ['byBuurt', 'BU16740202', 'q'],
      message: 'byBuurt.BU16740202.q: unknown key "q"; allowed: x',
    });
  });

  it('reports a missing field as missing and a wrong type as invalid-type, naming the expected type', () => {
    expect(issues({ count: 2, kind: 'a' })).toEqual([
      { code: 'test.missing', path: ['name'], message: 'name: required; expected string' },
    ]);
    expect(issues({ ...ok, count: 'twee' })[0]).toMatchObject({
      code: 'test.invalid-type',
      path: ['count'],
      message: 'count: wrong type; expected number',
    });
    expect(issues({ ...ok, count: 2.5 })[0]).toMatchObject({
      code: 'test.invalid-type',
      message: 'count: wrong type; expected an integer',
    });
  });

  it('gives the bound and whether it is inclusive for out-of-range values', () => {
    expect(issues({ ...ok, count: 0 })[0]).toMatchObject({
      code: 'test.out-of-range',
      message: 'count: expected a value ≥ 1',
    });
    expect(issues({ ...ok, count: 11 })[0]).toMatchObject({ message: 'count: expected a value ≤ 10' });
    expect(issues({ ...ok, share: 0 })[0]).toMatchObject({ message: 'share: expected a value > 0' });
    expect(issues({ ...ok, share: 1 })[0]).toMatchObject({ message: 'share: expected a value < 1' });
  });

  it('lists the allowed values of an enum, flags a bad record key and passes other messages through with their path', () => {
    expect(issues({ ...ok, kind: 'c' })[0]).toMatchObject({
      code: 'test.invalid-value',
      path: ['kind'],
      message: 'kind: expected one of "a", "b"',
    });
    expect(issues({ ...ok, byBuurt: { Kalsdonk: { x: 1 } } })[0]).toMatchObject({
      code: 'test.invalid-key',
      path: ['byBuurt', 'Kalsdonk'],
    });
    expect(issues({ ...ok, even: 3 })[0]).toMatchObject({
      code: 'test.invalid',
      path: ['even'],
      message: 'even: must be even',
    });
    expect(issues('not an object')[0]).toMatchObject({
      code: 'test.invalid-type',
      path: [],
      message: '(top level): wrong type; expected object',
    });
  });

  it('offers no keys where the path leads through something other than an object or record', () => {
    const Arr = z.array(z.strictObject({ a: z.number() }));
    const r = Arr.safeParse([{ a: 1, b: 2 }]);
    expect(r.success).toBe(false);
    expect(zodIssues('arr', Arr, r.error!)[0]).toMatchObject({
      code: 'arr.unknown-key',
      path: [0, 'b'],
      message: '0.b: unknown key "b"; allowed: ',
    });
  });
});
