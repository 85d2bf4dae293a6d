import type { MiddlewareHandler } from 'hono';

/**
 * The Host header must name this server: a DNS-rebinding page (evil.example resolving to 127.0.0.1) otherwise reaches
 * the sign-in form and the API from the victim's browser. Local names are always allowed; others are configured
 * (`serve --allowed-host`, VOORRAAD_ALLOWED_HOSTS). Anything else gets 421 Misdirected Request, coded.
 */
export const LOCAL_HOSTS: readonly string[] = ['localhost', '127.0.0.1', '::1'];

/** The host name of a Host header without port and IPv6 brackets, lower-cased; null when malformed. */
export function hostName(header: string): string | null {
  const h = header.trim().toLowerCase();
  const m = /^\[([0-9a-f:.]+)\](?::\d{1,5})?$/.exec(h) ?? /^([a-z0-9.-]+)(?::\d{1,5})?$/.exec(h);
  return m ? m[1]! : null;
}

export function allowedHostSet(configured: readonly string[] = []): ReadonlySet<string> {
  return new Set([...LOCAL_HOSTS, ...configured.map((h) => hostName(h) ?? h.toLowerCase())]);
}

export function hostGuard(allowed: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    const header = c.req.header('host') ?? new URL(c.req.url).host;
    const name = hostName(header);
    if (name === null || !allowed.has(name)) {
      return c.json(
        {
          code: 'request.host',
          message: `this server does not answer for host "${header.slice(0, 100)}"; configure it with --allowed-host`,
        },
        421,
      );
    }
    return next();
  };
}
