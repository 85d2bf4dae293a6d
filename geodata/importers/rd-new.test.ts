import { describe, expect, it } from 'vitest';
import { isDutchLonLat, isRdPosition, rdToWgs84, RD_NEW_PROJ, wgs84ToRd } from './rd-new.ts';

// Distance in metres between two nearby WGS84 points (equirectangular; fine at this scale).
const metres = ([a, b]: number[], [c, d]: number[]) =>
  Math.hypot((a! - c!) * 111_320 * Math.cos((b! * Math.PI) / 180), (b! - d!) * 110_574);

describe('RD New ↔ WGS84 (proj string of docs/domain.md §7)', () => {
  it('uses the proj string with the datum shift, not WKT', () => {
    expect(RD_NEW_PROJ).toContain('+towgs84=565.417,50.3319,465.552');
  });

  it('puts the Amersfoort origin within a metre of its published position', () => {
    // RD origin 155000, 463000 = 52.15517440 N, 5.38720621 E (Kadaster, RDNAPTRANS).
    expect(metres(rdToWgs84(155000, 463000), [5.38720621, 52.1551744])).toBeLessThan(1);
  });

  it('round-trips a point in Roosendaal to within a centimetre', () => {
    const [lon, lat] = rdToWgs84(91998, 395229);
    expect(lon).toBeCloseTo(4.479, 2);
    expect(lat).toBeCloseTo(51.5425, 2);
    const [x, y] = wgs84ToRd(lon, lat);
    expect(Math.hypot(x - 91998, y - 395229)).toBeLessThan(0.02);
  });

  it('tells RD metres from degrees', () => {
    expect(isRdPosition(91998, 395229)).toBe(true);
    expect(isRdPosition(4.48, 51.54)).toBe(false);
    expect(isDutchLonLat(4.48, 51.54)).toBe(true);
    expect(isDutchLonLat(51.54, 4.48)).toBe(false);
  });
});
