import { describe, expect, it } from 'vitest';
import { securityApp, testPassword } from '../../test/security/security-app.ts';
import { SIGN_IN_PER_ADDRESS, SIGN_IN_PER_USER } from './rate-limit.ts';

/**
 * Sign-in limits (issue 9 §5): per user name (test/security/auth-flow.test.ts) and per socket address — many
 * user names from one address are limited too, a forged X-Forwarded-For does not help, and the window ends.
 */
describe('sign-in rate limit per address', () => {
  const json = { 'content-type': 'application/json' };
  it('refuses an address after SIGN_IN_PER_ADDRESS attempts over different user names, whatever X-Forwarded-For says; the window ends', async () => {
    let now = Date.parse('2026-01-01T10:00:00Z');
    const { app } = await securityApp(undefined, { now: () => now });
    const attempt = (username: string, password: string, i: number) => app.request('/api/auth/sign-in', {
      method: 'POST', headers: { ...json, 'x-forwarded-for': `10.0.0.${i % 250}` }, body: JSON.stringify({ username, password }),
    });
    expect(SIGN_IN_PER_ADDRESS.max).toBeGreaterThan(SIGN_IN_PER_USER.max);
    for (let i = 0; i < SIGN_IN_PER_ADDRESS.max; i++) expect((await attempt(`onbekend-${i}`, 'x', i)).status).toBe(401);
    const limited = await attempt('gemeente', testPassword('gemeente'), 999);
    expect(limited.status).toBe(429);
    expect(await limited.json()).toMatchObject({ code: 'auth.rate-limited' });
    now += SIGN_IN_PER_ADDRESS.windowMs + 1;
    expect((await attempt('gemeente', testPassword('gemeente'), 1000)).status).toBe(200);
  });
});
