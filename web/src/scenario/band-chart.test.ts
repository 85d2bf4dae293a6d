import { describe, expect, it } from 'vitest';
import { bandChartSvg, escapeXml, niceTicks } from './band-chart.ts';
import { DIVERGING, differenceDomain, fillColor, sharedDomain } from './choropleth.ts';
import { formatDelta, formatMetric, formatTick, labelLetters, labelOfIndex } from './metric-format.ts';

const A = {
  name: 'Basis',
  color: '#1f4e8c',
  years: [2025, 2026, 2027, 2028],
  p10: [0.5, 0.4, null, 0.3],
  p50: [0.55, 0.45, null, 0.35],
  p90: [0.6, 0.5, null, 0.4],
};

describe('bandChartSvg', () => {
  it('draws a band and a median per stretch of years, breaking at missing values', () => {
    const svg = bandChartSvg([A], {
      title: 'Corporatiebezit <Kalsdonk>',
      width: 300,
      height: 150,
      tick: (v) => `${Math.round(v * 100)}%`,
      fromZero: true,
      reference: { value: 2 / 3, label: '2/3' },
    });
    expect(svg.match(/class="band"/g)).toHaveLength(1);
    expect(svg.match(/class="median"/g)).toHaveLength(1);
    expect(svg.match(/class="median-dot"/g)).toHaveLength(1);
    expect(svg).toContain('Corporatiebezit &lt;Kalsdonk&gt;');
    expect(svg).toContain('class="reference"');
    expect(svg).toContain('>0%<');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  });

  it('puts the band around the median: p90 above, p10 below', () => {
    const svg = bandChartSvg([{ ...A, p10: [1, 1, 1, 1], p50: [2, 2, 2, 2], p90: [3, 3, 3, 3] }], {
      title: 't',
      width: 200,
      height: 100,
      tick: String,
    });
    const band = /class="band"[^>]*d="M([^"]+)Z"/
      .exec(svg)![1]!
      .split('L')
      .map((p) => Number(p.split(',')[1]));
    const median = Number(/class="median"[^>]*d="M([^"]+)"/.exec(svg)![1]!.split('L')[0]!.split(',')[1]);
    expect(band[0]).toBeLessThan(median);
    expect(band[band.length - 1]).toBeGreaterThan(median);
  });

  it('labels the last year on the axis, dashes the second median and says when A equals B', () => {
    const years = [2025, 2026, 2027, 2028, 2029, 2030, 2031, 2032];
    const flat = { years, p10: years.map(() => 0.4), p50: years.map(() => 0.5), p90: years.map(() => 0.6) };
    const svg = bandChartSvg(
      [
        { ...flat, name: 'Basis', color: '#1f4e8c' },
        { ...flat, name: 'Verkopen', color: '#d9730d', dashed: true },
      ],
      { title: 't', width: 300, height: 150, tick: (v) => `${Math.round(v * 100)}%`, value: (v) => `${v * 100} %` },
    );
    const yearTicks = [...svg.matchAll(/class="tick year"[^>]*text-anchor="(\w+)">(\d{4})</g)].map((m) => [m[2], m[1]]);
    // 2030 is a round year but too close to the last year, 2032, to read beside it.
    expect(yearTicks).toEqual([
      ['2025', 'start'],
      ['2032', 'end'],
    ]);
    expect(svg.match(/class="median dashed"/g)).toHaveLength(1);
    expect(svg).toContain('A en B gelijk');
    expect(svg).toContain('<title>2032 · Verkopen: 50 % (10–90%: 40 % – 60 %)</title>');
    expect(svg.match(/class="hover-point"/g)).toHaveLength(2 * years.length);
    const other = bandChartSvg(
      [
        { ...flat, name: 'Basis', color: '#000' },
        { ...flat, p50: years.map(() => 0.51), name: 'B', color: '#111' },
      ],
      {
        title: 't',
        width: 300,
        height: 150,
        tick: String,
      },
    );
    expect(other).not.toContain('A en B gelijk');
  });

  it('escapes text and picks round ticks', () => {
    expect(escapeXml(`a&b"'`)).toBe('a&amp;b&quot;&apos;');
    expect(niceTicks(0, 1)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(niceTicks(1700, 1900)).toEqual([1700, 1750, 1800, 1850, 1900]);
    expect(niceTicks(5.9, 7.4, 4, 1)).toEqual([6, 7]);
  });
});

describe('choropleth and formats', () => {
  it('shares one domain between both maps and colours missing values grey', () => {
    expect(sharedDomain([0.2, null, 0.6])).toEqual([0.2, 0.6]);
    const [lo, hi] = sharedDomain([0.5, 0.5]);
    expect(lo).toBeLessThan(0.5);
    expect(hi).toBeGreaterThan(0.5);
    expect(JSON.stringify(fillColor(0, 1))).toContain('"#d9d9d9"');
    expect(differenceDomain([0.02, null, -0.05])).toEqual([-0.05, 0.05]);
    expect(differenceDomain([0, 0])[1]).toBeGreaterThan(0);
    // Zero sits on the middle (near-white) colour of the diverging ramp.
    expect(JSON.stringify(fillColor(-0.05, 0.05, DIVERGING))).toContain('0,"#f7f7f7"');
  });

  it('formats metric values in Dutch', () => {
    expect(formatMetric('share', 0.4631)).toMatch(/^46,3\s?%$/);
    expect(formatMetric('flag', 0.35)).toMatch(/^kans 35,0\s?%$/);
    expect(formatMetric('label-index', 6.38)).toBe('C');
    expect(formatDelta('share', -0.0864)).toBe('−8,6 procentpunt');
    expect(formatDelta('share', 0.032)).toBe('+3,2 procentpunt');
    expect(formatDelta('share', 0)).toBe('0,0 procentpunt');
    expect(formatDelta('label-index', 0.42)).toBe('+0,4 labelstap');
    expect(formatDelta('', -35)).toBe('−35');
    expect(labelLetters(4.6, 7.2)).toEqual(['B', 'C', 'D']);
    expect(formatMetric('eur-per-year', 1892.4)).toMatch(/^€\s?1\.892$/);
    expect(formatMetric('', 1751)).toBe('1.751');
    expect(formatMetric('share', null)).toBe('–');
    expect(formatTick('share', 0.5)).toBe('50%');
    expect(formatTick('share', 0.015, 0.005)).toBe('1,5%');
    expect(formatTick('share', 0.025, 0.025)).toBe('2,5%');
    expect(formatTick('share', 0.2, 0.1)).toBe('20%');
    expect(labelOfIndex(4.4)).toBe('A');
  });
});
