import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAP_LOCALE_NL } from './map-locale.ts';

/** The keys of MapLibre's own default locale table, read from the installed library. */
function maplibreLocaleKeys(): string[] {
  const pkg = createRequire(import.meta.url).resolve('maplibre-gl/package.json');
  const src = readFileSync(join(dirname(pkg), 'dist', 'maplibre-gl-dev.mjs'), 'utf8');
  const block = /const defaultLocale = \{([\s\S]*?)\n\};/.exec(src)?.[1] ?? '';
  return [...block.matchAll(/"([A-Za-z]+\.[A-Za-z]+)":/g)].map((m) => m[1]!);
}

describe('MAP_LOCALE_NL', () => {
  it('translates every control text MapLibre has, and no key it does not know', () => {
    const keys = maplibreLocaleKeys();
    expect(keys.length).toBeGreaterThan(20);
    expect(Object.keys(MAP_LOCALE_NL).sort()).toEqual([...keys].sort());
  });

  it('uses Dutch for the texts the issue found in English', () => {
    expect(MAP_LOCALE_NL['NavigationControl.ZoomIn']).toBe('Inzoomen');
    expect(MAP_LOCALE_NL['AttributionControl.ToggleAttribution']).not.toMatch(/attribution/i);
  });
});
