import type { Context } from 'hono';

/**
 * The real socket address of a request (from @hono/node-server's IncomingMessage), never a forwarded header;
 * 'local' for in-process requests (tests with app.request()).
 */
export function socketAddress(c: Context): string {
  const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
  return env?.incoming?.socket?.remoteAddress ?? 'local';
}

/** Origin as the audit log records it: socket address and (shortened) user agent. */
export function auditOrigin(c: Context): string {
  const ua = c.req.header('user-agent');
  return ua ? `${socketAddress(c)} (${ua.slice(0, 120)})` : socketAddress(c);
}
