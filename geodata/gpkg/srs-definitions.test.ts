import proj4 from 'proj4';
import { describe, expect, it } from 'vitest';
import { GPKG_SPATIAL_REF_SYS, SRS_RD_NEW, SRS_WGS84 } from './srs-definitions.ts';

const definition = (srsId: number): string => GPKG_SPATIAL_REF_SYS.find((s) => s.srsId === srsId)!.definition;

describe('GPKG_SPATIAL_REF_SYS', () => {
  it('holds the rows GeoPackage requires (-1, 0, 4326) and RD New', () => {
    expect(GPKG_SPATIAL_REF_SYS.map((s) => s.srsId)).toEqual([-1, 0, SRS_WGS84, SRS_RD_NEW]);
  });

  it('ends each EPSG definition with its own authority code and balanced brackets', () => {
    for (const s of GPKG_SPATIAL_REF_SYS.filter((r) => r.organization === 'EPSG')) {
      expect(s.definition.endsWith(`AUTHORITY["EPSG","${s.organizationCoordsysId}"]]`)).toBe(true);
      expect(s.definition.split('[').length).toBe(s.definition.split(']').length);
    }
  });

  it('puts the RD New origin at Amersfoort (52°09′22.178″N, 5°23′15.500″E on the Bessel ellipsoid)', () => {
    // The WKT carries no datum shift, so this checks the projection parameters only.
    const [lon, lat] = proj4(definition(SRS_RD_NEW), definition(SRS_WGS84), [155000, 463000]);
    expect(lon).toBeCloseTo(5 + 23 / 60 + 15.5 / 3600, 8);
    expect(lat).toBeCloseTo(52 + 9 / 60 + 22.178 / 3600, 8);
  });
});
