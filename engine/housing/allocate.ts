/**
 * Letting and selling vacant dwellings. A vacated social dwelling may first be sold or liberalised
 * (when an intervention covers it and its yearly quota is open); otherwise it is allocated under the
 * policy: households displaced by demolition first, then 55+ labels, the urgent share, passend
 * toewijzen and the inflow quota per buurt. Passend toewijzen allocates the dwelling, it never changes a
 * household's income (docs/domain.md §4): a household under the year's passend-toewijzen income limit gets a
 * dwelling whose rent is above the year's cap for its size (the lower cap for 1–2 persons, the higher for 3+) only
 * within the 5 % margin; beyond it the dwelling goes to the next applicant who fits, and when none of
 * MAX_APPLICANTS does, the corporation lowers the rent to that household's cap. The quota lets the dwelling to a
 * non-low-income applicant household when one accepts, or leaves it empty that year. A social dwelling goes to a
 * household above the year's DAEB income limit only within the free allocation space (housing.daeb.free-share);
 * beyond it the next applicant under the limit gets it.
 */
import { GROUND_BOUND_BY_TYPE, INCOME_LOW, T_KOOP, T_MID, T_MUNICIPAL, T_SOCIAL } from './codes.ts';
import { shuffle } from './events.ts';
import { classifyIncome, placeHousehold, type ProfileTable } from './households.ts';
import { FLOWS } from './metrics.ts';
import type { Workspace } from './workspace.ts';

const F_SOLD = FLOWS.indexOf('sold');
const F_LIBERALISED = FLOWS.indexOf('liberalised');
const NF = FLOWS.length;
/** Applicants a corporation offers an above-cap dwelling to before it lowers the rent instead (L). */
export const MAX_APPLICANTS = 8;

/** The year's rent cap for a household of `size` persons: the lower cap for 1–2, the higher for 3+ (€ per month). */
export function rentCap(w: Workspace, yi: number, size: number): number {
  return w.sc.rentYears.caps[yi * 3 + (size > 2 ? 1 : 0)]!;
}

/**
 * Passend toewijzen beyond the margin: the next applicants from the same queue, until one fits (not low-income, or
 * the rent within its cap); when none does, the rent is lowered to the last one's cap. Returns the income band of
 * who moves in.
 */
function allocateFitting(w: Workspace, i: number, yi: number, profile: ProfileTable, next: () => number): number {
  const h = w.hh;
  for (let k = 0; k < MAX_APPLICANTS; k++) {
    const income = placeHousehold(h, i, profile, next, false);
    if (income !== INCOME_LOW || w.rent[i]! <= rentCap(w, yi, h.size[i]!)) return income;
  }
  w.rent[i] = rentCap(w, yi, h.size[i]!);
  return INCOME_LOW;
}

/** Band index from which a household is above the DAEB income limit (INCOME_BANDS: laag, daeb, midden, hoog). */
const ABOVE_DAEB = 2;

/**
 * DAEB: an applicant household above the limit only within the year's free allocation space; beyond it the next
 * applicants from the same queue until one is under the limit (the last one tried gets it when none is). Returns the
 * income band of who moves in.
 */
function withinDaeb(
  w: Workspace,
  i: number,
  yi: number,
  income: number,
  profile: ProfileTable,
  next: () => number,
  nonLow: boolean,
): number {
  if (income < ABOVE_DAEB || w.aboveDaeb + 1 <= w.sc.daebFreeShare[yi]! * (w.socialLettings + 1)) return income;
  for (let k = 0; k < MAX_APPLICANTS && income >= ABOVE_DAEB; k++)
    income = placeHousehold(w.hh, i, profile, next, nonLow);
  return income;
}

function allocateSocial(w: Workspace, i: number, yi: number, ground: number, next: () => number): void {
  const h = w.hh,
    sc = w.sc,
    b = w.buurt[i]!,
    q = w.queue;
  let income: number;
  if (q.head < q.tail) {
    h.present[i] = 1;
    h.size[i] = q.size[q.head]!;
    h.age[i] = q.age[q.head]!;
    h.incomeEur[i] = q.incomeEur[q.head]!;
    income = classifyIncome(h, i);
    q.head++;
  } else {
    let profile,
      regular = true;
    if (w.label55[i]) profile = w.profiles.senior[ground]!;
    else if (next() < sc.urgentShare) {
      profile = w.profiles.urgent[ground]!;
      regular = false;
    } else profile = w.profiles.newcomers[T_SOCIAL]![ground]!;
    income = withinDaeb(w, i, yi, placeHousehold(h, i, profile, next, false), profile, next, false);
    // Passend toewijzen: a low-income household above its rent cap only within the margin.
    if (
      income === INCOME_LOW &&
      w.rent[i]! > rentCap(w, yi, h.size[i]!) &&
      w.lowAboveCap + 1 > (1 - sc.passendToewijzen) * (w.lowAllocations + 1)
    ) {
      income = allocateFitting(w, i, yi, profile, next);
    }
    if (income === INCOME_LOW && regular) {
      const max = sc.quota[yi * sc.nBuurten + b]!;
      if (max === max && w.inflowLow[b]! + 1 > max * (w.inflow[b]! + 1)) {
        // Another applicant household (not the same household with another income) takes it.
        if (next() < sc.params.middleIncomeAcceptance)
          income = withinDaeb(w, i, yi, placeHousehold(h, i, profile, next, true), profile, next, true);
        else {
          h.present[i] = 0;
          return;
        }
      }
    }
    w.socialLettings++;
    if (income >= ABOVE_DAEB) w.aboveDaeb++;
  }
  w.inflow[b]!++;
  if (income === INCOME_LOW) {
    w.inflowLow[b]!++;
    w.lowAllocations++;
    if (w.rent[i]! > rentCap(w, yi, h.size[i]!)) w.lowAboveCap++;
  }
}

/** Lets or sells every vacant dwelling once, in random order; some stay empty (frictional vacancy, quotas). */
export function allocateVacancies(w: Workspace, yi: number, next: () => number): void {
  const list = w.scratch,
    h = w.hh,
    sc = w.sc;
  let len = 0;
  const active = w.active,
    present = h.present;
  for (let i = 0, n = w.n; i < n; i++) if (active[i]! > present[i]!) list[len++] = i;
  shuffle(list, len, next);
  w.inflow.fill(0);
  w.inflowLow.fill(0);
  w.lowAllocations = 0;
  w.lowAboveCap = 0;
  w.socialLettings = 0;
  w.aboveDaeb = 0;
  const friction = sc.params.frictionalVacancy;
  for (let k = 0; k < len; k++) {
    const i = list[k]!;
    let t = w.tenure[i]!;
    if (t === T_SOCIAL) {
      const s = sc.saleOf[i]! - 1,
        l = sc.liberalisationOf[i]! - 1;
      if (s >= 0 && sc.quotaEvents[s]!.due[yi]! > w.done[s]!) {
        w.tenure[i] = t = T_KOOP;
        w.done[s]!++;
        w.flows[w.buurt[i]! * NF + F_SOLD]!++;
      } else if (l >= 0 && sc.quotaEvents[l]!.due[yi]! > w.done[l]!) {
        w.tenure[i] = t = T_MID;
        // Liberalised: let at least at the social-rent ceiling of the year.
        w.rent[i] = Math.max(w.rent[i]!, sc.rentYears.caps[yi * 3 + 2]!);
        w.done[l]!++;
        w.flows[w.buurt[i]! * NF + F_LIBERALISED]!++;
      }
    } else if (t === T_MUNICIPAL && w.pending[i]! >= 0) {
      w.tenure[i] = t = w.pending[i]!;
      w.pending[i] = -1;
    }
    if (next() < friction) continue;
    const ground = GROUND_BOUND_BY_TYPE[w.type[i]!]!;
    if (t === T_SOCIAL) allocateSocial(w, i, yi, ground, next);
    else placeHousehold(h, i, w.profiles.newcomers[t]![ground]!, next, false);
  }
}
