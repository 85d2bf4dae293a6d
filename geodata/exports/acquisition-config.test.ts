import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_ACQUISITION_CONFIG } from '../../engine/acquisition/params.ts';
import { AcquisitionConfigError, loadAcquisitionConfig } from './acquisition-config.ts';

describe('acquisition configuration file', () => {
  it('ships the engine defaults (Centrum-Oud first, focus buurten, €1.5M)', () => {
    expect(loadAcquisitionConfig()).toEqual(DEFAULT_ACQUISITION_CONFIG);
  });

  it('accepts a polygon zone and a budget, and names the field of a mistake', () => {
    const dir = mkdtempSync(join(tmpdir(), 'acq-'));
    const ok = join(dir, 'ok.json');
    writeFileSync(
      ok,
      JSON.stringify({
        budgetEur: 800000,
        zones: [
          {
            id: 'blok',
            name: 'Blok',
            priority: 1,
            geometry: {
              type: 'Polygon',
              coordinates: [
                [
                  [4.46, 51.53],
                  [4.47, 51.53],
                  [4.47, 51.54],
                  [4.46, 51.53],
                ],
              ],
            },
          },
        ],
      }),
    );
    expect(loadAcquisitionConfig(ok)).toMatchObject({
      budgetEur: 800000,
      zones: [{ id: 'blok' }],
      weights: DEFAULT_ACQUISITION_CONFIG.weights,
    });
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ weights: { signals: 2 } }));
    expect(() => loadAcquisitionConfig(bad)).toThrow(/weights/);
    expect(() => loadAcquisitionConfig(join(dir, 'missing.json'))).toThrow(AcquisitionConfigError);
  });
});
