/** Today's date in the Netherlands, YYYY-MM-DD (the engine takes dates as input; the app injects this clock). */
export function todayInNl(now: Date = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', {
    timeZone: 'Europe/Amsterdam',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(now);
}
