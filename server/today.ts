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

// Europe/Amsterdam's offsets are whole hours, so the date can only change at a whole minute: one format per minute.
let memo = { minute: Number.NaN, date: '' };

/** Today's date in the Netherlands, YYYY-MM-DD (the engine takes dates as input; the app injects this clock). */
export function todayInNl(now: Date = new Date()): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== memo.minute) memo = { minute, date: NL_DATE.format(now) };
  return memo.date;
}
