/**
 * Cached response bodies for routes whose answer is a pure function of the loaded dataset and a normalised query
 * (GET /api/retrofit/scores: 3.2 MB of JSON for the shipped stock). Without it every request rebuilt and
 * re-serialised the whole scored stock, and 50 concurrent clients queued behind each other (1 req/s, 83 timeouts
 * in bench/load.ts). Here:
 * - bounded LRU by entry count AND bytes (identity + gzip), so memory stays flat whatever the queries;
 * - concurrent requests for the same key share one in-flight computation (no thundering herd);
 * - failures are never cached (the next request computes again);
 * - a gzip copy is made lazily, once per entry, in libuv's thread pool (zlib's async API), never on the event loop.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { gzip as zlibGzip } from 'node:zlib';

const gzipAsync = promisify(zlibGzip);

/** A cached body: the exact bytes, and the same bytes gzip'd (computed on first use, then kept with the entry). */
export interface CachedBody {
  readonly identity: Uint8Array<ArrayBuffer>;
  gzip(): Promise<Uint8Array<ArrayBuffer>>;
  /** What the computation said about the body besides its bytes (e.g. rows for the audit entry), when it did. */
  readonly facts?: unknown;
}

/** A computed body, alone or with facts the route needs on every hit (kept with the entry). */
export type ComputedBody =
  string | Uint8Array<ArrayBuffer> | { body: string | Uint8Array<ArrayBuffer>; facts: unknown };

export interface ResponseCacheOptions {
  /** At most this many bodies are kept (least recently used evicted first). */
  maxEntries: number;
  /** At most this many bytes (identity + gzip) are kept; a single larger body is served but not kept. */
  maxBytes: number;
  /** The compressor; zlib's async gzip (thread pool) unless a test injects one. */
  compress?: (body: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;
}

export interface ResponseCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  /** Requests that joined a computation already in flight for their key. */
  joined: number;
}

interface Entry extends CachedBody {
  bytes: number;
}

export interface ResponseCache {
  /** The body for `key`, from the cache, from a computation in flight for `key`, or computed now by `compute`. */
  get(key: string, compute: () => Promise<ComputedBody>): Promise<CachedBody>;
  stats(): ResponseCacheStats;
}

export function createResponseCache(o: ResponseCacheOptions): ResponseCache {
  if (!(o.maxEntries >= 1) || !(o.maxBytes >= 1))
    throw new RangeError(`response cache needs maxEntries and maxBytes ≥ 1, got ${o.maxEntries} and ${o.maxBytes}`);
  const compress = o.compress ?? ((b: Uint8Array<ArrayBuffer>) => gzipAsync(b));
  // Map iteration order is insertion order: re-inserting on a hit makes the first key the least recently used.
  const entries = new Map<string, Entry>();
  const inFlight = new Map<string, Promise<Entry>>();
  let bytes = 0,
    hits = 0,
    misses = 0,
    joined = 0;

  function evict(): void {
    for (const [key, e] of entries) {
      if (entries.size <= o.maxEntries && bytes <= o.maxBytes) break;
      entries.delete(key);
      bytes -= e.bytes;
    }
  }

  function entryOf(key: string, identity: Uint8Array<ArrayBuffer>, facts: unknown): Entry {
    let gz: Promise<Uint8Array<ArrayBuffer>> | null = null;
    const entry: Entry = {
      identity,
      ...(facts === undefined ? {} : { facts }),
      bytes: identity.byteLength,
      gzip() {
        gz ??= compress(identity).then(
          (z) => {
            // Count the gzip copy only while the entry is still cached; an evicted entry's copy dies with it.
            if (entries.get(key) === entry) {
              entry.bytes += z.byteLength;
              bytes += z.byteLength;
              evict();
            }
            return z;
          },
          (err: unknown) => {
            gz = null;
            throw err;
          },
        );
        return gz;
      },
    };
    return entry;
  }

  return {
    get(key, compute) {
      const cached = entries.get(key);
      if (cached) {
        hits++;
        entries.delete(key);
        entries.set(key, cached);
        return Promise.resolve(cached);
      }
      const pending = inFlight.get(key);
      if (pending) {
        joined++;
        return pending;
      }
      misses++;
      const p = (async () => {
        try {
          const computed = await compute();
          const { body, facts } =
            typeof computed === 'string' || computed instanceof Uint8Array
              ? { body: computed, facts: undefined }
              : computed;
          const entry = entryOf(key, typeof body === 'string' ? Buffer.from(body, 'utf8') : body, facts);
          if (entry.bytes <= o.maxBytes) {
            entries.set(key, entry);
            bytes += entry.bytes;
            evict();
          }
          return entry;
        } finally {
          inFlight.delete(key);
        }
      })();
      inFlight.set(key, p);
      return p;
    },
    stats: () => ({ entries: entries.size, bytes, hits, misses, joined }),
  };
}

/** A short, fixed-length digest of a (possibly long) query value, for cache keys. */
/**
 * JSON with object keys sorted at every level: the same value always gives the same text, whatever the key order or
 * spacing it arrived in (a cache key for parsed input such as a weights file).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v !== null && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('base64url');
}

/**
 * Whether an Accept-Encoding header (RFC 9110 §12.5.3) admits gzip: `gzip` or `x-gzip` or `*` with a q-value
 * above zero, and not excluded by an explicit `gzip;q=0`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let star: boolean | null = null;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.trim().toLowerCase().split(';');
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/.exec(p)).find(Boolean);
    const allowed = q ? Number(q[1]) > 0 : true;
    const coding = name.trim();
    if (coding === 'gzip' || coding === 'x-gzip') return allowed;
    if (coding === '*') star = allowed;
  }
  return star ?? false;
}
