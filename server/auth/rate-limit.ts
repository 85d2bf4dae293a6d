/**
 * Fixed-window counters for sign-in attempts, kept in memory. Keyed on the user name and on the real socket
 * address — never on X-Forwarded-For, which any client can set (tech-notes "Hono security defaults").
 */
export interface RateLimitRule {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(private readonly rule: RateLimitRule, private readonly now: () => number = Date.now, private readonly maxKeys = 10_000) {}

  /** Seconds until the key may try again, or 0 when it may try now (without counting). */
  retryAfter(key: string): number {
    const h = this.hits.get(key);
    if (!h || h.resetAt <= this.now()) return 0;
    return h.count >= this.rule.max ? Math.ceil((h.resetAt - this.now()) / 1000) : 0;
  }

  /** Counts one attempt. */
  hit(key: string): void {
    const now = this.now();
    const h = this.hits.get(key);
    if (!h || h.resetAt <= now) {
      if (this.hits.size >= this.maxKeys) this.sweep(now);
      this.hits.set(key, { count: 1, resetAt: now + this.rule.windowMs });
    } else {
      h.count++;
    }
  }

  reset(key: string): void {
    this.hits.delete(key);
  }

  private sweep(now: number): void {
    for (const [k, h] of this.hits) if (h.resetAt <= now) this.hits.delete(k);
    // Still full (an attack with many keys): forget the oldest half rather than grow without bound.
    if (this.hits.size >= this.maxKeys) [...this.hits.keys()].slice(0, this.maxKeys / 2).forEach((k) => this.hits.delete(k));
  }
}

/** Sign-in: 5 failed attempts per user name and 20 attempts per socket address per 15 minutes. */
export const SIGN_IN_PER_USER: RateLimitRule = { max: 5, windowMs: 15 * 60_000 };
export const SIGN_IN_PER_ADDRESS: RateLimitRule = { max: 20, windowMs: 15 * 60_000 };
