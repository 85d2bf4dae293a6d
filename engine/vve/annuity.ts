/**
 * Monthly charge of an annuity loan: principal × r / (1 − (1 + r)^−n) with r the monthly rate and n the
 * number of months; a zero rate repays linearly. Euro in, euro per month out.
 */
export function monthlyAnnuity(principalEur: number, annualRate: number, termYears: number): number {
  const n = Math.round(termYears * 12);
  if (n <= 0) throw new RangeError(`term must be positive, found ${termYears} years`);
  if (principalEur <= 0) return 0;
  const r = annualRate / 12;
  if (r === 0) return principalEur / n;
  return (principalEur * r) / (1 - (1 + r) ** -n);
}
