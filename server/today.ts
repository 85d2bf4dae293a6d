/*
 * One formatter for the whole process: building an Intl.DateTimeFormat with a time zone costs about as much as
 * answering a small request (it loads the zone's rules), and the retrofit and acquisition routes ask for today's
 * date on every request. Formatting with an existing one is cheap.
 */
const NL_DATE = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** Today's date in the Netherlands, YYYY-MM-DD (the engine takes dates as input; the app injects this clock). */
export function todayInNl(now: Date = new Date()): string {
  return NL_DATE.format(now);
}
