import { describe, expect, it } from 'vitest';
import { testApp } from '../test/api/test-app.ts';

const app = await testApp();

/** A CSP header as directive → sources. */
function parseCsp(header: string): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const part of header.split(';')) {
    const [name, ...sources] = part.trim().split(/\s+/);
    if (!name) continue;
    expect(m.has(name), `directive ${name} given twice`).toBe(false);
    m.set(name.toLowerCase(), sources);
  }
  return m;
}

/** Sources that would let the page reach or run anything off-origin. */
const isExternal = (s: string): boolean => !["'self'", "'none'", "'unsafe-inline'", 'blob:', 'data:'].includes(s);

describe('security headers on every kind of response', () => {
  const samples: [string, RequestInit?][] = [
    ['/api/health'],
    ['/api/buurten'],
    ['/api/nope'],
    ['/index.html'],
    ['/api/retrofit/what-if', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'x' }],
    [
      '/api/stats',
      { method: 'OPTIONS', headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' } },
    ],
    ['/api/buurten', { headers: { origin: 'https://evil.example' } }],
  ];

  it('a Content-Security-Policy that allows the map’s blob: workers and nothing external', async () => {
    for (const [path, init] of samples) {
      const res = await app.request(path, init);
      const csp = parseCsp(res.headers.get('content-security-policy') ?? '');
      expect(csp.get('default-src'), path).toEqual(["'self'"]);
      expect(csp.get('worker-src'), path).toEqual(["'self'", 'blob:']);
      expect(csp.get('script-src'), path).toEqual(["'self'"]);
      expect(csp.get('object-src'), path).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors'), path).toEqual(["'none'"]);
      expect(csp.get('connect-src'), path).toEqual(["'self'"]);
      for (const [name, sources] of csp) expect(sources.filter(isExternal), `${name} on ${path}`).toEqual([]);
    }
  });

  it('HSTS of at least one year', async () => {
    for (const [path, init] of samples) {
      const hsts = (await app.request(path, init)).headers.get('strict-transport-security') ?? '';
      const maxAge = Number(/max-age=(\d+)/.exec(hsts)?.[1]);
      expect(maxAge, path).toBeGreaterThanOrEqual(365 * 86_400);
    }
  });

  it('no CORS: never Access-Control-Allow-Origin (certainly not *), also not on a preflight from another site', async () => {
    for (const [path, init] of samples) {
      const res = await app.request(path, init);
      expect(res.headers.get('access-control-allow-origin'), path).toBeNull();
      expect(res.headers.get('access-control-allow-credentials'), path).toBeNull();
    }
  });
});
