/**
 * The scenario's interventions in one simulated year: planned ones (demolition, merging, splitting,
 * new-build, retrofit) on their fixed dwellings, and municipal acquisition and sale to sitting
 * tenants among the dwellings that qualify that year.
 */
import { FLOWS } from './metrics.ts';
import { T_KOOP, T_MUNICIPAL, T_SOCIAL } from './codes.ts';
import type { FixedEvent, QuotaEvent } from './compiled.ts';
import { rentOf } from './rents.ts';
import type { Workspace } from './workspace.ts';

const F_SOLD = FLOWS.indexOf('sold');
const F_ACQUIRED = FLOWS.indexOf('acquired');
const F_DEMOLISHED = FLOWS.indexOf('demolished');
const F_BUILT = FLOWS.indexOf('built');
const F_SPLIT = FLOWS.indexOf('split');
const F_MERGED = FLOWS.indexOf('merged');
const F_RETROFITTED = FLOWS.indexOf('retrofitted');
const NF = FLOWS.length;
const TYPE_OVERIG = 7;

const flow = (w: Workspace, i: number, f: number): void => {
  w.flows[w.buurt[i]! * NF + f]!++;
};

/** A household leaves slot i; displaced by demolition, part of them queue for a social dwelling. */
function displace(w: Workspace, i: number, next: () => number): void {
  const h = w.hh;
  if (!h.present[i]) return;
  h.present[i] = 0;
  const q = w.queue;
  if (next() < w.sc.params.relocationWithinShare && q.tail < q.size.length) {
    q.size[q.tail] = h.size[i]!;
    q.age[q.tail] = h.age[i]!;
    q.incomeEur[q.tail] = h.incomeEur[i]!;
    q.tail++;
  }
}

/** The rent a dwelling gets when it is built, split or merged in year index yi (rents.ts). */
const newRent = (w: Workspace, yi: number, opp: number, label: number, tenure: number): number =>
  rentOf(w.sc.rules.rents, w.sc.rentYears, yi, opp, label, tenure);

function addDwelling(
  w: Workspace,
  yi: number,
  buurt: number,
  type: number,
  tenure: number,
  label: number,
  opp: number,
  floor: number,
): number {
  const j = w.n++;
  w.active[j] = 1;
  w.buurt[j] = buurt;
  w.type[j] = type;
  w.tenure[j] = tenure;
  w.label[j] = label;
  w.opp[j] = opp;
  w.floor[j] = floor;
  w.label55[j] = 0;
  w.rent[j] = newRent(w, yi, opp, label, tenure);
  w.pending[j] = -1;
  w.hh.present[j] = 0;
  return j;
}

function applyFixed(w: Workspace, e: FixedEvent, yi: number, next: () => number): void {
  const d = e.dwellings;
  if (e.kind === 'retrofit') {
    for (let k = 0; k < d.length; k++) {
      if (e.entryYear[k] !== yi) continue;
      const i = d[k]!;
      if (e.tenureMask !== undefined && !((e.tenureMask >> w.tenure[i]!) & 1)) continue;
      if (w.active[i] && w.label[i]! > e.labelAfter[k]!) {
        w.label[i] = e.labelAfter[k]!;
        flow(w, i, F_RETROFITTED);
      }
    }
    return;
  }
  if (e.yearIndex !== yi) return;
  if (e.kind === 'demolition') {
    for (const i of d) {
      if (!w.active[i]) continue;
      displace(w, i, next);
      w.active[i] = 0;
      flow(w, i, F_DEMOLISHED);
    }
  } else if (e.kind === 'merge') {
    for (let k = 0; k + 1 < d.length; k += 2) {
      const keep = d[k]!,
        gone = d[k + 1]!;
      if (!w.active[keep] || !w.active[gone]) continue;
      w.opp[keep]! += w.opp[gone]!;
      w.rent[keep] = newRent(w, yi, w.opp[keep]!, w.label[keep]!, w.tenure[keep]!);
      displace(w, gone, next);
      w.active[gone] = 0;
      flow(w, keep, F_MERGED);
    }
  } else if (e.kind === 'split') {
    for (const i of d) {
      if (!w.active[i]) continue;
      const half = w.opp[i]! / 2;
      w.opp[i] = half;
      w.type[i] = TYPE_OVERIG;
      w.rent[i] = newRent(w, yi, half, w.label[i]!, w.tenure[i]!);
      addDwelling(w, yi, w.buurt[i]!, TYPE_OVERIG, w.tenure[i]!, w.label[i]!, half, 1);
      flow(w, i, F_SPLIT);
    }
  } else {
    for (const b of e.build) {
      for (let c = 0; c < b.count; c++) {
        const j = addDwelling(w, yi, e.buurt, b.type, b.tenure, b.label, b.oppervlakte, b.type >= 4 ? c % 4 : 0);
        flow(w, j, F_BUILT);
      }
    }
  }
}

/** Shuffles the first `len` entries of `a` in place (Fisher–Yates). */
export function shuffle(a: Int32Array, len: number, next: () => number): void {
  for (let k = len - 1; k > 0; k--) {
    const r = Math.floor(next() * (k + 1));
    const t = a[k]!;
    a[k] = a[r]!;
    a[r] = t;
  }
}

/** Acquisition: the municipality buys dwellings (tenants stay) until the year's due count is reached. */
function acquire(w: Workspace, e: QuotaEvent, q: number, yi: number, next: () => number): void {
  let need = e.due[yi]! - w.done[q]!;
  if (need <= 0) return;
  const c = e.candidates,
    s = w.scratch;
  s.set(c);
  shuffle(s, c.length, next);
  for (let k = 0; k < c.length && need > 0; k++) {
    const i = s[k]!;
    if (!w.active[i] || w.tenure[i] !== e.fromTenure || w.pending[i] !== -1) continue;
    w.tenure[i] = T_MUNICIPAL;
    w.pending[i] = e.thenTenure;
    w.done[q]!++;
    need--;
    flow(w, i, F_ACQUIRED);
  }
}

/** Planned interventions of year index yi, before vacated dwellings are let. */
export function applyYearEvents(w: Workspace, yi: number, next: () => number): void {
  for (const e of w.sc.fixedEvents) applyFixed(w, e, yi, next);
}

/**
 * After letting: municipal acquisitions (tenants stay), and sale to sitting tenants (not low-income)
 * where sales on turnover fell short of the year's due count.
 */
export function applyOccupiedEvents(w: Workspace, yi: number, next: () => number): void {
  w.sc.quotaEvents.forEach((e, q) => {
    if (e.kind === 'acquisition') return acquire(w, e, q, yi, next);
    if (e.mode !== 'to-tenants') return;
    let need = e.due[yi]! - w.done[q]!;
    if (need <= 0) return;
    const c = e.candidates,
      s = w.scratch;
    s.set(c);
    shuffle(s, c.length, next);
    for (let k = 0; k < c.length && need > 0; k++) {
      const i = s[k]!;
      if (!w.active[i] || w.tenure[i] !== T_SOCIAL || !w.hh.present[i] || w.hh.income[i] === 0) continue;
      w.tenure[i] = T_KOOP;
      w.done[q]!++;
      need--;
      flow(w, i, F_SOLD);
    }
  });
}
