import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { acceptsGzip, createResponseCache, digest } from './response-cache.ts';

const text = (b: Uint8Array) => Buffer.from(b).toString('utf8');

describe('createResponseCache', () => {
  it('computes once per key and answers repeats from the cache with the same bytes', async () => {
    const cache = createResponseCache({ maxEntries: 4, maxBytes: 1024 });
    let calls = 0;
    const compute = async () => `{"n":${++calls}}`;
    const a = await cache.get('k', compute);
    const b = await cache.get('k', compute);
    expect(text(a.identity)).toBe('{"n":1}');
    expect(b.identity).toBe(a.identity);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 7, hits: 1, misses: 1 });
  });

  it('keeps the facts a computation returns with its body, for every hit', async () => {
    const cache = createResponseCache({ maxEntries: 4, maxBytes: 1024 });
    let calls = 0;
    const compute = async () => ({ body: `{"n":${++calls}}`, facts: { rows: 7 } });
    const a = await cache.get('k', compute);
    const b = await cache.get('k', compute);
    expect([a.facts, b.facts, Buffer.from(b.identity).toString()]).toEqual([{ rows: 7 }, { rows: 7 }, '{"n":1}']);
    expect((await cache.get('plain', async () => 'x')).facts).toBeUndefined();
  });

  it('lets concurrent requests for one key share a single computation', async () => {
    const cache = createResponseCache({ maxEntries: 4, maxBytes: 1024 });
    let calls = 0;
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const compute = async () => {
      calls++;
      await gate;
      return 'body';
    };
    const all = Promise.all([cache.get('k', compute), cache.get('k', compute), cache.get('k', compute)]);
    release();
    const bodies = await all;
    expect(calls).toBe(1);
    expect(new Set(bodies).size).toBe(1);
    expect(cache.stats()).toMatchObject({ misses: 1, joined: 2 });
  });

  it('does not cache a failure: every waiter sees it and the next request computes again', async () => {
    const cache = createResponseCache({ maxEntries: 4, maxBytes: 1024 });
    let calls = 0;
    const failing = async () => {
      calls++;
      throw new Error('engine down');
    };
    await Promise.all([
      expect(cache.get('k', failing)).rejects.toThrow('engine down'),
      expect(cache.get('k', failing)).rejects.toThrow('engine down'),
    ]);
    expect(calls).toBe(1);
    expect(text((await cache.get('k', async () => 'ok')).identity)).toBe('ok');
    expect(cache.stats().entries).toBe(1);
  });

  it('evicts the least recently used entry beyond maxEntries', async () => {
    const cache = createResponseCache({ maxEntries: 2, maxBytes: 1024 });
    let calls = 0;
    const compute = async () => `v${++calls}`;
    await cache.get('a', compute);
    await cache.get('b', compute);
    await cache.get('a', compute); // a is now the most recent
    await cache.get('c', compute); // evicts b
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 4 });
    expect(text((await cache.get('a', compute)).identity)).toBe('v1');
    expect(text((await cache.get('b', compute)).identity)).toBe('v4');
  });

  it('keeps the bytes under maxBytes and serves, without keeping, a body larger than the cap', async () => {
    const cache = createResponseCache({ maxEntries: 10, maxBytes: 10 });
    await cache.get('a', async () => '12345');
    await cache.get('b', async () => '67890');
    await cache.get('c', async () => 'xyz');
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8 });
    const big = await cache.get('big', async () => 'x'.repeat(11));
    expect(big.identity.byteLength).toBe(11);
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 8 });
  });

  it('gzips an entry once, lazily, counts the gzip bytes and evicts for them', async () => {
    let compressions = 0;
    const compress = async (b: Uint8Array<ArrayBuffer>) => {
      compressions++;
      return new Uint8Array(b.byteLength).fill(1);
    };
    const cache = createResponseCache({ maxEntries: 10, maxBytes: 20, compress });
    const a = await cache.get('a', async () => '12345');
    await cache.get('b', async () => '67890');
    expect(compressions).toBe(0);
    const [z1, z2] = await Promise.all([a.gzip(), a.gzip()]);
    expect(z1).toBe(z2);
    expect(compressions).toBe(1);
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 15 });
    await cache.get('c', async () => '123456'); // 21 bytes → the least recently used (a) goes
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 11 });
  });

  it('makes a real gzip of the exact bytes by default', async () => {
    const cache = createResponseCache({ maxEntries: 1, maxBytes: 1 << 20 });
    const body = JSON.stringify({ é: 'ë'.repeat(1000) });
    const e = await cache.get('k', async () => body);
    expect(gunzipSync(await e.gzip()).toString('utf8')).toBe(body);
  });

  it('refuses bounds below one', () => {
    expect(() => createResponseCache({ maxEntries: 0, maxBytes: 10 })).toThrow(RangeError);
    expect(() => createResponseCache({ maxEntries: 1, maxBytes: Number.NaN })).toThrow(RangeError);
  });
});

describe('acceptsGzip', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['gzip', true],
    ['gzip, deflate, br', true],
    ['br;q=1.0, gzip;q=0.8', true],
    ['GZIP', true],
    ['x-gzip', true],
    ['gzip;q=0', false],
    ['gzip; q=0.0', false],
    ['deflate, br', false],
    ['*', true],
    ['*;q=0', false],
    ['gzip;q=0, *', false],
    ['identity', false],
    ['br, *;q=0.1', true],
  ])('%j → %s', (header, expected) => {
    expect(acceptsGzip(header)).toBe(expected);
  });
});

describe('digest', () => {
  it('is fixed-length and differs for different texts', () => {
    expect(digest('a'.repeat(10_000))).toHaveLength(43);
    expect(digest('{"a":1}')).not.toBe(digest('{"a":2}'));
  });
});
