import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { testApp } from '../test/api/test-app.ts';
import { policyFor } from './auth/access-policy.ts';
import { SECURITY_TXT_PATH, SECURITY_TXT_VALID_DAYS, registerSecurityTxt, securityTxt } from './security-txt.ts';

/** RFC 9116 fields of a security.txt body (name → values). */
function fields(text: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const match = /^([A-Za-z-]+): (.+)$/.exec(line);
    expect(match, `line "${line}"`).not.toBeNull();
    const [, name, value] = match!;
    m.set(name!.toLowerCase(), [...(m.get(name!.toLowerCase()) ?? []), value!]);
  }
  return m;
}

describe('/.well-known/security.txt (RFC 9116)', () => {
  it('has Contact, one Expires within a year of the injected date, Preferred-Languages nl, en and an https Canonical', async () => {
    const app = new Hono();
    let today = '2026-11-28';
    registerSecurityTxt(app, { today: () => today, contact: 'mailto:cvd@example.nl' });
    const res = await app.request(`http://voorraad.example.nl${SECURITY_TXT_PATH}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const f = fields(await res.text());
    expect(f.get('contact')).toEqual(['mailto:cvd@example.nl']);
    expect(f.get('preferred-languages')).toEqual(['nl, en']);
    expect(f.get('canonical')).toEqual(['https://voorraad.example.nl/.well-known/security.txt']);
    const expires = f.get('expires')!;
    expect(expires).toHaveLength(1);
    expect(expires[0]).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/);
    const ahead = (Date.parse(expires[0]!) - Date.parse('2026-11-28T00:00:00Z')) / 86_400_000;
    expect(ahead).toBe(SECURITY_TXT_VALID_DAYS);
    expect(ahead).toBeGreaterThan(0);
    expect(ahead).toBeLessThan(365);
    // Follows the clock: a later serving date moves Expires with it (never a stale hard-coded date).
    today = '2030-01-15';
    const later = fields(await (await app.request(SECURITY_TXT_PATH)).text());
    expect(later.get('expires')).toEqual([
      new Date(Date.parse('2030-01-15T00:00:00Z') + SECURITY_TXT_VALID_DAYS * 86_400_000)
        .toISOString()
        .replace('.000Z', 'Z'),
    ]);
  });

  it('refuses a contact that is not a mailto: or https: URI, and a malformed date', () => {
    expect(() =>
      registerSecurityTxt(new Hono(), { today: () => '2026-01-01', contact: 'security@example.nl' }),
    ).toThrow(/not a mailto: or https:\/\/ URI/);
    expect(() => securityTxt('28-11-2026', 'mailto:a@b.nl', 'https://x/')).toThrow(/not YYYY-MM-DD/);
  });

  it('is served by the product app without sign-in and listed as public in the access policy', async () => {
    const app = await testApp({ role: null });
    const res = await app.request(SECURITY_TXT_PATH);
    expect(res.status).toBe(200);
    expect(fields(await res.text()).has('contact')).toBe(true);
    expect(policyFor('GET', SECURITY_TXT_PATH)?.access).toBe('public');
  });
});
