/**
 * The run date of a plan from an injected instant: the calendar date in the Netherlands (Europe/Amsterdam), which
 * the natuurkalender and the permit profiles are written in. The engine reads no clock; callers pass their `now`.
 */
export function runDateNl(now: Date): string {
  // sv-SE formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
