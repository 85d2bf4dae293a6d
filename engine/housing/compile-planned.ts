/**
 * Planned interventions (demolition, merging, splitting, retrofit, new-build): the dwellings and years
 * are fixed here, so every run changes the same dwellings.
 */
import { TENURES, labelIndex, tenureMask, typeIndex, typeMask } from './codes.ts';
import { checkYear, exceeds, typesText, yearWindow, type CompileContext, type Ctx } from './compile-checks.ts';
import type { FixedEvent } from './compiled.ts';
import { resolveArea } from './scenario-areas.ts';
import { blockFilter, both } from './block-selection.ts';
import type { Intervention } from './scenario-schema.ts';
import {
  candidates,
  countMergePairs,
  pickForDemolition,
  pickForRetrofit,
  pickForSplit,
  pickMergePairs,
} from './select-dwellings.ts';

const emptyFixed = (kind: FixedEvent['kind'], id: string): FixedEvent => ({
  kind,
  id,
  dwellings: new Int32Array(0),
  entryYear: new Int16Array(0),
  yearIndex: -1,
  labelAfter: new Uint8Array(0),
  buurt: -1,
  build: [],
});

export type FixedIntervention = Extract<Intervention, { kind: FixedEvent['kind'] }>;

export function compileFixed(
  c: Ctx,
  iv: FixedIntervention,
  k: number,
  id: string,
  ctx: CompileContext,
): FixedEvent | undefined {
  const path = ['interventions', k];
  const unit = resolveArea(c.areas, iv.area, [...path, 'area'], c.issues, c.programmeAreas);
  if (iv.kind === 'new-build') {
    const yi = checkYear(c, iv.year, [...path, 'year']);
    if (!unit || yi === undefined || blockFilter(c, iv.blocks, unit, path) === undefined) return undefined;
    if (unit.buurten.length !== 1) {
      c.issues.push({
        code: 'scenario.area.not-a-buurt',
        message: `new-build needs one buurt; "${iv.area}" has ${unit.buurten.length}`,
        path: [...path, 'area'],
      });
      return undefined;
    }
    const e = emptyFixed('new-build', id);
    e.yearIndex = yi;
    e.buurt = unit.buurten[0]!;
    e.build = iv.dwellings.map((d) => {
      return {
        count: d.count,
        type: typeIndex(d.type),
        tenure: TENURES.indexOf(d.tenure),
        label: labelIndex(d.label),
        oppervlakte: d.oppervlakte ?? 0,
      };
    });
    const noSocial = new Set(ctx.noNewSocialRentAreas ?? []);
    iv.dwellings.forEach((d, j) => {
      if (d.tenure !== 'sociale-huur') return;
      const inArea = [...noSocial].some((a) => c.areas.units[c.areas.byId.get(a) ?? -1]?.buurten.includes(e.buurt));
      if (inArea)
        c.warnings.push({
          code: 'scenario.policy.no-new-social-rent',
          message: `new social rent in ${unit.name}: the Woonagenda 2021–2025 builds no new social rent in the focus areas`,
          path: [...path, 'dwellings', j, 'tenure'],
        });
    });
    return e;
  }
  if (iv.kind === 'retrofit' && iv.plan !== undefined) {
    const entries = ctx.plans?.[k];
    if (!entries) {
      c.issues.push({
        code: 'scenario.plan.unavailable',
        message: `retrofit plan "${iv.plan}" was not provided (plans are read from files next to the scenario)`,
        path: [...path, 'plan'],
      });
      return undefined;
    }
    const index = new Map(c.stock.vboId.map((v, i) => [v, i]));
    const e = emptyFixed('retrofit', id);
    const dw: number[] = [],
      yr: number[] = [],
      lab: number[] = [];
    entries.forEach((m, j) => {
      const i = index.get(m.vboId);
      if (i === undefined) {
        c.issues.push({
          code: 'scenario.plan.unknown-dwelling',
          message: `${iv.plan}: measures[${j}].vboId ${m.vboId} is not in the dataset`,
          path: [...path, 'plan'],
        });
        return;
      }
      const yi = checkYear(c, m.year, [...path, 'plan']);
      if (yi === undefined || c.reserved[i]) return;
      dw.push(i);
      yr.push(yi);
      lab.push(labelIndex(m.labelAfter));
    });
    e.dwellings = Int32Array.from(dw);
    e.entryYear = Int16Array.from(yr);
    e.labelAfter = Uint8Array.from(lab);
    return e;
  }
  if (!unit) return undefined;
  const inBlocks = blockFilter(c, iv.blocks, unit, path);
  if (inBlocks === undefined) return undefined;
  const tMask = typeMask(
    iv.kind === 'retrofit' || iv.kind === 'demolition' || iv.kind === 'split' || iv.kind === 'merge'
      ? iv.dwellingTypes
      : undefined,
  );
  if (iv.kind === 'retrofit') {
    if (iv.count === undefined || iv.by === undefined) {
      c.issues.push({
        code: 'scenario.retrofit.incomplete',
        message: 'a retrofit without `plan` needs count and by',
        path: [...path, iv.count === undefined ? 'count' : 'by'],
      });
      return undefined;
    }
    const w = yearWindow(c, { from: iv.from, by: iv.by }, path);
    if (!w) return undefined;
    const to = labelIndex(iv.toLabel);
    const list = candidates(
      c.stock,
      {
        buurten: unit.buurten,
        typeMask: tMask,
        tenureMask: tenureMask(iv.tenures ?? [...TENURES]),
        reserved: c.reserved,
      },
      both(inBlocks, (i) => c.stock.label[i]! > to),
    );
    if (iv.count > list.length)
      return (
        exceeds(
          c,
          path,
          'retrofits',
          iv.count,
          `dwellings${typesText(iv.dwellingTypes)} with a label worse than ${iv.toLabel}`,
          list.length,
          unit,
        ),
        undefined
      );
    const picked = pickForRetrofit(c.stock, list, iv.count);
    const nYears = w.by - w.from + 1;
    const e = emptyFixed('retrofit', id);
    e.dwellings = Int32Array.from(picked);
    e.entryYear = Int16Array.from(picked, (_, j) => w.from + Math.floor((j * nYears) / iv.count!) - c.s.horizon.start);
    e.labelAfter = new Uint8Array(picked.length).fill(to);
    return e;
  }
  const yi = checkYear(c, iv.year, [...path, 'year']);
  if (yi === undefined) return undefined;
  const tenures = tenureMask(iv.tenures);
  const e = emptyFixed(iv.kind, id);
  e.yearIndex = yi;
  if (iv.kind === 'demolition') {
    const list = candidates(
      c.stock,
      { buurten: unit.buurten, typeMask: tMask, tenureMask: tenures, reserved: c.reserved },
      inBlocks ?? undefined,
    );
    if (iv.count > list.length)
      return (
        exceeds(
          c,
          path,
          'demolishes',
          iv.count,
          `${iv.tenures.join('/')} dwellings${typesText(iv.dwellingTypes)}`,
          list.length,
          unit,
        ),
        undefined
      );
    e.dwellings = Int32Array.from(pickForDemolition(c.stock, list, iv.count));
  } else if (iv.kind === 'split') {
    const list = candidates(
      c.stock,
      { buurten: unit.buurten, typeMask: tMask, tenureMask: tenures, reserved: c.reserved },
      both(inBlocks, (i) => c.stock.oppervlakte[i]! >= iv.minOppervlakte),
    );
    if (iv.count > list.length)
      return (
        exceeds(
          c,
          path,
          'splits',
          iv.count,
          `${iv.tenures.join('/')} dwellings${typesText(iv.dwellingTypes)} of at least ${iv.minOppervlakte} m²`,
          list.length,
          unit,
        ),
        undefined
      );
    e.dwellings = Int32Array.from(pickForSplit(c.stock, list, iv.count));
  } else {
    const list = candidates(
      c.stock,
      { buurten: unit.buurten, typeMask: tMask, tenureMask: tenures, reserved: c.reserved },
      inBlocks ?? undefined,
    );
    const pairs = countMergePairs(c.stock, list);
    if (iv.count > pairs)
      return (
        exceeds(
          c,
          path,
          'merges',
          iv.count,
          `pairs of ${iv.tenures.join('/')} apartments${typesText(iv.dwellingTypes)} in one pand`,
          pairs,
          unit,
        ),
        undefined
      );
    e.dwellings = Int32Array.from(pickMergePairs(c.stock, list, iv.count));
  }
  for (const i of e.dwellings) c.reserved[i] = 1;
  return e;
}
