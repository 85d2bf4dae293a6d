import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { DEFAULT_WRITE_BODY_LIMIT, WRITE_BODY_LIMITS } from '../../server/auth/write-guard.ts';
import { check, deepJson, nastyJson, nastyString, watchProcess } from '../property/fc-settings.ts';
import { securityApp } from '../security/security-app.ts';

/**
 * API fuzzing: every operation of the OpenAPI document the app serves — routes added later are
 * covered without editing this file — gets random and malformed query strings, path parameters and bodies as
 * a signed-in gemeente user. No response may be a 5xx, every 4xx must be JSON {code, message}, and nothing
 * may reject unhandled or pollute Object.prototype.
 */
const watch = watchProcess();
afterAll(() => watch.stop());

const { as } = await securityApp();
const request = as('gemeente');
interface Param {
  name: string;
  in: string;
  required: boolean;
}
type Paths = Record<string, Record<string, { parameters?: Param[]; responses?: Record<string, unknown> }>>;
const served = (await (await request('/api/openapi.json')).json()) as { paths: Paths };
const paths: Paths = served.paths;
const operations = Object.entries(paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    path,
    method: method.toUpperCase(),
    params: op.parameters ?? [],
    documented: new Set(Object.keys(op.responses ?? {}).map(Number)),
  })),
);
const isWrite = (method: string): boolean => method !== 'GET' && method !== 'HEAD';

/** Field names the write routes read (what-if, scenarios, sign-in), so random bodies get past the first key check. */
const BODY_KEYS = [
  'input',
  'status',
  'reason',
  'budgetEur',
  'capacity',
  'calendar',
  'type',
  'bouwjaar',
  'oppervlakte',
  'date',
  'label',
  'eigendom',
  'vveId',
  'buurt',
  'weights',
  'scenario',
  'inline',
  'runs',
  'username',
  'password',
  'name',
  'plan',
  'measures',
  'id',
];

/** Lone surrogates cannot be percent-encoded: replaced by U+FFFD, as a browser would. */
const text = (s: string): string =>
  s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** A URL for an operation: path parameters filled, query built from [name, value] pairs (repeats allowed). */
function urlOf(path: string, pathValue: string, query: [string, string][] | string): string {
  const filled = path.replace(/\{[^}]+\}/g, encodeURIComponent(text(pathValue)));
  const q =
    typeof query === 'string' ? query : new URLSearchParams(query.map(([k, v]) => [text(k), text(v)])).toString();
  return q ? `${filled}?${q}` : filled;
}

const failures: string[] = [];

/** Documented "not available here" answers (e.g. 503 plan.planner.unavailable: this test app runs no planner worker). */
const unavailable: string[] = [];

/**
 * The response contract: never 5xx — except a 503 the operation documents, with its own code (a deliberate
 * "not running here", never `internal`) — and every 4xx/5xx is JSON with a string code and message.
 */
async function expectContract(
  res: Response,
  label: string,
  documented: ReadonlySet<number> = new Set(),
): Promise<void> {
  const status = res.status;
  const type = res.headers.get('content-type') ?? '';
  const bodyText = await res.text();
  const allowed503 = status === 503 && documented.has(503) && !bodyText.includes('"internal"');
  if (allowed503) unavailable.push(`${label} → 503 ${bodyText.slice(0, 120)}`);
  else if (status >= 500) failures.push(`${label} → ${status} ${bodyText.slice(0, 200)}`);
  if (!allowed503) expect(status, `${label} → ${bodyText.slice(0, 300)}`).toBeLessThan(500);
  if (status >= 400) {
    expect(type, `${label} → ${status}`).toMatch(/^application\/json/);
    const body = JSON.parse(bodyText) as { code?: unknown; message?: unknown };
    expect(typeof body.code, `${label} → ${bodyText.slice(0, 200)}`).toBe('string');
    expect(typeof body.message, `${label} → ${bodyText.slice(0, 200)}`).toBe('string');
  }
  expect(({} as Record<string, unknown>).polluted, `${label} polluted Object.prototype`).toBeUndefined();
}

let sent = 0;
function send(
  method: string,
  url: string,
  body?: string | Uint8Array,
  contentType = 'application/json',
): Promise<Response> {
  sent++;
  return request(
    url,
    isWrite(method)
      ? { method, headers: { 'content-type': contentType }, body: (body ?? '{}') as BodyInit }
      : { method },
  );
}

/** Hand-picked malformed bodies for every write route. */
function malformedBodies(limit: number): { label: string; body: string | Uint8Array; type?: string }[] {
  return [
    { label: 'empty', body: '' },
    { label: 'invalid JSON', body: '{"a":' },
    { label: 'trailing garbage', body: '{} x' },
    { label: 'NaN literal', body: '{"bouwjaar": NaN}' },
    { label: 'BOM + JSON', body: '\ufeff{}' },
    { label: 'JSON string', body: '"just a string"' },
    { label: 'JSON null', body: 'null' },
    { label: 'JSON array', body: '[1,2,3]' },
    { label: 'huge number', body: '{"bouwjaar": 1e309, "oppervlakte": -1e309, "runs": 1e300}' },
    {
      label: 'numbers as NaN/Infinity strings',
      body: '{"bouwjaar": "NaN", "oppervlakte": "Infinity", "runs": "-Infinity"}',
    },
    { label: '__proto__ pollution', body: '{"__proto__": {"polluted": true}, "type": "tussenwoning"}' },
    { label: 'constructor pollution', body: '{"constructor": {"prototype": {"polluted": true}}}' },
    {
      label: 'nested __proto__',
      body: '{"inline": {"__proto__": {"polluted": true}}, "scenario": {"__proto__": {"polluted": 1}}}',
    },
    { label: 'deep array nesting 10,000', body: deepJson(10_000, 'array') },
    { label: 'deep object nesting 10,000', body: deepJson(10_000, 'object') },
    {
      label: 'deep nesting in a field',
      body: `{"inline": ${deepJson(10_000, 'object')}, "weights": ${deepJson(5_000, 'array')}}`,
    },
    {
      label: 'very long string',
      body: JSON.stringify({
        type: 'x'.repeat(Math.min(limit - 100, 60_000)),
        username: 'y'.repeat(Math.min(limit - 100, 3_000)),
      }),
    },
    { label: 'unicode and controls', body: '{"type":"\\u202e\\u0000💥","username":"\\ud800","password":"é\\u0301"}' },
    {
      label: 'invalid UTF-8 bytes',
      body: new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x22, 0x7d]),
    },
    { label: 'oversized (limit + 1 KiB)', body: JSON.stringify({ pad: 'x'.repeat(limit + 1024) }) },
    { label: 'text/plain', body: '{}', type: 'text/plain' },
    { label: 'form', body: 'a=1&b=2', type: 'application/x-www-form-urlencoded' },
    {
      label: 'multipart',
      body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1\r\n--x--',
      type: 'multipart/form-data; boundary=x',
    },
    { label: 'xml', body: '<a/>', type: 'application/xml' },
    { label: 'json utf-16 charset', body: '{}', type: 'application/json; charset=utf-16' },
    { label: 'json with parameters', body: '{}', type: 'application/json; foo=bar' },
  ];
}

const queryArb = (params: Param[]) =>
  fc.array(
    fc.tuple(
      fc.oneof(
        fc.constantFrom(...(params.length ? params.map((p) => p.name) : ['q'])),
        fc.constantFrom('__proto__', 'constructor', 'toString'),
        fc.string({ maxLength: 8 }),
      ),
      nastyString(),
    ),
    { maxLength: 6 },
  );
const RAW_QUERIES = [
  '%',
  '%FF%FE',
  'a=%E0%A4%A',
  '&&&',
  '=',
  '==x',
  'a[b]=1&a[c]=2',
  '__proto__[polluted]=1',
  'constructor[prototype][polluted]=1',
  `x=${'%41'.repeat(5000)}`,
];

describe('API fuzzing: every route of the OpenAPI document as gemeente', () => {
  it('the document lists the routes (so the fuzzing below covers something)', () => {
    expect(operations.length).toBeGreaterThan(15);
    expect(operations.some((o) => isWrite(o.method))).toBe(true);
  });

  for (const op of operations) {
    const limit = WRITE_BODY_LIMITS[`${op.method} ${op.path}`] ?? DEFAULT_WRITE_BODY_LIMIT;
    it(`${op.method} ${op.path}: malformed parameters`, async () => {
      for (const raw of RAW_QUERIES)
        await expectContract(
          await send(op.method, urlOf(op.path, '1674010000000001', raw)),
          `${op.method} ?${raw.slice(0, 40)}`,
          op.documented,
        );
      // Each documented parameter alone with every nasty value, then random combinations.
      for (const p of op.params) {
        for (const v of [
          'NaN',
          'Infinity',
          '1e309',
          '-1',
          '__proto__',
          'x'.repeat(100_000),
          '\u0000',
          '💥',
          deepJson(10_000, 'array'),
          '{"__proto__":{"polluted":1}}',
        ]) {
          await expectContract(
            await send(op.method, urlOf(op.path, '1674010000000001', [[p.name, v]])),
            `${op.method} ${op.path}?${p.name}=${v.slice(0, 30)}`,
            op.documented,
          );
        }
      }
      await check(
        fc.asyncProperty(queryArb(op.params), nastyString(), async (query, pathValue) => {
          const url = urlOf(op.path, op.path.includes('{') ? pathValue : '', query);
          await expectContract(await send(op.method, url), `${op.method} ${url.slice(0, 200)}`, op.documented);
        }),
        80,
      );
    });

    if (!isWrite(op.method)) continue;
    it(`${op.method} ${op.path}: malformed bodies and content types`, async () => {
      const url = urlOf(op.path, '1674010000000001', []);
      for (const b of malformedBodies(limit))
        await expectContract(
          await send(op.method, url, b.body, b.type),
          `${op.method} ${op.path} body ${b.label}`,
          op.documented,
        );
      await check(
        fc.asyncProperty(
          fc.oneof(nastyJson(), fc.dictionary(fc.constantFrom(...BODY_KEYS), nastyJson(), { maxKeys: 6 })),
          async (value) => {
            const body = JSON.stringify(value) ?? 'null';
            await expectContract(
              await send(op.method, url, body),
              `${op.method} ${op.path} body ${body.slice(0, 300)}`,
              op.documented,
            );
          },
        ),
        150,
      );
    });
  }

  it('undocumented methods on documented paths, and garbage credentials, end in 4xx JSON', async () => {
    for (const path of Object.keys(paths)) {
      const url = urlOf(path, '1674010000000001', []);
      for (const method of ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']) {
        if (paths[path]![method.toLowerCase()]) continue;
        await expectContract(await send(method, url), `${method} ${path} (undocumented)`);
      }
      for (const auth of [
        'Bearer ',
        'Bearer x',
        `Bearer ${'a'.repeat(10_000)}`,
        'Basic Z2VtZWVudGU6eA==',
        'Bearer ünï',
        'bearer x y',
        'Negotiate x',
      ]) {
        const res = await as(null)(url, { headers: { authorization: auth } });
        await expectContract(res, `GET ${path} with Authorization ${auth.slice(0, 20)}`);
      }
      await expectContract(
        await as(null)(url, {
          headers: { cookie: `voorraad_sessie=${'%'.repeat(500)}; __Host-voorraad_sessie=\u00ff` },
        }),
        `GET ${path} with a garbage cookie`,
      );
    }
  });

  it('no 5xx anywhere, and no unhandled rejection or uncaught exception during the run', () => {
    expect(failures).toEqual([]);
    expect(watch.seen).toEqual([]);
    console.info(`API fuzzing: ${operations.length} operations, ${sent} requests, 0 × 5xx`);
    if (unavailable.length > 0)
      console.info(`documented 503 answers (no worker in the test app): ${unavailable.length}, e.g. ${unavailable[0]}`);
  });
});
