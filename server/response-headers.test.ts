import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { testApp } from '../test/api/test-app.ts';

/*
 * Middleware that set a header with c.header() after the handler made @hono/node-server build a web Response and
 * re-encode every string body (TextEncoder) into a stream: 15 % of the event loop in the soak test. Through the real
 * node server, a JSON answer must now be written without a TextEncoder call, with every middleware header present.
 */
let server: ServerType | null = null;
afterAll(() => server?.close());

describe('response headers set by middleware', () => {
  it('keep @hono/node-server on its fast path (no re-encoding of the body) and still reach the client', async () => {
    const app = await testApp({ role: null });
    const url = await new Promise<string>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (i: AddressInfo) =>
        resolve(`http://127.0.0.1:${i.port}/`),
      );
    });
    const encode = vi.spyOn(TextEncoder.prototype, 'encode');
    const served = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve) => {
      // node:http, not fetch: fetch itself encodes with TextEncoder in this process.
      void import('node:http').then(({ get }) =>
        get(new URL('api/health', url), (res) => {
          let body = '';
          res.on('data', (b: Buffer) => (body += b.toString()));
          res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
        }),
      );
    });
    const calls = encode.mock.calls.length;
    encode.mockRestore();
    expect(served.status).toBe(200);
    expect(JSON.parse(served.body)).toMatchObject({ status: 'ok' });
    // Set after the handler by install-security.ts (no-store), app.ts (synthetic) and secureHeaders.
    expect(served.headers).toMatchObject({
      'cache-control': 'no-store',
      'x-voorraad-synthetic': 'true',
      'x-content-type-options': 'nosniff',
    });
    expect(calls).toBe(0);
  });
});
