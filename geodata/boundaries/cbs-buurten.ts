import { readFileSync } from 'node:fs';
import { Buurt } from '../../engine/dwelling.ts';
import { programmeAreaOf } from './programme-areas.ts';

/** CBS Wijk- en Buurtkaart 2024, generalised (~100 m), CC-BY 4.0 CBS; shipped in the repo so the product runs offline (docs/sources.md). */
export const CBS_BUURTEN_FILE = new URL('./roosendaal-buurten-2024-generalised.geojson', import.meta.url);
export const CBS_ATTRIBUTION = 'Buurtgrenzen: CBS Wijk- en Buurtkaart 2024 (gegeneraliseerd), CC-BY 4.0';

interface RawFeature {
  properties: { buurtcode: string; buurtnaam: string; wijkcode: string; gemeentecode: string };
  geometry: unknown;
}

/** Reads the shipped generalised buurt boundaries and validates them as Buurt records. */
export function loadShippedBuurten(file: URL | string = CBS_BUURTEN_FILE): Buurt[] {
  const raw = JSON.parse(readFileSync(file, 'utf8')) as { features: RawFeature[] };
  return raw.features.map((f, i) => {
    const parsed = Buurt.safeParse({
      ...f.properties,
      programmeArea: programmeAreaOf(f.properties.buurtcode),
      lowIncomeShare: null,
      geometry: f.geometry,
    });
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      throw new Error(`${String(file)}: features[${i}].${issue.path.join('.')}: ${issue.message}`);
    }
    return parsed.data;
  });
}
