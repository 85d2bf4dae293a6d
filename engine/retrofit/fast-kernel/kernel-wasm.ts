/**
 * A minimal WebAssembly assembler: just enough to emit one module with one exported function that works on an
 * imported memory (kernel-score.ts). Expressions are byte arrays that leave one value on the stack, built with
 * the helpers below, so a kernel reads like the JavaScript it mirrors. Opcodes: WebAssembly Core Specification
 * 2.0, §5.4 (instructions) and §5.5 (modules).
 */
export type Code = number[];

/** Unsigned LEB128 of a non-negative integer below 2^53. */
export function uleb(n: number): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`uleb: ${n} is not a non-negative integer`);
  const out: number[] = [];
  do {
    let b = n % 128;
    n = Math.floor(n / 128);
    if (n > 0) b |= 0x80;
    out.push(b);
  } while (n > 0);
  return out;
}

/** Signed LEB128 of an int32. */
export function sleb(n: number): number[] {
  if ((n | 0) !== n) throw new RangeError(`sleb: ${n} is not an int32`);
  const out: number[] = [];
  for (;;) {
    const b = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (b & 0x40) === 0) || (n === -1 && (b & 0x40) !== 0)) {
      out.push(b);
      return out;
    }
    out.push(b | 0x80);
  }
}

function f64Bytes(x: number): number[] {
  const v = new DataView(new ArrayBuffer(8));
  v.setFloat64(0, x, true);
  return Array.from(new Uint8Array(v.buffer));
}

const I32 = 0x7f,
  F64 = 0x7c;
const cat = (...parts: Code[]): Code => parts.flat();

/** Locals of the one function: its i32 parameters first, then declared i32 and f64 locals. */
export class Locals {
  private readonly i32s: string[] = [];
  private readonly f64s: string[] = [];
  private frozen = false;
  constructor(private readonly params: readonly string[]) {}
  i32(name: string): number {
    this.open();
    this.i32s.push(name);
    return this.params.length + this.i32s.length - 1;
  }
  f64(name: string): number {
    this.open();
    this.f64s.push(name);
    return this.params.length + 1_000_000 + this.f64s.length - 1; // renumbered in `declarations`
  }
  /** Final index of a local (f64 locals follow the i32 ones); no locals may be declared after the first use. */
  index(l: number): number {
    this.frozen = true;
    return l >= this.params.length + 1_000_000 ? l - 1_000_000 + this.i32s.length : l;
  }
  private open(): void {
    if (this.frozen) throw new Error('declare every local before emitting code that uses one');
  }
  declarations(): Code {
    return cat(uleb(2), uleb(this.i32s.length), [I32], uleb(this.f64s.length), [F64]);
  }
}

/** Instruction helpers; `L` maps local handles to indices at emit time. */
export function ops(L: Locals) {
  const bin =
    (op: number) =>
    (a: Code, b: Code): Code =>
      cat(a, b, [op]);
  const un =
    (op: number) =>
    (a: Code): Code =>
      cat(a, [op]);
  const mem =
    (op: number, align: number) =>
    (addr: Code, offset: number): Code =>
      cat(addr, [op, align], uleb(offset));
  const store =
    (op: number, align: number) =>
    (addr: Code, value: Code, offset: number): Code =>
      cat(addr, value, [op, align], uleb(offset));
  return {
    get: (l: number): Code => cat([0x20], uleb(L.index(l))),
    set: (l: number, v: Code): Code => cat(v, [0x21], uleb(L.index(l))),
    i: (x: number): Code => cat([0x41], sleb(x)),
    f: (x: number): Code => cat([0x44], f64Bytes(x)),
    // i32 arithmetic and comparisons
    add: bin(0x6a),
    sub: bin(0x6b),
    mul: bin(0x6c),
    and: bin(0x71),
    or: bin(0x72),
    xor: bin(0x73),
    shl: bin(0x74),
    shrS: bin(0x75),
    shrU: bin(0x76),
    eq: bin(0x46),
    geS: bin(0x4e),
    gtS: bin(0x4a),
    // f64 arithmetic and comparisons
    fadd: bin(0xa0),
    fsub: bin(0xa1),
    fmul: bin(0xa2),
    fdiv: bin(0xa3),
    fgt: bin(0x64),
    fabs: un(0x99),
    fceil: un(0x9b),
    fsqrt: un(0x9f),
    /** f64.convert_i32_s: an int32 as a double (JavaScript's implicit conversion of an int32 value). */
    toF: un(0xb7),
    /** f64.promote_f32 (reading a Float32Array element). */
    promote: un(0xbb),
    /** f32.demote_f64 (writing a Float32Array element: round to nearest even). */
    demote: un(0xb6),
    /** JavaScript's `x | 0` (ToInt32) for |x| < 2^63 and NaN: i64.trunc_sat_f64_s then i32.wrap_i64, which wraps mod 2^32 as ToInt32 does. */
    toInt32: (a: Code): Code => cat(a, [0xfc, 0x06, 0xa7]),
    select: (a: Code, b: Code, cond: Code): Code => cat(a, b, cond, [0x1b]),
    load8: mem(0x2d, 0),
    load16: mem(0x2f, 1),
    loadI32: mem(0x28, 2),
    loadF32: mem(0x2a, 2),
    loadF64: mem(0x2b, 3),
    store8: store(0x3a, 0),
    storeF32: store(0x38, 2),
    ifThen: (cond: Code, body: Code): Code => cat(cond, [0x04, 0x40], body, [0x0b]),
    /** `for (; i < to; i++) body` with i and to i32 locals. */
    loop: (i: number, to: number, body: Code): Code =>
      cat(
        [0x02, 0x40, 0x03, 0x40],
        cat([0x20], uleb(L.index(i)), [0x20], uleb(L.index(to)), [0x4e, 0x0d], uleb(1)), // br_if 1 when i >= to
        body,
        cat([0x20], uleb(L.index(i)), [0x41, 1, 0x6a, 0x21], uleb(L.index(i))),
        [0x0c, 0, 0x0b, 0x0b],
      ),
    cat,
  };
}

/** A module importing memory `m.memory` (`pages`, fixed; shared or not) and exporting `name(i32, i32)` with the given body. */
export function moduleBytes(
  name: string,
  pages: number,
  locals: Locals,
  body: Code,
  shared = false,
): Uint8Array<ArrayBuffer> {
  const section = (id: number, content: Code): Code => cat([id], uleb(content.length), content);
  const str = (s: string): Code =>
    cat(
      uleb(s.length),
      Array.from(s, (c) => c.charCodeAt(0)),
    );
  const fn = cat(locals.declarations(), body, [0x0b]);
  return Uint8Array.from(
    cat(
      [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00],
      section(1, cat(uleb(1), [0x60], uleb(2), [I32, I32], uleb(0))), // type 0: (i32, i32) -> ()
      section(2, cat(uleb(1), str('m'), str('memory'), [0x02, shared ? 0x03 : 0x01], uleb(pages), uleb(pages))), // import memory: flags (max, shared), min, max
      section(3, cat(uleb(1), uleb(0))),
      section(7, cat(uleb(1), str(name), [0x00], uleb(0))),
      section(10, cat(uleb(1), uleb(fn.length), fn)),
    ),
  );
}
