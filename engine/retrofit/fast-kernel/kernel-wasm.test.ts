import { describe, expect, it } from 'vitest';
import { Locals, moduleBytes, ops, sleb, uleb } from './kernel-wasm.ts';

describe('minimal WebAssembly assembler', () => {
  it('encodes LEB128 as the specification examples', () => {
    expect(uleb(0)).toEqual([0]);
    expect(uleb(624_485)).toEqual([0xe5, 0x8e, 0x26]);
    expect(sleb(-123_456)).toEqual([0xc0, 0xbb, 0x78]);
    expect(sleb(63)).toEqual([0x3f]);
    expect(sleb(64)).toEqual([0xc0, 0x00]);
    expect(() => uleb(-1)).toThrow(RangeError);
    expect(() => sleb(2 ** 31)).toThrow(RangeError);
  });

  it('builds a module whose loop reads and writes the imported memory with JavaScript number semantics', () => {
    // out[i] = f32(ceil(x[i] * 1.5) | 0) for i in [from, to): x at byte 0 (f64), out at byte 800 (f32).
    const L = new Locals(['from', 'to']);
    const o = ops(L);
    const v = L.f64('v');
    const body = o.loop(
      0,
      1,
      o.cat(
        o.set(v, o.fmul(o.loadF64(o.shl(o.get(0), o.i(3)), 0), o.f(1.5))),
        o.storeF32(o.shl(o.get(0), o.i(2)), o.demote(o.toF(o.toInt32(o.fceil(o.get(v))))), 800),
      ),
    );
    const memory = new WebAssembly.Memory({ initial: 1, maximum: 1 });
    const run = new WebAssembly.Instance(new WebAssembly.Module(moduleBytes('run', 1, L, body)), { m: { memory } })
      .exports.run as (a: number, b: number) => void;
    const x = new Float64Array(memory.buffer, 0, 100);
    x.set([0.2, -0.2, 2 ** 33 + 0.5, NaN, -7.1, 1e300]);
    run(0, 6);
    const out = new Float32Array(memory.buffer, 800, 6);
    expect([...out]).toEqual([...x.subarray(0, 5)].map((a) => Math.fround(Math.ceil(a * 1.5) | 0)).concat([out[5]!]));
    expect(Object.is(out[1], 0)).toBe(true); // ⌈−0.3⌉ = −0, and −0 | 0 = 0
  });

  it('refuses a local declared after code that uses locals was emitted', () => {
    const L = new Locals(['a']);
    ops(L).get(0);
    expect(() => L.i32('late')).toThrow(/declare every local/);
  });
});
