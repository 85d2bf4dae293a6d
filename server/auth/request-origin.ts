import type { Context, MiddlewareHandler } from 'hono';

declare module 'hono' {
  interface ContextVariableMap {
    clientAddress?: string;
  }
}

/** `::ffff:10.0.0.1` (an IPv4 client on a dual-stack socket) → `10.0.0.1`, so configured addresses match either form. */
export function normaliseAddress(a: string): string {
  const t = a.trim().toLowerCase();
  return t.startsWith('::ffff:') && t.includes('.') ? t.slice(7) : t;
}

/**
 * The real socket address of a request (from @hono/node-server's IncomingMessage), never a forwarded header;
 * 'local' for in-process requests (tests with app.request()).
 */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  const a = env?.incoming?.socket?.remoteAddress;
  return a === undefined ? 'local' : normaliseAddress(a);
}

/**
 * The client's address: the socket address, unless the socket is one of the configured trusted proxies
 * (`serve --trusted-proxy`); then the right-most X-Forwarded-For entry that is not itself a trusted proxy (the
 * left-most entries are whatever the client wrote). Without trusted proxies the header is never read.
 */
export function resolveClientAddress(c: Context, trusted: ReadonlySet<string>): string {
  const socket = socketAddress(c);
  if (trusted.size === 0 || !trusted.has(socket)) return socket;
  const hops = (c.req.header('x-forwarded-for') ?? '').split(',').map(normaliseAddress).filter(Boolean);
  for (let i = hops.length - 1; i >= 0; i--) if (!trusted.has(hops[i]!)) return hops[i]!.slice(0, 64);
  return socket;
}

/** Sets the client address once per request (installSecurity); read with clientAddress(c). */
export function clientAddressMiddleware(trusted: ReadonlySet<string>): MiddlewareHandler {
  return async (c, next) => {
    c.set('clientAddress', resolveClientAddress(c, trusted));
    await next();
  };
}

export function clientAddress(c: Context): string {
  return c.get('clientAddress') ?? socketAddress(c);
}

/** Origin as the audit log records it: client address and (shortened) user agent. */
export function auditOrigin(c: Context): string {
  const ua = c.req.header('user-agent');
  return ua ? `${clientAddress(c)} (${ua.slice(0, 120)})` : clientAddress(c);
}
