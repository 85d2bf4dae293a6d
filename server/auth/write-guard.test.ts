import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { testApp } from '../../test/api/test-app.ts';
import { ApiError } from '../api-error.ts';
import { DEFAULT_WRITE_BODY_LIMIT, WRITE_BODY_LIMITS, writeBodyLimit, writeGuard } from './write-guard.ts';

const app = await testApp();
type Paths = Record<string, Record<string, unknown>>;
const openapi = (await (await app.request('/api/openapi.json')).json()) as { paths: Paths };
const writes = Object.entries(openapi.paths).flatMap(([path, ops]) =>
  Object.keys(ops)
    .filter((m) => m !== 'get')
    .map((m) => ({ method: m.toUpperCase(), path, url: path.replace(/\{[^}]+\}/g, '1674010000000001') })),
);

const limitOf = (method: string, path: string): number =>
  WRITE_BODY_LIMITS[`${method} ${path}`] ?? DEFAULT_WRITE_BODY_LIMIT;

async function codeOf(res: Response): Promise<string> {
  return ((await res.json()) as { code: string }).code;
}

describe('state-changing requests: same origin, JSON only, bounded body — every write route in the OpenAPI document', () => {
  it('the document lists write routes (so the loops below test something)', () => {
    expect(writes.map((w) => `${w.method} ${w.path}`)).toEqual(
      expect.arrayContaining(['POST /api/retrofit/what-if', 'POST /api/auth/sign-in', 'POST /api/scenarios/run']),
    );
  });

  for (const w of writes) {
    it(`${w.method} ${w.path}: cross-origin JSON → 403; same-origin text/plain or form → 415`, async () => {
      const crossOrigin = await app.request(w.url, {
        method: w.method,
        headers: { 'content-type': 'application/json', origin: 'https://evil.example' },
        body: '{}',
      });
      expect(crossOrigin.status).toBe(403);
      expect(await codeOf(crossOrigin)).toBe('origin.forbidden');
      const crossSite = await app.request(w.url, {
        method: w.method,
        headers: { 'content-type': 'application/json', 'sec-fetch-site': 'cross-site' },
        body: '{}',
      });
      expect(crossSite.status).toBe(403);
      for (const type of [
        'text/plain',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/jsonx',
      ]) {
        const res = await app.request(w.url, {
          method: w.method,
          headers: { 'content-type': type, origin: 'http://localhost', 'sec-fetch-site': 'same-origin' },
          body: '{}',
        });
        expect(res.status, type).toBe(415);
        expect(await codeOf(res)).toBe('body.content-type');
      }
    });

    it(`${w.method} ${w.path}: a body over its limit → 413 JSON, with or without Content-Length`, async () => {
      const limit = limitOf(w.method, w.path);
      const big = JSON.stringify({ pad: 'x'.repeat(limit) });
      const withLength = await app.request(w.url, {
        method: w.method,
        headers: { 'content-type': 'application/json', 'content-length': String(big.length) },
        body: big,
      });
      expect(withLength.status).toBe(413);
      expect(await codeOf(withLength)).toBe('body.too-large');
      const stream = new ReadableStream({
        start(c) {
          c.enqueue(new TextEncoder().encode(big));
          c.close();
        },
      });
      const chunked = await app.request(w.url, {
        method: w.method,
        headers: { 'content-type': 'application/json' },
        body: stream,
        duplex: 'half',
      } as RequestInit);
      expect(chunked.status).toBe(413);
      const lying = await app.request(w.url, {
        method: w.method,
        headers: { 'content-type': 'application/json', 'content-length': 'lots' },
        body: '{}',
      });
      expect(lying.status).toBe(400);
    });
  }
});

describe('writeBodyLimit', () => {
  const onError = (app: Hono) =>
    app.onError((err, c) =>
      err instanceof ApiError ? c.json({ code: err.code }, err.status) : c.json({ code: 'internal' }, 500),
    );
  const make = () => {
    const a = new Hono();
    a.use('/api/*', writeGuard());
    a.use('/api/*', writeBodyLimit({ 'POST /api/small/{id}': 10 }, 100));
    a.post('/api/small/:id', async (c) => c.json({ n: (await c.req.text()).length }));
    a.post('/api/other', async (c) => c.json({ n: (await c.req.text()).length }));
    // Stands for a route another module adds later, without touching the limit list.
    a.post('/api/later', async (c) => c.json({ n: (await c.req.text()).length }));
    a.get('/api/other', (c) => c.json({ ok: true }));
    onError(a);
    return a;
  };
  const post = (a: Hono, path: string, body: string) =>
    a.request(path, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('applies the per-route override to templated paths and the default elsewhere; a route added later is covered', async () => {
    const a = make();
    expect((await post(a, '/api/small/7', '"123456"')).status).toBe(200);
    expect((await post(a, '/api/small/7', '"1234567890"')).status).toBe(413);
    expect((await post(a, '/api/other', `"${'x'.repeat(90)}"`)).status).toBe(200);
    expect((await post(a, '/api/other', `"${'x'.repeat(120)}"`)).status).toBe(413);
    expect((await post(a, '/api/later', `"${'x'.repeat(120)}"`)).status).toBe(413);
  });

  it('leaves reads alone', async () => {
    expect((await make().request('/api/other')).status).toBe(200);
  });
});
