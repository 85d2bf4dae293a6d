/**
 * The whole-stock scoring kernel for large stocks (summary mode): the arithmetic of score-table.ts scoreRange,
 * operation for operation in the same order, emitted as WebAssembly (kernel-wasm.ts) so the loop runs without
 * the JIT's per-iteration Smi/HeapNumber, map and bounds checks and the register spills of a 100-local loop
 * (read off V8's optimised code for scoreRange). scoreRange stays the readable reference (what-if, the loaded
 * dataset, full mode); kernel-score.test.ts checks the two agree bit for bit, field by field.
 * Measured single-threaded on the shared 2-core machine (minimum CPU time, 1–2 M dwellings, load 9–15):
 * ≈ 72–78 ns per dwelling against ≈ 123–127 for scoreRange and ≈ 10 for the bare pass.
 *
 * The stock's columns, the packed tables (packed-layout.ts) and the summary outputs live in one linear memory;
 * `stock` and `scores` are typed-array views into it, so the bare pass and every reader see the same bytes.
 * Limit: codes are checked when the kernel is created (createScoreKernel), not on every run.
 */
import { BUILD_PERIODS } from '../../build-period.ts';
import * as layout from '../packed-layout.ts';
import type { ScoreColumns } from '../score-table.ts';
import type { ScoreTables } from '../score-tables.ts';
import { LABEL_UNKNOWN, type RetrofitStock } from '../stock.ts';
import { FACTOR_COUNT } from '../weights.ts';
import { Locals, moduleBytes, ops, type Code } from './kernel-wasm.ts';

/** Dwellings per call into the module: WebAssembly tiers up between calls, not inside one. */
const BLOCK = 16_384;
const PAGE = 65_536;
const LAST = 381; // last index of EP2_CLASS_BY_CEIL (as in score-table.ts)
const U8_COLUMNS = [
  'type',
  'ownership',
  'label',
  'cavityWall',
  'roof',
  'floor',
  'glazing',
  'elementsKnown',
  'floorLevel',
  'storeys',
  'flatRoof',
  'priceMode',
] as const;
const U16_COLUMNS = ['bouwjaar', 'buurt', 'facadeAzimuthDeg'] as const;
const F32_OUT = ['gasM3', 'packageCostEur', 'packageSavingM3', 'packageBillEur', 'riskScore', 'priority'] as const;
const U8_OUT = ['labelBefore', 'applicable', 'packageLabelAfter', 'route'] as const;
/** Scalar constants, in the order written to memory. */
const CONSTANTS = 29;
/** Largest valid code per checked column (the tables have no rows beyond these). */
const MAX_CODE: Partial<Record<(typeof U8_COLUMNS)[number], number>> = {
  type: 7,
  ownership: 3,
  cavityWall: 4,
  roof: 4,
  floor: 4,
  glazing: 4,
  flatRoof: 1,
  priceMode: 2,
};

const align8 = (x: number): number => Math.ceil(x / 8) * 8;

interface MemoryLayout {
  n: number;
  buurten: number;
  bytes: number;
  F: number;
  B: number;
  C: number;
  I: number;
  BU: number;
  u8: Record<(typeof U8_COLUMNS)[number], number>;
  u16: Record<(typeof U16_COLUMNS)[number], number>;
  area: number;
  vve: number;
  f32Out: Record<(typeof F32_OUT)[number], number>;
  factors: number;
  u8Out: Record<(typeof U8_OUT)[number], number>;
}

function memoryLayout(n: number, buurten: number): MemoryLayout {
  let at = 0;
  const take = (bytes: number): number => {
    const o = at;
    at = align8(at + bytes);
    return o;
  };
  const F = take(layout.F_SIZE * 8),
    B = take(layout.B_SIZE),
    C = take(CONSTANTS * 8),
    I = take(4 * 4),
    BU = take(buurten * 8); // per buurt: low-income share, then 1 / (quote threshold × income), both f32
  const u8 = Object.fromEntries(U8_COLUMNS.map((c) => [c, take(n)])) as MemoryLayout['u8'];
  const u16 = Object.fromEntries(U16_COLUMNS.map((c) => [c, take(2 * n)])) as MemoryLayout['u16'];
  const area = take(4 * n),
    vve = take(4 * n);
  const f32Out = Object.fromEntries(F32_OUT.map((c) => [c, take(4 * n)])) as MemoryLayout['f32Out'];
  const factors = take(4 * FACTOR_COUNT * n);
  const u8Out = Object.fromEntries(U8_OUT.map((c) => [c, take(n)])) as MemoryLayout['u8Out'];
  return { n, buurten, bytes: at, F, B, C, I, BU, u8, u16, area, vve, f32Out, factors, u8Out };
}

/** The kernel's WebAssembly function `score(from, to)` for one memory layout; mirrors scoreRange line by line. */
function kernelCode(M: MemoryLayout): { locals: Locals; body: Code } {
  const L = new Locals(['from', 'to']);
  const o = ops(L);
  const {
    get,
    set,
    i: ic,
    f: fc,
    add,
    sub,
    mul,
    and,
    or,
    xor,
    shl,
    shrS,
    shrU,
    eq,
    gtS,
    fadd,
    fsub,
    fmul,
    fdiv,
    fgt,
    fabs,
    fceil,
    fsqrt,
    toF,
    promote,
    demote,
    toInt32,
    select,
    load8,
    load16,
    loadI32,
    loadF32,
    loadF64,
    store8,
    storeF32,
    ifThen,
    cat,
  } = o;
  const FROM = 0,
    TO = 1;
  const i32 = (name: string) => L.i32(name),
    f64 = (name: string) => L.f64(name);
  const g = get;
  // Table access: F[idx] (f64) and B[idx] (u8) at their memory offsets.
  const Fat = (idx: Code): Code => loadF64(shl(idx, ic(3)), M.F);
  const Bat = (idx: Code): Code => load8(idx, M.B);
  // fmin / fmax exactly as score-table.ts: (a + b ∓ |a − b|) × 0.5, through temporaries (fmax may nest in fmin).
  const tA = f64('tA'),
    tB = f64('tB'),
    tC = f64('tC'),
    tD = f64('tD');
  const fmax = (a: Code, b: Code): Code =>
    cat(set(tA, a), set(tB, b), fmul(fadd(fadd(g(tA), g(tB)), fabs(fsub(g(tA), g(tB)))), fc(0.5)));
  const fmin = (a: Code, b: Code): Code =>
    cat(set(tC, a), set(tD, b), fmul(fsub(fadd(g(tC), g(tD)), fabs(fsub(g(tC), g(tD)))), fc(0.5)));
  // classOf: ⌈ep2⌉ | 0, clamped to 0..LAST with the same bit tricks, then B_CLASS.
  const tc = i32('tc'),
    td = i32('td');
  const classOf = (ep2: Code): Code =>
    cat(
      set(tc, toInt32(fceil(ep2))),
      set(tc, and(g(tc), xor(shrS(g(tc), ic(31)), ic(-1)))),
      set(td, sub(g(tc), ic(LAST))),
      Bat(add(ic(layout.B_CLASS + LAST), and(g(td), shrS(g(td), ic(31))))),
    );

  // Constants (loaded once per call).
  const constantNames = [
    'onePlusUnknown',
    'pitchExtra',
    'glazPerA',
    'q',
    'uWt',
    'uRt',
    'uFt',
    'uGt',
    'hFixed',
    'hPerKw',
    'hSizing',
    'hMin',
    'hMax',
    'prim',
    'auxPrim',
    'hybridPrimNet',
    'gasPrice',
    'hybridBillPerM3',
    'wC',
    'wR',
    'wS',
    'incomeInv',
    'gasFullInv',
    'paybackInv',
    'p0',
    'p1',
    'p2',
    'p3',
    'p4',
  ] as const;
  if (constantNames.length !== CONSTANTS) throw new Error('kernel constants out of step');
  const named = <K extends string>(names: readonly K[], make: (name: string) => number): Record<K, number> =>
    Object.fromEntries(names.map((nm) => [nm, make(nm)])) as Record<K, number>;
  const K = named(constantNames, f64);
  const {
    onePlusUnknown,
    pitchExtra,
    glazPerA,
    q,
    uWt,
    uRt,
    uFt,
    uGt,
    hFixed,
    hPerKw,
    hSizing,
    hMin,
    hMax,
    prim,
    auxPrim,
    hybridPrimNet,
    gasPrice,
    hybridBillPerM3,
    wC,
    wR,
    wS,
    incomeInv,
    gasFullInv,
    paybackInv,
    p0,
    p1,
    p2,
    p3,
    p4,
  } = K;
  const thr = [i32('thrW'), i32('thrR'), i32('thrF'), i32('thrG')];
  const qPrim = f64('qPrim');
  const I = FROM; // the loop counter is `from` itself
  const {
    i2,
    i4,
    t,
    y,
    yr,
    tr,
    yb,
    mins,
    per,
    yc,
    st,
    fl,
    fg,
    floors,
    gb,
    nb,
    unknown,
    top,
    ground,
    roofPos,
    floorPos,
    flat,
    known,
    lw,
    lr,
    lf,
    lg,
    mn,
    lab,
    lr8,
    pb,
    own,
    inVve,
    cv: cvI,
    iW,
    iR,
    iF,
    iG,
    iH,
    az,
    buurt,
  } = named(
    [
      'i2',
      'i4',
      't',
      'y',
      'yr',
      'tr',
      'yb',
      'mins',
      'per',
      'yc',
      'st',
      'fl',
      'fg',
      'floors',
      'gb',
      'nb',
      'unknown',
      'top',
      'ground',
      'roofPos',
      'floorPos',
      'flat',
      'known',
      'lw',
      'lr',
      'lf',
      'lg',
      'mn',
      'lab',
      'lr8',
      'pb',
      'own',
      'inVve',
      'cv',
      'iW',
      'iR',
      'iF',
      'iG',
      'iH',
      'az',
      'buurt',
    ] as const,
    i32,
  );
  const {
    A,
    invA,
    roofShare,
    floorShare,
    opu,
    glaz,
    wallA,
    fp,
    roofA,
    floorA,
    uw,
    ur,
    uf,
    ug,
    hW,
    hR,
    hF,
    hG,
    hV,
    hTot,
    dhw,
    k,
    kq,
    heatCal,
    heatTheory,
    gas,
    est0,
    est,
    ep2,
    scale,
    epPerWK,
    aW,
    aR,
    aF,
    aG,
    aH,
    dW,
    dR,
    dF,
    dG,
    sW,
    sR,
    sF,
    sG,
    cW,
    cR,
    cF,
    cG,
    insSav,
    insDH,
    insCost,
    ep2Ins,
    hs2,
    sav2,
    kw2,
    pkgSav,
    pkgCost,
    pkgBill,
    risk,
    income,
    quote,
    f0,
    f1,
    f2,
    f3,
    f4,
  } = named(
    [
      'A',
      'invA',
      'roofShare',
      'floorShare',
      'opu',
      'glaz',
      'wallA',
      'fp',
      'roofA',
      'floorA',
      'uw',
      'ur',
      'uf',
      'ug',
      'hW',
      'hR',
      'hF',
      'hG',
      'hV',
      'hTot',
      'dhw',
      'k',
      'kq',
      'heatCal',
      'heatTheory',
      'gas',
      'est0',
      'est',
      'ep2',
      'scale',
      'epPerWK',
      'aW',
      'aR',
      'aF',
      'aG',
      'aH',
      'dW',
      'dR',
      'dF',
      'dG',
      'sW',
      'sR',
      'sF',
      'sG',
      'cW',
      'cR',
      'cF',
      'cG',
      'insSav',
      'insDH',
      'insCost',
      'ep2Ins',
      'hs2',
      'sav2',
      'kw2',
      'pkgSav',
      'pkgCost',
      'pkgBill',
      'risk',
      'income',
      'quote',
      'f0',
      'f1',
      'f2',
      'f3',
      'f4',
    ] as const,
    f64,
  );
  const x = g;
  const prologue = cat(
    ...constantNames.map((nm, j) => set(K[nm], loadF64(ic(0), M.C + 8 * j))),
    ...thr.map((l, k) => set(l, loadI32(ic(0), M.I + 4 * k))),
    set(qPrim, fmul(g(q), g(prim))),
  );

  const u8col = (c: (typeof U8_COLUMNS)[number]): Code => load8(g(I), M.u8[c]);
  const u16col = (c: (typeof U16_COLUMNS)[number]): Code => load16(x(i2), M.u16[c]);
  const one = ic(1);
  /** (a >>> 31) for an i32 expression. */
  const neg = (a: Code): Code => shrU(a, ic(31));
  /** Level raised to its minimum unless known (score-table.ts: `l - ((l - mn) & ((l - mn) >> 31))`). */
  const raise = (l: number, minBits: Code, knownBit: number): Code =>
    cat(
      set(mn, and(and(minBits, ic(3)), sub(and(shrS(x(known), ic(knownBit)), one), one))),
      set(l, sub(x(l), and(sub(x(l), x(mn)), shrS(sub(x(l), x(mn)), ic(31))))),
    );

  const body = cat(
    set(i2, shl(g(I), one)),
    set(i4, shl(g(I), ic(2))),
    set(t, u8col('type')),
    set(y, u16col('bouwjaar')),
    set(y, select(ic(2100), x(y), gtS(x(y), ic(2100)))),
    set(yr, add(ic(layout.B_YEAR), mul(x(y), ic(layout.YEAR_REC)))),
    set(tr, add(ic(layout.F_TYPE), mul(x(t), ic(layout.TYPE_REC)))),
    set(yb, Bat(x(yr))),
    set(mins, Bat(add(x(yr), one))),
    set(per, and(x(yb), ic(15))),
    set(yc, and(shrS(x(yb), ic(4)), ic(7))),
    set(A, promote(loadF32(x(i4), M.area))),
    set(invA, fdiv(fc(1), x(A))),
    set(st, u8col('storeys')),
    set(fl, u8col('floorLevel')),
    set(fg, Bat(add(add(ic(layout.B_FLOORS), shl(x(t), ic(8))), x(st)))),
    set(floors, and(x(fg), ic(3))),
    set(gb, shrS(x(fg), ic(2))),
    set(nb, sub(one, x(gb))),
    set(unknown, or(neg(sub(ic(254), x(fl))), neg(sub(x(st), one)))),
    set(top, sub(one, neg(sub(add(x(fl), x(floors)), x(st))))),
    set(ground, neg(sub(x(fl), one))),
    set(roofPos, mul(x(nb), add(shl(x(unknown), one), mul(sub(one, x(unknown)), sub(one, x(top)))))),
    set(floorPos, mul(x(nb), add(shl(x(unknown), one), mul(sub(one, x(unknown)), sub(one, x(ground)))))),
    set(opu, select(fadd(fc(1), fdiv(fc(1), toF(x(st)))), x(onePlusUnknown), gtS(x(st), ic(0)))),
    set(roofShare, fadd(toF(sub(one, x(roofPos))), fmul(toF(shrS(x(roofPos), one)), x(opu)))),
    set(floorShare, fadd(toF(sub(one, x(floorPos))), fmul(toF(shrS(x(floorPos), one)), x(opu)))),
    set(flat, u8col('flatRoof')),

    // Element areas and levels.
    set(glaz, fmul(x(glazPerA), x(A))),
    set(
      wallA,
      fmax(fsub(fsub(fmul(Fat(add(add(x(tr), ic(2)), x(floors))), fsqrt(x(A))), x(glaz)), Fat(add(x(tr), one))), fc(0)),
    ),
    set(fp, fdiv(x(A), toF(x(floors)))),
    set(roofA, fmul(fmul(x(fp), x(roofShare)), fadd(fc(1), fmul(toF(sub(one, x(flat))), x(pitchExtra))))),
    set(floorA, fmul(x(fp), x(floorShare))),
    set(known, u8col('elementsKnown')),
    set(lw, u8col('cavityWall')),
    set(lr, u8col('roof')),
    set(lf, u8col('floor')),
    set(lg, u8col('glazing')),
    raise(lw, x(mins), 0),
    raise(lr, shrS(x(mins), ic(2)), 1),
    raise(lf, shrS(x(mins), ic(4)), 2),
    raise(lg, shrS(x(mins), ic(6)), 3),

    // Heat model.
    set(uw, Fat(add(ic(layout.F_UW), x(lw)))),
    set(ur, Fat(add(ic(layout.F_UR), x(lr)))),
    set(uf, Fat(add(ic(layout.F_UF), x(lf)))),
    set(ug, Fat(add(ic(layout.F_UG), x(lg)))),
    set(hW, fmul(x(wallA), x(uw))),
    set(hR, fmul(x(roofA), x(ur))),
    set(hF, fmul(x(floorA), x(uf))),
    set(hG, fmul(x(glaz), x(ug))),
    set(hV, fmul(Fat(add(ic(layout.F_VENT), x(per))), x(A))),
    set(hTot, fadd(fadd(fadd(fadd(x(hW), x(hR)), x(hF)), x(hG)), x(hV))),
    set(
      dhw,
      Fat(
        add(ic(layout.F_DHW), add(mul(add(shl(x(t), one), neg(sub(ic(4), x(st)))), ic(BUILD_PERIODS.length)), x(per))),
      ),
    ),
    set(heatTheory, fmul(x(hTot), x(q))),
    set(est0, fadd(fmul(fmul(fadd(x(heatTheory), x(dhw)), x(prim)), x(invA)), x(auxPrim))),
    set(pb, add(ic(layout.F_LAB), mul(classOf(x(est0)), ic(layout.LABEL_REC)))),
    set(k, fmul(Fat(add(x(tr), ic(2))), fadd(Fat(add(x(pb), ic(5))), fmul(Fat(add(x(pb), ic(6))), x(est0))))),
    set(est, fmul(x(est0), Fat(add(x(tr), ic(6))))),
    set(kq, fmul(x(k), x(q))),
    set(heatCal, fmul(x(kq), x(hTot))),
    set(gas, fadd(x(heatCal), fmul(x(k), x(dhw)))),
    storeF32(x(i4), demote(x(gas)), M.f32Out.gasM3),

    // EP2 and label before.
    set(lab, u8col('label')),
    set(
      ep2,
      fmin(
        fmax(x(est), Fat(add(ic(layout.F_LAB), mul(x(lab), ic(layout.LABEL_REC))))),
        Fat(add(add(ic(layout.F_LAB), mul(x(lab), ic(layout.LABEL_REC))), one)),
      ),
    ),
    ifThen(eq(x(lab), ic(LABEL_UNKNOWN)), set(lab, classOf(x(ep2)))),
    set(lr8, add(ic(layout.F_LAB), mul(x(lab), ic(layout.LABEL_REC)))),
    store8(g(I), x(lab), M.u8Out.labelBefore),
    set(scale, fdiv(x(ep2), x(est0))),
    set(epPerWK, fmul(fmul(g(qPrim), x(invA)), x(scale))),

    // Measures.
    set(own, u8col('ownership')),
    set(inVve, xor(neg(loadI32(x(i4), M.vve)), one)),
    set(
      cvI,
      add(
        shl(sub(one, x(gb)), one),
        Bat(add(ic(layout.B_PROJECT), add(mul(add(shl(u8col('priceMode'), ic(2)), x(own)), ic(2)), x(inVve)))),
      ),
    ),
    set(iW, and(neg(sub(and(x(yc), ic(3)), one)), neg(sub(x(lw), g(thr[0]!))))),
    set(iR, and(or(neg(sub(x(roofPos), one)), shrS(x(roofPos), one)), neg(sub(x(lr), g(thr[1]!))))),
    set(iF, and(or(neg(sub(x(floorPos), one)), shrS(x(floorPos), one)), neg(sub(x(lf), g(thr[2]!))))),
    set(iG, neg(sub(x(lg), g(thr[3]!)))),
    set(iH, neg(sub(and(x(yc), ic(4)), one))),
    set(aW, toF(x(iW))),
    set(aR, toF(x(iR))),
    set(aF, toF(x(iF))),
    set(aG, toF(x(iG))),
    set(aH, toF(x(iH))),
    set(dW, fmul(fmul(x(aW), x(wallA)), fsub(x(uw), x(uWt)))),
    set(dR, fmul(fmul(x(aR), x(roofA)), fsub(x(ur), x(uRt)))),
    set(dF, fmul(fmul(x(aF), x(floorA)), fsub(x(uf), x(uFt)))),
    set(dG, fmul(fmul(x(aG), x(glaz)), fsub(x(ug), x(uGt)))),
    set(sW, fmul(x(kq), x(dW))),
    set(sR, fmul(x(kq), x(dR))),
    set(sF, fmul(x(kq), x(dF))),
    set(sG, fmul(x(kq), x(dG))),
    set(cW, fmul(fmul(x(aW), x(wallA)), Fat(add(ic(layout.F_COST), x(cvI))))),
    set(cR, fmul(fmul(x(aR), x(roofA)), Fat(add(add(ic(layout.F_COST + 4), shl(x(flat), ic(2))), x(cvI))))),
    set(cF, fmul(fmul(x(aF), x(floorA)), Fat(add(ic(layout.F_COST + 12), x(cvI))))),
    set(cG, fmul(fmul(x(aG), x(glaz)), Fat(add(ic(layout.F_COST + 16), x(cvI))))),
    set(insSav, fadd(fadd(fadd(x(sW), x(sR)), x(sF)), x(sG))),
    set(insDH, fadd(fadd(fadd(x(dW), x(dR)), x(dF)), x(dG))),
    set(insCost, fadd(fadd(fadd(x(cW), x(cR)), x(cF)), x(cG))),
    store8(
      g(I),
      or(or(or(or(x(iW), shl(x(iR), one)), shl(x(iF), ic(2))), shl(x(iG), ic(3))), shl(x(iH), ic(4))),
      M.u8Out.applicable,
    ),

    // Package.
    set(ep2Ins, fsub(x(ep2), fmul(x(insDH), x(epPerWK)))),
    set(hs2, fmul(x(aH), Fat(add(add(ic(layout.F_LAB), mul(classOf(x(ep2Ins)), ic(layout.LABEL_REC))), ic(2))))),
    set(sav2, fmul(x(hs2), fsub(x(heatCal), x(insSav)))),
    set(kw2, fmin(fmax(fmul(fsub(x(hTot), x(insDH)), x(hSizing)), x(hMin)), x(hMax))),
    set(pkgSav, fadd(x(insSav), x(sav2))),
    set(pkgCost, fadd(x(insCost), fmul(x(aH), fadd(x(hFixed), fmul(x(hPerKw), x(kw2)))))),
    set(pkgBill, fadd(fmul(x(insSav), x(gasPrice)), fmul(x(sav2), x(hybridBillPerM3)))),
    storeF32(x(i4), demote(x(pkgSav)), M.f32Out.packageSavingM3),
    storeF32(x(i4), demote(x(pkgCost)), M.f32Out.packageCostEur),
    storeF32(x(i4), demote(x(pkgBill)), M.f32Out.packageBillEur),
    store8(
      g(I),
      classOf(
        fsub(
          x(ep2Ins),
          fmul(
            fmul(fmul(fmul(x(hs2), fsub(x(heatTheory), fmul(x(insDH), x(q)))), x(hybridPrimNet)), x(invA)),
            x(scale),
          ),
        ),
      ),
      M.u8Out.packageLabelAfter,
    ),

    // Ecology.
    set(az, u16col('facadeAzimuthDeg')),
    set(
      risk,
      fadd(
        fadd(fmul(x(wC), toF(and(shrS(x(yb), ic(7)), neg(sub(x(lw), one))))), fmul(x(wR), toF(sub(one, x(flat))))),
        fmul(x(wS), Fat(add(ic(layout.F_SW), select(ic(360), x(az), gtS(x(az), ic(359)))))),
      ),
    ),
    storeF32(x(i4), demote(x(risk)), M.f32Out.riskScore),
    store8(g(I), Bat(add(ic(layout.B_ROUTE), add(mul(add(shl(x(own), one), x(gb)), ic(2)), x(inVve)))), M.u8Out.route),

    // Factors and priority.
    set(buurt, u16col('buurt')),
    set(income, fmin(fmul(promote(loadF32(shl(x(buurt), ic(3)), M.BU)), x(incomeInv)), fc(1))),
    set(quote, fmin(fmul(fmul(x(gas), x(gasPrice)), promote(loadF32(shl(x(buurt), ic(3)), M.BU + 4))), fc(1))),
    set(f0, fmul(x(income), fmax(x(quote), Fat(add(x(lr8), ic(4)))))),
    set(f1, Fat(add(x(lr8), ic(3)))),
    set(f2, fmin(fmul(x(pkgSav), x(gasFullInv)), fc(1))),
    set(
      f3,
      select(
        fmax(fsub(fc(1), fmul(fdiv(x(pkgCost), x(pkgBill)), x(paybackInv))), fc(0)),
        fc(0),
        fgt(x(pkgBill), fc(0)),
      ),
    ),
    set(f4, fsub(fc(1), fmul(x(risk), fsub(fadd(x(aW), x(aR)), fmul(x(aW), x(aR)))))),
    ...[f0, f1, f2, f3, f4].map((fk, j) => storeF32(mul(g(I), ic(4 * FACTOR_COUNT)), demote(x(fk)), M.factors + 4 * j)),
    storeF32(
      x(i4),
      demote(
        fadd(
          fadd(fadd(fadd(fmul(x(p0), x(f0)), fmul(x(p1), x(f1))), fmul(x(p2), x(f2))), fmul(x(p3), x(f3))),
          fmul(x(p4), x(f4)),
        ),
      ),
      M.f32Out.priority,
    ),
  );
  return { locals: L, body: cat(prologue, o.loop(I, TO, body)) };
}

/** The scalar constants in kernelCode's order, computed exactly as score-table.ts computes them. */
function constantsOf(T: ScoreTables): Float64Array {
  const prim = T.primaryPerM3,
    kwhPerM3 = T.hybridKwhPerM3,
    gasPrice = T.gasPrice;
  return Float64Array.of(
    1 + T.unknownPositionShare,
    T.pitchedRoofFactor - 1,
    T.glazingPerArea,
    T.m3PerWK,
    T.uWall[T.targetLevel[0]!]!,
    T.uRoof[T.targetLevel[1]!]!,
    T.uFloor[T.targetLevel[2]!]!,
    T.uGlazing[T.targetLevel[3]!]!,
    T.hybridFixedEur,
    T.hybridPerKwEur,
    (T.hybridSizing * T.designDeltaK) / 1000,
    T.hybridMinKw,
    T.hybridMaxKw,
    prim,
    T.auxPrimaryPerM2,
    prim - kwhPerM3 * T.primaryElectricity,
    gasPrice,
    gasPrice - kwhPerM3 * T.electricityPrice,
    T.riskCavity,
    T.riskRoof,
    T.riskFacade,
    T.lowIncomeFullInv,
    T.gasFullInv,
    1 / T.paybackWorstYears,
    T.points[0]!,
    T.points[1]!,
    T.points[2]!,
    T.points[3]!,
    T.points[4]!,
  );
}

export interface ScoreKernel {
  /** The stock, its columns now views into the kernel's memory. */
  stock: RetrofitStock;
  /** Summary-mode outputs (as allocScores(n, { measures: false })), views into the kernel's memory. */
  scores: ScoreColumns;
  /** Scores dwellings [from, to) with the tables `T` (its buurt shares must match the stock's buurten). */
  score(T: ScoreTables, from: number, to: number): void;
}

/** A stock whose columns already sit in a kernel memory (allocKernelStock): scored without a copy. */
export interface KernelStock {
  memory: WebAssembly.Memory;
  stock: RetrofitStock;
}

function pagesOf(M: MemoryLayout): number {
  return Math.ceil(M.bytes / PAGE);
}

/** Column views of a stock of n dwellings at the kernel's layout in `buf`; buurt shares in their own array. */
function stockViews(buf: ArrayBufferLike, M: MemoryLayout, shares: Float32Array): RetrofitStock {
  const n = M.n;
  const s = { count: n, buurtLowIncomeShare: shares } as RetrofitStock;
  for (const c of U8_COLUMNS) s[c] = new Uint8Array(buf, M.u8[c], n);
  for (const c of U16_COLUMNS) s[c] = new Uint16Array(buf, M.u16[c], n);
  s.oppervlakte = new Float32Array(buf, M.area, n);
  s.vve = new Int32Array(buf, M.vve, n);
  return s;
}

/**
 * Empty (zero-filled) stock columns of n dwellings in a new shared kernel memory: fill them (national-stock.ts
 * generateNationalStock `into`), post the result to a worker — the memory is shared, not copied — and score there.
 */
export function allocKernelStock(n: number, buurten: number): KernelStock {
  const M = memoryLayout(n, buurten);
  const pages = pagesOf(M);
  const memory = new WebAssembly.Memory({ initial: pages, maximum: pages, shared: true });
  return { memory, stock: stockViews(memory.buffer, M, new Float32Array(buurten)) };
}

/** Every code the tables index must have a row there (a JavaScript lookup past a table gives undefined, linear memory gives bytes). */
function checkCodes(s: RetrofitStock): void {
  const n = s.count,
    buurten = s.buurtLowIncomeShare.length;
  for (const c of [...U8_COLUMNS, ...U16_COLUMNS, 'oppervlakte', 'vve'] as const) {
    if (s[c].length !== n) throw new RangeError(`score kernel: column ${c} has ${s[c].length} rows, the stock ${n}`);
  }
  for (const [c, max] of Object.entries(MAX_CODE) as [(typeof U8_COLUMNS)[number], number][]) {
    const col = s[c];
    for (let i = 0; i < n; i++)
      if (col[i]! > max)
        throw new RangeError(`score kernel: row ${i}, column ${c}: ${col[i]} is above the largest code ${max}`);
  }
  for (let i = 0; i < n; i++)
    if (s.buurt[i]! >= buurten)
      throw new RangeError(`score kernel: row ${i}, column buurt: ${s.buurt[i]} is not below the ${buurten} buurten`);
}

/**
 * The kernel for a stock: a KernelStock is used in place (its memory may be shared with the thread that filled
 * it); plain columns are copied into a new kernel memory. Checks every code the tables index, naming the row.
 */
export function createScoreKernel(src: RetrofitStock | KernelStock): ScoreKernel {
  const given = 'memory' in src ? src : null;
  const s0 = given ? given.stock : (src as RetrofitStock);
  const n = s0.count,
    buurten = s0.buurtLowIncomeShare.length;
  const M = memoryLayout(n, buurten);
  const pages = pagesOf(M);
  const memory = given?.memory ?? new WebAssembly.Memory({ initial: pages, maximum: pages });
  const buf = memory.buffer;
  if (buf.byteLength < M.bytes)
    throw new RangeError(`score kernel: memory of ${buf.byteLength} bytes, the layout needs ${M.bytes}`);
  // A posted KernelStock arrives with fresh views; rebuild them on this thread's handle of the memory.
  const stock = stockViews(buf, M, Float32Array.from(s0.buurtLowIncomeShare));
  if (given) checkCodes(stock);
  else {
    checkCodes(s0);
    for (const c of [...U8_COLUMNS, ...U16_COLUMNS, 'oppervlakte', 'vve'] as const) (stock[c] as Uint8Array).set(s0[c]);
  }

  const f32 = (at: number, len: number) => new Float32Array(buf, at, len);
  const u8 = (at: number) => new Uint8Array(buf, at, n);
  const scores: ScoreColumns = {
    count: n,
    gasM3: f32(M.f32Out.gasM3, n),
    ep2: new Float32Array(0),
    labelBefore: u8(M.u8Out.labelBefore),
    applicable: u8(M.u8Out.applicable),
    measureReason: new Uint8Array(0),
    measureCostEur: new Float32Array(0),
    measureSavingM3: new Float32Array(0),
    measureLabelAfter: new Uint8Array(0),
    packageCostEur: f32(M.f32Out.packageCostEur, n),
    packageSavingM3: f32(M.f32Out.packageSavingM3, n),
    packageBillEur: f32(M.f32Out.packageBillEur, n),
    packageHybridM3: new Float32Array(0),
    packageLabelAfter: u8(M.u8Out.packageLabelAfter),
    riskScore: f32(M.f32Out.riskScore, n),
    route: u8(M.u8Out.route),
    factors: f32(M.factors, n * FACTOR_COUNT),
    priority: f32(M.f32Out.priority, n),
  };

  const { locals, body } = kernelCode(M);
  const instance = new WebAssembly.Instance(
    new WebAssembly.Module(
      moduleBytes(
        'score',
        pages,
        locals,
        body,
        typeof SharedArrayBuffer !== 'undefined' && buf instanceof SharedArrayBuffer,
      ),
    ),
    { m: { memory } },
  );
  const run = instance.exports.score as (from: number, to: number) => void;

  return {
    stock,
    scores,
    score(T, from, to) {
      if (T.buurtShare.length !== buurten)
        throw new RangeError(`score kernel: tables have ${T.buurtShare.length} buurten, the stock ${buurten}`);
      if (!(from >= 0 && from <= to && to <= n))
        throw new RangeError(`score kernel: range [${from}, ${to}) outside 0..${n}`);
      new Float64Array(buf, M.F, layout.F_SIZE).set(T.packed.F);
      new Uint8Array(buf, M.B, layout.B_SIZE).set(T.packed.B);
      new Float64Array(buf, M.C, CONSTANTS).set(constantsOf(T));
      new Int32Array(buf, M.I, 4).set(T.applyBelow);
      const bu = new Float32Array(buf, M.BU, 2 * buurten);
      for (let b = 0; b < buurten; b++) {
        bu[2 * b] = T.buurtShare[b]!;
        bu[2 * b + 1] = T.buurtQuoteInv[b]!;
      }
      for (let a = from; a < to; a += BLOCK) run(a, Math.min(to, a + BLOCK));
    },
  };
}
