/**
 * Fixed-window counters for sign-in failures, kept in memory. Keyed on the client address: the socket address, or
 * X-Forwarded-For only when the socket is a configured trusted proxy (request-origin.ts) — never a header any
 * client can set (tech-notes "Hono security defaults").
 */
export interface RateLimitRule {
  /** Attempts allowed per window. */
  max: number;
  windowMs: number;
}

export class RateLimiter {
  private readonly hits = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly rule: RateLimitRule,
    private readonly now: () => number = Date.now,
    private readonly maxKeys = 10_000,
  ) {}

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
    if (this.hits.size >= this.maxKeys)
      [...this.hits.keys()].slice(0, this.maxKeys / 2).forEach((k) => this.hits.delete(k));
  }
}

/**
 * Sign-in: at most 100 FAILED attempts per client address per 15 minutes, over all user names (password guessing).
 * Successes do not count: behind a proxy without --trusted-proxy every user shares one address, and a busy morning
 * of correct sign-ins used to block the whole organisation. Per user name + address: sign-in-backoff.ts.
 */
export const SIGN_IN_FAILURES_PER_ADDRESS: RateLimitRule = { max: 100, windowMs: 15 * 60_000 };
