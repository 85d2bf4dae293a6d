import { createReadStream } from 'node:fs';
import { ImportFormatError } from './import-error.ts';
import { assertUtf8Text, readHead } from './text-sniff.ts';

/** One feature of a FeatureCollection, with its 0-based index and the collection's `crs` name (GeoJSON 2008) if declared before it. */
export interface StreamedFeature {
  index: number;
  feature: { type?: unknown; properties?: Record<string, unknown> | null; geometry?: unknown; id?: unknown };
  crs: string | null;
}

/**
 * Streams the features of a GeoJSON FeatureCollection one at a time, so a large PDOK/WFS download is never
 * held whole: a small scanner tracks strings and nesting and hands each complete feature object to JSON.parse.
 */
export async function* readGeoJsonFeatures(file: string): AsyncGenerator<StreamedFeature> {
  assertUtf8Text(file, readHead(file), 'a GeoJSON FeatureCollection');
  let depth = 0;
  let inString = false;
  let escaped = false;
  let expectKey = false;
  let key: string | null = null;
  let token = '';
  let capturing: 'feature' | 'crs' | 'type' | null = null;
  let captured = '';
  let inFeatures = false;
  let crs: string | null = null;
  let type: string | null = null;
  let index = 0;
  let started = false;
  const stream = createReadStream(file, { encoding: 'utf8' });
  for await (const chunk of stream as AsyncIterable<string>) {
    let captureFrom = capturing ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk[i]!;
      if (inString) {
        if (escaped) escaped = false;
        else if (c === '\\') escaped = true;
        else if (c === '"') {
          inString = false;
          if (depth === 1 && expectKey) key = token;
          else if (depth === 1 && key === 'type') type = token;
        } else if (depth === 1) token += c;
        continue;
      }
      if (!started) {
        if (/\s/.test(c) || c === '\ufeff') continue;
        if (c !== '{')
          throw new ImportFormatError(
            'import.format',
            file,
            'a GeoJSON FeatureCollection (a JSON object)',
            `"${c}" at the start`,
          );
        started = true;
      }
      switch (c) {
        case '"':
          inString = true;
          token = '';
          break;
        case '{':
        case '[':
          depth++;
          if (depth === 1) expectKey = true;
          else if (depth === 2 && key === 'features' && c === '[') inFeatures = true;
          else if (depth === 3 && inFeatures && c === '{') {
            capturing = 'feature';
            captureFrom = i;
            captured = '';
          } else if (depth === 2 && key === 'crs' && c === '{') {
            capturing = 'crs';
            captureFrom = i;
            captured = '';
          }
          break;
        case '}':
        case ']':
          depth--;
          if (depth < 0)
            throw new ImportFormatError('import.syntax', file, 'balanced JSON brackets', `an extra "${c}"`);
          if (capturing && ((capturing === 'feature' && depth === 2) || (capturing === 'crs' && depth === 1))) {
            captured += chunk.slice(captureFrom, i + 1);
            const what = capturing;
            capturing = null;
            captureFrom = -1;
            let value: unknown;
            try {
              value = JSON.parse(captured);
            } catch (err) {
              throw new ImportFormatError(
                'import.syntax',
                file,
                'valid JSON',
                `${(err as Error).message} in ${what === 'feature' ? `features[${index}]` : 'crs'}`,
              );
            }
            captured = '';
            if (what === 'crs') crs = crsName(value);
            else yield { index: index++, feature: value as StreamedFeature['feature'], crs };
          }
          if (depth === 1 && inFeatures && c === ']') inFeatures = false;
          break;
        case ',':
          if (depth === 1) expectKey = true;
          break;
        case ':':
          if (depth === 1) expectKey = false;
          break;
        default:
      }
    }
    if (capturing && captureFrom >= 0) captured += chunk.slice(captureFrom);
  }
  if (!started || depth !== 0)
    throw new ImportFormatError(
      'import.syntax',
      file,
      'a complete JSON document',
      started ? 'a truncated file' : 'an empty file',
    );
  if (type !== 'FeatureCollection')
    throw new ImportFormatError('import.format', file, 'a GeoJSON FeatureCollection', `type ${JSON.stringify(type)}`);
}

function crsName(value: unknown): string | null {
  const name = (value as { properties?: { name?: unknown } } | null)?.properties?.name;
  return typeof name === 'string' ? name : null;
}
