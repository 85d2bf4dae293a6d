import { createReadStream } from 'node:fs';
import { ImportFormatError } from './import-error.ts';

/** An OSM node with its position. */
export interface OsmNode {
  kind: 'node';
  id: number;
  lon: number;
  lat: number;
}

/** An OSM way: its node references in order and its tags. */
export interface OsmWay {
  kind: 'way';
  id: number;
  refs: number[];
  tags: Map<string, string>;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** XML attribute text with its entities resolved (named and numeric). */
function unescape(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

/** Index of the `>` that closes the tag opened at `open`, skipping any `>` inside a quoted value; -1 if not yet read. */
function tagEnd(s: string, open: number): number {
  let quote = '';
  for (let i = open + 1; i < s.length; i++) {
    const c = s[i]!;
    if (quote) {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '>') return i;
  }
  return -1;
}

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of tag.matchAll(/([\w:-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g)) out.set(m[1]!, unescape(m[2] ?? m[3]!));
  return out;
}

/**
 * Streams the nodes and ways of an OpenStreetMap XML file (the `.osm` format of the OSM API, Geofabrik and
 * `osmium cat x.osm.pbf -o x.osm`), in file order. Relations are skipped. The file is read in chunks, so a town's
 * extract never has to fit in memory as text. A file that is not OSM XML throws `import.format`.
 */
export async function* readOsmXml(file: string): AsyncGenerator<OsmNode | OsmWay> {
  let buffer = '';
  let started = false;
  let way: OsmWay | null = null;
  let node: OsmNode | null = null;
  for await (const chunk of createReadStream(file, { encoding: 'utf8', highWaterMark: 1 << 20 })) {
    buffer += chunk as string;
    if (!started) {
      const head = buffer.replace(/^\uFEFF/, '').trimStart();
      if (head.length < 5 && buffer.length < 64) continue;
      if (!/^(<\?xml[^>]*\?>\s*)?(<!--[\s\S]*?-->\s*)*<osm[\s>]/.test(head))
        throw new ImportFormatError(
          'import.format',
          file,
          'OpenStreetMap XML starting with <osm> (convert a .osm.pbf with `osmium cat file.osm.pbf -o file.osm`)',
          /^[\x20-\x7e\s]*$/.test(head.slice(0, 40)) ? `"${head.slice(0, 40)}"` : 'binary data',
        );
      started = true;
    }
    let at = 0;
    for (;;) {
      const open = buffer.indexOf('<', at);
      if (open < 0) break;
      if (buffer.startsWith('<!--', open)) {
        const end = buffer.indexOf('-->', open);
        if (end < 0) {
          at = open;
          break;
        }
        at = end + 3;
        continue;
      }
      const close = tagEnd(buffer, open);
      if (close < 0) {
        at = open;
        break;
      }
      const tag = buffer.slice(open, close + 1);
      at = close + 1;
      const name = /^<\/?([\w:-]+)/.exec(tag)?.[1];
      const selfClosing = tag.endsWith('/>');
      if (tag.startsWith('</')) {
        if (name === 'way' && way) yield way;
        if (name === 'node' && node) yield node;
        if (name === 'way') way = null;
        if (name === 'node') node = null;
        continue;
      }
      if (name === 'node') {
        const a = attributes(tag);
        const n: OsmNode = {
          kind: 'node',
          id: Number(a.get('id')),
          lon: Number(a.get('lon')),
          lat: Number(a.get('lat')),
        };
        if (selfClosing) yield n;
        else node = n;
      } else if (name === 'way') {
        const w: OsmWay = { kind: 'way', id: Number(attributes(tag).get('id')), refs: [], tags: new Map() };
        if (selfClosing) yield w;
        else way = w;
      } else if (name === 'nd' && way) {
        way.refs.push(Number(attributes(tag).get('ref')));
      } else if (name === 'tag' && way) {
        const a = attributes(tag);
        way.tags.set(a.get('k') ?? '', a.get('v') ?? '');
      }
    }
    buffer = buffer.slice(at);
  }
  if (!started)
    throw new ImportFormatError('import.format', file, 'OpenStreetMap XML starting with <osm>', 'an empty file');
}
