import { z } from 'zod';
import type { Hono } from 'hono';
import { registerRoutes, route, routeGroup } from './route-spec.ts';
import { todayInNl } from './today.ts';

/**
 * `/.well-known/security.txt` (RFC 9116): where to report a vulnerability. Expires is computed from the
 * injected date on every request, so a long-running server never serves a stale file; RFC 9116 §2.5.5 advises
 * less than a year ahead, we use 180 days.
 */
export const SECURITY_TXT_PATH = '/.well-known/security.txt';

/** Days between the serving date and Expires (RFC 9116 §2.5.5: "less than a year into the future"). */
export const SECURITY_TXT_VALID_DAYS = 180;

/**
 * Default reporting address of the operator (the municipality). Operators set their own with the
 * VOORRAAD_SECURITY_CONTACT environment variable (a mailto: or https: URI, RFC 9116 §2.5.3).
 */
export const DEFAULT_SECURITY_CONTACT = 'mailto:security@roosendaal.nl';

export interface SecurityTxtOptions {
  /** Today's date, YYYY-MM-DD (the app's injected clock). */
  today: () => string;
  /** Contact URI (mailto: or https:); default VOORRAAD_SECURITY_CONTACT or DEFAULT_SECURITY_CONTACT. */
  contact?: string;
  /** Public https origin the file is served from (e.g. https://voorraad.roosendaal.nl); default: the request's host over https. */
  canonicalOrigin?: string;
}

/** The file's text for a serving date (YYYY-MM-DD) and canonical URL. */
export function securityTxt(today: string, contact: string, canonical: string): string {
  const day = Date.parse(`${today}T00:00:00Z`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today) || Number.isNaN(day))
    throw new Error(`securityTxt: today "${today}" is not YYYY-MM-DD`);
  if (!/^(mailto:|https:\/\/)/.test(contact))
    throw new Error(`securityTxt: contact "${contact}" is not a mailto: or https:// URI`);
  const expires = new Date(day + SECURITY_TXT_VALID_DAYS * 86_400_000).toISOString().replace(/\.\d{3}Z$/, 'Z');
  return [
    `Contact: ${contact}`,
    `Expires: ${expires}`,
    'Preferred-Languages: nl, en',
    `Canonical: ${canonical}`,
    '',
  ].join('\n');
}

/** RFC 9116 vulnerability-reporting contact: for anyone, no data. */
export const SECURITY_TXT_ROUTES = routeGroup(
  (ctx: { today?: () => string; securityTxt?: Omit<SecurityTxtOptions, 'today'> }) => {
    // Read once at start: a typo in the operator's contact fails start-up, not a later request.
    const contact = ctx.securityTxt?.contact ?? process.env.VOORRAAD_SECURITY_CONTACT ?? DEFAULT_SECURITY_CONTACT;
    securityTxt('2000-01-01', contact, 'https://x/');
    return { contact, today: ctx.today ?? (() => todayInNl()), canonicalOrigin: ctx.securityTxt?.canonicalOrigin };
  },
  [
    route({
      method: 'GET',
      path: SECURITY_TXT_PATH,
      access: 'public',
      summary: 'Where to report a vulnerability (RFC 9116)',
      responses: { 200: { description: 'security.txt', content: { 'text/plain': z.string() } } },
      handler: (c, _in, s) => {
        const origin = s.canonicalOrigin ?? `https://${new URL(c.req.url).host}`;
        return c.body(securityTxt(s.today(), s.contact, `${origin}${SECURITY_TXT_PATH}`), 200, {
          'Content-Type': 'text/plain; charset=utf-8',
          'Cache-Control': 'max-age=86400',
        });
      },
    }),
  ],
);

/** Registers only this route (tests, and apps without the API). */
export function registerSecurityTxt(app: Hono, o: SecurityTxtOptions): void {
  registerRoutes(app, [SECURITY_TXT_ROUTES], { today: o.today, securityTxt: o });
}
