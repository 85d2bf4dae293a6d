/**
 * Whole-stock scoring — the hot path. One pass over the stock's typed arrays writes, per dwelling, the
 * calibrated gas use, EP2 and label, the package of all applicable measures (cost, saving, bill, label
 * after), habitat risk, route, the five priority factors and the priority; in full mode also every measure's
 * reason, cost, saving and label after. The loop body is table lookups (score-tables.ts, decision-tables.ts),
 * arithmetic and integer bit tricks instead of data-dependent branches: no objects or allocation per dwelling.
 * The national benchmark opts in to the same arithmetic as WebAssembly (fast-kernel/kernel-score.ts); a change here
 * must be made there too — fast-kernel/kernel-score.test.ts fails on any difference.
 */
import { MEASURE_COUNT } from './measure-ids.ts';
import { BUILD_PERIODS } from '../build-period.ts';
import * as layout from './packed-layout.ts';
import type { ScoreTables } from './score-tables.ts';
import { LABEL_UNKNOWN, type RetrofitStock } from './stock.ts';
import { FACTOR_COUNT } from './weights.ts';

/** Results per dwelling; per-measure columns (full mode only) are `[i × MEASURE_COUNT + m]`, factors `[i × FACTOR_COUNT + f]`. */
export interface ScoreColumns {
  count: number;
  /** Modelled (calibrated) gas use, m³/yr. */
  gasM3: Float32Array;
  /** EP2 before, kWh/m²·yr (anchored to the known label); full mode only. */
  ep2: Float32Array;
  /** Label index before (known, or estimated when unknown). */
  labelBefore: Uint8Array;
  /** Bit m set when measure m applies. */
  applicable: Uint8Array;
  /** Full mode: reason index per measure (0 = applies); empty in summary mode. */
  measureReason: Uint8Array;
  measureCostEur: Float32Array;
  /** Gas saving, m³/yr (calibrated). */
  measureSavingM3: Float32Array;
  measureLabelAfter: Uint8Array;
  packageCostEur: Float32Array;
  packageSavingM3: Float32Array;
  /** Bill saving of the package, €/yr (gas saved minus the heat pump's electricity). */
  packageBillEur: Float32Array;
  /** Gas the package's heat pump takes over, m³/yr (its electricity = this × η × LHV / SPF); full mode only. */
  packageHybridM3: Float32Array;
  packageLabelAfter: Uint8Array;
  riskScore: Float32Array;
  route: Uint8Array;
  factors: Float32Array;
  priority: Float32Array;
}

/** Output columns for n dwellings; `measures: false` leaves the per-measure columns empty (summary mode). */
export function allocScores(n: number, opts: { measures?: boolean } = {}): ScoreColumns {
  const m = opts.measures === false ? 0 : n * MEASURE_COUNT;
  return {
    count: n,
    gasM3: new Float32Array(n),
    ep2: new Float32Array(m ? n : 0),
    labelBefore: new Uint8Array(n),
    applicable: new Uint8Array(n),
    measureReason: new Uint8Array(m),
    measureCostEur: new Float32Array(m),
    measureSavingM3: new Float32Array(m),
    measureLabelAfter: new Uint8Array(m),
    packageCostEur: new Float32Array(n),
    packageSavingM3: new Float32Array(n),
    packageBillEur: new Float32Array(n),
    packageHybridM3: new Float32Array(m ? n : 0),
    packageLabelAfter: new Uint8Array(n),
    riskScore: new Float32Array(n),
    route: new Uint8Array(n),
    factors: new Float32Array(n * FACTOR_COUNT),
    priority: new Float32Array(n),
  };
}

const LAST = 381; // last index of EP2_CLASS_BY_CEIL
const CLASS_END = layout.B_CLASS + LAST;
const PERIODS = BUILD_PERIODS.length;

/** min and max of two doubles without a branch (Math.min/max compile to compare-and-jump on x64). */
function fmin(a: number, b: number): number {
  return (a + b - Math.abs(a - b)) * 0.5;
}
function fmax(a: number, b: number): number {
  return (a + b + Math.abs(a - b)) * 0.5;
}

/** Label class index of an EP2 value: ⌈ep2⌉ clamped to 0..LAST with integer bit tricks, then one lookup in B. */
function classOf(B: Uint8Array, ep2: number): number {
  let c = Math.ceil(ep2) | 0;
  c &= ~(c >> 31);
  return B[(CLASS_END + ((c - LAST) & ((c - LAST) >> 31))) | 0]!;
}

/** Scores dwellings [from, to) of `s` into `o`. */
export function scoreRange(s: RetrofitStock, T: ScoreTables, o: ScoreColumns, from: number, to: number): void {
  const {
    type,
    bouwjaar,
    oppervlakte,
    ownership,
    vve,
    label,
    cavityWall,
    roof,
    floor,
    glazing,
    elementsKnown,
    floorLevel,
    buurt,
    storeys,
    flatRoof,
    facadeAzimuthDeg,
    priceMode,
  } = s;
  const { F, B } = T.packed;
  // Layout offsets as untagged int32 locals (`| 0`): plain module constants are reloaded from the module
  // context and Smi-checked on every use inside this register-starved loop.
  const B_FLOORS = layout.B_FLOORS | 0,
    B_PROJECT = layout.B_PROJECT | 0,
    B_RFLOOR = layout.B_RFLOOR | 0;
  const B_RGLAZ = layout.B_RGLAZ | 0,
    B_RHYB = layout.B_RHYB | 0,
    B_ROUTE = layout.B_ROUTE | 0;
  const B_RROOF = layout.B_RROOF | 0,
    B_RWALL = layout.B_RWALL | 0,
    B_YEAR = layout.B_YEAR | 0;
  const F_COST = layout.F_COST | 0,
    F_DHW = layout.F_DHW | 0,
    F_LAB = layout.F_LAB | 0,
    F_SW = layout.F_SW | 0;
  const F_TYPE = layout.F_TYPE | 0,
    F_UF = layout.F_UF | 0,
    F_UG = layout.F_UG | 0,
    F_UR = layout.F_UR | 0;
  const F_UW = layout.F_UW | 0,
    F_VENT = layout.F_VENT | 0;
  const LABEL_REC = layout.LABEL_REC | 0,
    TYPE_REC = layout.TYPE_REC | 0,
    YEAR_REC = layout.YEAR_REC | 0;
  const periods = PERIODS | 0,
    unknownLabel = LABEL_UNKNOWN | 0,
    nf = FACTOR_COUNT | 0;
  // The "applies" rules of decision-tables.ts as integer arithmetic (full mode reads the reasons from the tables;
  // test/retrofit/score-table.test.ts checks both agree on every dwelling).
  const thrW = T.applyBelow[0]! | 0,
    thrR = T.applyBelow[1]! | 0,
    thrF = T.applyBelow[2]! | 0,
    thrG = T.applyBelow[3]! | 0;
  const unknownShare = T.unknownPositionShare,
    pitchExtra = T.pitchedRoofFactor - 1;
  const buurtShare = T.buurtShare,
    points = T.points;
  const glazPerA = T.glazingPerArea,
    q = T.m3PerWK;
  const uWt = T.uWall[T.targetLevel[0]!]!,
    uRt = T.uRoof[T.targetLevel[1]!]!,
    uFt = T.uFloor[T.targetLevel[2]!]!,
    uGt = T.uGlazing[T.targetLevel[3]!]!;
  const hFixed = T.hybridFixedEur,
    hPerKw = T.hybridPerKwEur,
    hSizing = (T.hybridSizing * T.designDeltaK) / 1000,
    hMin = T.hybridMinKw,
    hMax = T.hybridMaxKw;
  const kwhPerM3 = T.hybridKwhPerM3,
    prim = T.primaryPerM3,
    auxPrim = T.auxPrimaryPerM2;
  const hybridPrimNet = prim - kwhPerM3 * T.primaryElectricity; // EP2 change per m³ of theory gas the heat pump takes over
  const gasPrice = T.gasPrice,
    hybridBillPerM3 = gasPrice - kwhPerM3 * T.electricityPrice;
  const wC = T.riskCavity,
    wR = T.riskRoof,
    wS = T.riskFacade;
  const incomeInv = T.lowIncomeFullInv,
    buurtQuoteInv = T.buurtQuoteInv,
    gasFullInv = T.gasFullInv,
    paybackInv = 1 / T.paybackWorstYears;
  const p0 = points[0]!,
    p1 = points[1]!,
    p2 = points[2]!,
    p3 = points[3]!,
    p4 = points[4]!;
  const {
    gasM3,
    ep2: ep2Out,
    labelBefore,
    applicable,
    measureReason,
    measureCostEur,
    measureSavingM3,
    measureLabelAfter,
    packageCostEur,
    packageSavingM3,
    packageBillEur,
    packageHybridM3,
    packageLabelAfter,
    riskScore,
    route,
    factors,
    priority,
  } = o;
  const full = measureReason.length > 0;

  for (let i = from; i < to; i++) {
    const t = type[i]!;
    const y0 = bouwjaar[i]!;
    const y = y0 > 2100 ? 2100 : y0;
    const yr = (B_YEAR + y * YEAR_REC) | 0,
      tr = (F_TYPE + t * TYPE_REC) | 0;
    const yb = B[yr]!,
      mins = B[(yr + 1) | 0]!;
    const per = yb & 15,
      yc = (yb >> 4) & 7;
    const A = oppervlakte[i]!,
      invA = 1 / A;
    const st = storeys[i]!,
      fl = floorLevel[i]!;
    const fg = B[(B_FLOORS + (t << 8) + st) | 0]!;
    const floors = fg & 3,
      gb = fg >> 2,
      nb = 1 - gb;
    // Position (bit tricks: x >>> 31 is 1 for a negative int): unknown floor or storeys, top floor, ground floor;
    // then position 0 own, 1 none, 2 unknown (decision-tables.ts) and the share of the footprint it counts.
    const unknown = ((254 - fl) >>> 31) | ((st - 1) >>> 31);
    const top = 1 - ((fl + floors - st) >>> 31);
    const ground = (fl - 1) >>> 31;
    const roofPos = nb * ((unknown << 1) + (1 - unknown) * (1 - top));
    const floorPos = nb * ((unknown << 1) + (1 - unknown) * (1 - ground));
    // A flat of unknown floor has the roof or the ground floor with probability 1 / storeys of its building (one
    // flat per floor on its staircase); when the storeys are unknown too, with unknownPositionShare (L).
    const opu = st > 0 ? 1 + 1 / st : 1 + unknownShare;
    const roofShare = 1 - roofPos + (roofPos >> 1) * opu;
    const floorShare = 1 - floorPos + (floorPos >> 1) * opu;
    const flat = flatRoof[i]!;

    // Element areas (element-areas.ts) and levels, raised to the post-1992 minimum unless known.
    const glaz = glazPerA * A;
    const wallA = fmax(F[(tr + 2 + floors) | 0]! * Math.sqrt(A) - glaz - F[(tr + 1) | 0]!, 0);
    const fp = A / floors;
    const roofA = fp * roofShare * (1 + (1 - flat) * pitchExtra);
    const floorA = fp * floorShare;
    const known = elementsKnown[i]!;
    let lw = cavityWall[i]!,
      lr = roof[i]!,
      lf = floor[i]!,
      lg = glazing[i]!;
    let mn = mins & 3 & ((known & 1) - 1);
    lw = lw - ((lw - mn) & ((lw - mn) >> 31));
    mn = (mins >> 2) & 3 & (((known >> 1) & 1) - 1);
    lr = lr - ((lr - mn) & ((lr - mn) >> 31));
    mn = (mins >> 4) & 3 & (((known >> 2) & 1) - 1);
    lf = lf - ((lf - mn) & ((lf - mn) >> 31));
    mn = (mins >> 6) & 3 & (((known >> 3) & 1) - 1);
    lg = lg - ((lg - mn) & ((lg - mn) >> 31));

    // Heat model (heat-model.ts): the plain physics gives the EP2 estimate; the dwelling's one prebound factor
    // (per-type level × the prebound line of the estimate's class) turns it into gas use and every saving.
    const uw = F[(F_UW + lw) | 0]!,
      ur = F[(F_UR + lr) | 0]!,
      uf = F[(F_UF + lf) | 0]!,
      ug = F[(F_UG + lg) | 0]!;
    const hW = wallA * uw,
      hR = roofA * ur,
      hF = floorA * uf,
      hG = glaz * ug;
    const hV = F[(F_VENT + per) | 0]! * A;
    const hTot = hW + hR + hF + hG + hV;
    const dhw = F[(F_DHW + ((t << 1) + ((4 - st) >>> 31)) * periods + per) | 0]!;
    const heatTheory = hTot * q;
    // est0: the plain physics' EP2 (drives the prebound factor); est: it × the type's EP2 scale, calibrated on
    // registered labels (label-calibration.ts), which places the label before.
    const est0 = (heatTheory + dhw) * prim * invA + auxPrim;
    const pb = (F_LAB + classOf(B, est0) * LABEL_REC) | 0;
    const k = F[(tr + 2) | 0]! * (F[(pb + 5) | 0]! + F[(pb + 6) | 0]! * est0),
      kq = k * q;
    const heatCal = kq * hTot;
    const gas = heatCal + k * dhw;
    gasM3[i] = gas;
    const est = est0 * F[(tr + 6) | 0]!;

    // EP2 and label before (labels.ts): the estimate kept inside a known label's class; the measures' changes are
    // the physics' relative changes applied to that anchored value.
    let lab = label[i]!;
    const lb = (F_LAB + lab * LABEL_REC) | 0;
    const ep2 = fmin(fmax(est, F[lb]!), F[(lb + 1) | 0]!);
    if (lab === unknownLabel) lab = classOf(B, ep2);
    const lr8 = (F_LAB + lab * LABEL_REC) | 0;
    labelBefore[i] = lab;
    const scale = ep2 / est0;
    const epPerWK = q * prim * invA * scale;

    // Measures: "applies" masks from the decision tables; savings and costs multiplied by them.
    const own = ownership[i]!,
      inVve = (vve[i]! >>> 31) ^ 1;
    const cv = (((1 - gb) << 1) + B[(B_PROJECT + ((priceMode[i]! << 2) + own) * 2 + inVve) | 0]!) | 0;
    const iW = (((yc & 3) - 1) >>> 31) & ((lw - thrW) >>> 31); // no solid wall, not insulated at construction, level below
    // own roof (0) or unknown position (2, counted at its probability share), level below; not for position 1 (none)
    const iR = (((roofPos - 1) >>> 31) | (roofPos >> 1)) & ((lr - thrR) >>> 31);
    const iF = (((floorPos - 1) >>> 31) | (floorPos >> 1)) & ((lf - thrF) >>> 31);
    const iG = (lg - thrG) >>> 31;
    const iH = ((yc & 4) - 1) >>> 31; // a gas connection
    const aW = +iW,
      aR = +iR,
      aF = +iF,
      aG = +iG,
      aH = +iH;
    const dW = aW * wallA * (uw - uWt),
      dR = aR * roofA * (ur - uRt),
      dF = aF * floorA * (uf - uFt),
      dG = aG * glaz * (ug - uGt);
    const sW = kq * dW,
      sR = kq * dR,
      sF = kq * dF,
      sG = kq * dG;
    const cW = aW * wallA * F[(F_COST + cv) | 0]!,
      cR = aR * roofA * F[(F_COST + 4 + (flat << 2) + cv) | 0]!;
    const cF = aF * floorA * F[(F_COST + 12 + cv) | 0]!,
      cG = aG * glaz * F[(F_COST + 16 + cv) | 0]!;
    const insSav = sW + sR + sF + sG,
      insDH = dW + dR + dF + dG,
      insCost = cW + cR + cF + cG;
    applicable[i] = iW | (iR << 1) | (iF << 2) | (iG << 3) | (iH << 4);

    // Package: the insulation first, then the hybrid heat pump on what is left.
    const ep2Ins = ep2 - insDH * epPerWK;
    const hs2 = aH * F[(F_LAB + classOf(B, ep2Ins) * LABEL_REC + 2) | 0]!;
    const sav2 = hs2 * (heatCal - insSav);
    const kw2 = fmin(fmax((hTot - insDH) * hSizing, hMin), hMax);
    const pkgSav = insSav + sav2;
    const pkgCost = insCost + aH * (hFixed + hPerKw * kw2);
    const pkgBill = insSav * gasPrice + sav2 * hybridBillPerM3;
    packageSavingM3[i] = pkgSav;
    packageCostEur[i] = pkgCost;
    packageBillEur[i] = pkgBill;
    packageLabelAfter[i] = classOf(B, ep2Ins - hs2 * (heatTheory - insDH * q) * hybridPrimNet * invA * scale);

    if (full) {
      ep2Out[i] = ep2;
      packageHybridM3[i] = sav2;
      const kW = (yc * 5 + lw) | 0,
        kR = ((roofPos * 8 + yc) * 5 + lr) | 0,
        kF = ((floorPos * 8 + yc) * 5 + lf) | 0;
      const b = i * 5;
      const hs = aH * F[(lr8 + 2) | 0]!;
      const kw = fmin(fmax(hTot * hSizing, hMin), hMax);
      measureReason[b] = B[(B_RWALL + kW) | 0]!;
      measureReason[b + 1] = B[(B_RROOF + kR) | 0]!;
      measureReason[b + 2] = B[(B_RFLOOR + kF) | 0]!;
      measureReason[b + 3] = B[(B_RGLAZ + lg) | 0]!;
      measureReason[b + 4] = B[(B_RHYB + yc) | 0]!;
      measureSavingM3[b] = sW;
      measureSavingM3[b + 1] = sR;
      measureSavingM3[b + 2] = sF;
      measureSavingM3[b + 3] = sG;
      measureSavingM3[b + 4] = hs * heatCal;
      measureCostEur[b] = cW;
      measureCostEur[b + 1] = cR;
      measureCostEur[b + 2] = cF;
      measureCostEur[b + 3] = cG;
      measureCostEur[b + 4] = aH * (hFixed + hPerKw * kw);
      measureLabelAfter[b] = classOf(B, ep2 - dW * epPerWK);
      measureLabelAfter[b + 1] = classOf(B, ep2 - dR * epPerWK);
      measureLabelAfter[b + 2] = classOf(B, ep2 - dF * epPerWK);
      measureLabelAfter[b + 3] = classOf(B, ep2 - dG * epPerWK);
      measureLabelAfter[b + 4] = classOf(B, ep2 - hs * heatTheory * hybridPrimNet * invA * scale);
    }

    // Ecology (ecology.ts): habitat risk and route.
    const az = facadeAzimuthDeg[i]!;
    const risk = wC * ((yb >> 7) & ((lw - 1) >>> 31)) + wR * (1 - flat) + wS * F[(F_SW + (az > 359 ? 360 : az)) | 0]!;
    riskScore[i] = risk;
    route[i] = B[(B_ROUTE + ((own << 1) + gb) * 2 + inVve) | 0]!;

    // Factors (energy-poverty.ts, priority.ts) and the priority.
    const bu = buurt[i]!;
    const income = fmin(buurtShare[bu]! * incomeInv, 1);
    const quote = fmin(gas * gasPrice * buurtQuoteInv[bu]!, 1);
    const f0 = income * fmax(quote, F[(lr8 + 4) | 0]!);
    const f1 = F[(lr8 + 3) | 0]!;
    const f2 = fmin(pkgSav * gasFullInv, 1);
    const f3 = pkgBill > 0 ? fmax(1 - (pkgCost / pkgBill) * paybackInv, 0) : 0;
    const f4 = 1 - risk * (aW + aR - aW * aR);
    const f = i * nf;
    factors[f] = f0;
    factors[f + 1] = f1;
    factors[f + 2] = f2;
    factors[f + 3] = f3;
    factors[f + 4] = f4;
    priority[i] = p0 * f0 + p1 * f1 + p2 * f2 + p3 * f3 + p4 * f4;
  }
}

if (MEASURE_COUNT !== 5) throw new Error('score-table.ts is unrolled for 5 measures');
