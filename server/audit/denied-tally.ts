import type { AuditInput } from './audit-log.ts';

/**
 * Refused requests, counted per actor, route and minute instead of one synced audit row each (one viewer looping a
 * 403 wrote 86 rows a second, each an fsync). A minute's counts are written as ONE `access.denied` entry per actor
 * and route (detail: minute, count) when the minute is over — at the next refusal, on the server's timer, before the
 * audit log is read, and when the server stops. At most `maxKeys` open counters: beyond that the oldest minute is
 * written early, so memory stays bounded whatever a client sends.
 */
export interface DeniedRefusal {
  actor: string;
  role: string | null;
  via: AuditInput['via'];
  /** `METHOD /path` */
  object: string;
  origin: string;
}

interface Counter extends DeniedRefusal {
  minute: string;
  count: number;
}

export class DeniedTally {
  private readonly counters = new Map<string, Counter>();

  constructor(
    private readonly write: (e: AuditInput) => void,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 1_000,
  ) {}

  record(r: DeniedRefusal): void {
    const minute = new Date(this.now()).toISOString().slice(0, 16);
    this.flush(minute);
    const key = JSON.stringify([minute, r.actor, r.via, r.object]);
    const c = this.counters.get(key);
    if (c) {
      c.count++;
      return;
    }
    if (this.counters.size >= this.maxKeys) this.writeOut(this.counters.keys().next().value!);
    this.counters.set(key, { ...r, minute, count: 1 });
  }

  /** Writes the counters of minutes before `beforeMinute` (ISO `YYYY-MM-DDTHH:MM`); all of them when absent. */
  flush(beforeMinute?: string): void {
    for (const [key, c] of this.counters) if (beforeMinute === undefined || c.minute < beforeMinute) this.writeOut(key);
  }

  /** Open counters (for tests and stats). */
  get size(): number {
    return this.counters.size;
  }

  private writeOut(key: string): void {
    const c = this.counters.get(key)!;
    this.counters.delete(key);
    this.write({
      actor: c.actor,
      role: c.role,
      via: c.via,
      action: 'access.denied',
      object: c.object,
      result: 'denied',
      origin: c.origin,
      detail: { minute: c.minute, count: c.count },
    });
  }
}
