import type { Context } from 'hono';

/**
 * Sets a header on the response a handler has already returned (middleware after `next()`), without Hono's
 * `c.header()`: that reads `res.bodyUsed`, which makes @hono/node-server give up its fast path (string or bytes
 * written straight to the socket) for a full web Response whose body is encoded and streamed — in the soak test
 * (bench/soak.ts) 15 % of the event loop went to that for every API answer. The headers of the responses the app
 * builds are mutable; a response with immutable headers (none today) falls back to `c.header()`.
 */
export function setResponseHeader(c: Context, name: string, value: string): void {
  try {
    c.res.headers.set(name, value);
  } catch {
    c.header(name, value);
  }
}
