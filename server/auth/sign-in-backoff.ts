/**
 * Sign-in backoff per (user name, client address) pair. A hard lock per user name let anyone lock out `vhf` (user
 * names are the role names) for 15 minutes, even for the right password. Here failures only slow down the pair that
 * made them: after FREE_FAILURES the pair waits 1 s, then 2 s, 4 s … up to 15 minutes between attempts; the right
 * password from another address is not affected, and a success clears the pair. Guessing across many user names
 * from one address is capped separately (failures per address, rate-limit.ts).
 */
export interface BackoffRule {
  freeFailures: number;
  baseMs: number;
  maxMs: number;
}

export const SIGN_IN_BACKOFF: BackoffRule = { freeFailures: 5, baseMs: 1_000, maxMs: 15 * 60_000 };

export class SignInBackoff {
  private readonly pairs = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly rule: BackoffRule = SIGN_IN_BACKOFF,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

  static key(user: string, address: string): string {
    return `${user}\u0000${address}`;
  }

  /** Seconds the pair must still wait, 0 when it may try now. */
  retryAfter(key: string): number {
    const p = this.pairs.get(key);
    if (!p || p.failures < this.rule.freeFailures) return 0;
    const wait = Math.min(this.rule.maxMs, this.rule.baseMs * 2 ** (p.failures - this.rule.freeFailures));
    const left = p.last + wait - this.now();
    return left > 0 ? Math.ceil(left / 1000) : 0;
  }

  failed(key: string): void {
    const p = this.pairs.get(key);
    if (p) {
      p.failures++;
      p.last = this.now();
      return;
    }
    if (this.pairs.size >= this.maxKeys) this.sweep();
    this.pairs.set(key, { failures: 1, last: this.now() });
  }

  succeeded(key: string): void {
    this.pairs.delete(key);
  }

  private sweep(): void {
    const now = this.now();
    for (const [k, p] of this.pairs) if (now - p.last > this.rule.maxMs) this.pairs.delete(k);
    // Still full (many addresses): forget the oldest half rather than grow without bound.
    if (this.pairs.size >= this.maxKeys)
      [...this.pairs.keys()].slice(0, this.maxKeys / 2).forEach((k) => this.pairs.delete(k));
  }
}
