import type { Dwelling } from '../engine/dwelling.ts';
import { dwellingFeature } from '../engine/dwelling-feature.ts';
import { createResponseCache, type CachedBody, type ResponseCache } from './response-cache.ts';

/**
 * GET /api/dwellings answers as bytes assembled from per-buurt fragments serialised once at start. Serialising the
 * features per request (JSON.stringify of every feature of the asked buurten, then encoding the string) took a
 * quarter of the event loop in the soak test (bench/soak.ts) and delayed every other request, /api/health included.
 * Assembled answers are kept in a cache bounded by bytes (ASSEMBLED_CACHE), so a repeated multi-buurt query is a
 * lookup and memory stays bounded whatever the queries. A client that accepts gzip (every browser) gets the gzip'd
 * copy (one buurt: ~1 MB of JSON), compressed once per cached answer in libuv's thread pool.
 */
export interface DwellingBodies {
  /** Dwellings per buurt code. */
  counts: ReadonlyMap<string, number>;
  /** The FeatureCollection for `codes` (in that order, each once), as UTF-8 bytes and gzip'd (made once, cached). */
  body(codes: readonly string[]): Promise<CachedBody>;
  /** The assembled-answer cache (tests check its byte bound). */
  cache: ResponseCache;
}

/** Bounds of the assembled-answer cache: the whole shipped stock is ~10 MB, one buurt well under 1 MB. */
export const ASSEMBLED_CACHE = { maxEntries: 32, maxBytes: 32 * 1024 * 1024 } as const;

export function buildDwellingBodies(
  dwellings: readonly Dwelling[],
  synthetic: boolean,
  cacheBounds: { maxEntries: number; maxBytes: number } = ASSEMBLED_CACHE,
): DwellingBodies {
  const texts = new Map<string, string[]>();
  for (const d of dwellings) {
    let list = texts.get(d.buurtcode);
    if (!list) texts.set(d.buurtcode, (list = []));
    list.push(JSON.stringify(dwellingFeature(d)));
  }
  const fragments = new Map([...texts].map(([code, list]) => [code, Buffer.from(list.join(','), 'utf8')]));
  const counts = new Map([...texts].map(([code, list]) => [code, list.length]));
  const head = Buffer.from(`{"type":"FeatureCollection","synthetic":${synthetic},"features":[`, 'utf8');
  const comma = Buffer.from(',', 'utf8');
  const tail = Buffer.from(']}', 'utf8');
  const cache = createResponseCache(cacheBounds);
  const assemble = (codes: readonly string[]): Uint8Array<ArrayBuffer> => {
    const parts: Buffer[] = [head];
    for (const code of codes) {
      const f = fragments.get(code);
      if (!f || f.length === 0) continue;
      if (parts.length > 1) parts.push(comma);
      parts.push(f);
    }
    parts.push(tail);
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  };
  return {
    counts,
    cache,
    body: (codes) => cache.get(codes.join(','), () => Promise.resolve(assemble(codes))),
  };
}
