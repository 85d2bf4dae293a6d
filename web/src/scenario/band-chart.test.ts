import { describe, expect, it } from 'vitest';
import { bandChartSvg, escapeXml, niceTicks } from './band-chart.ts';
import { fillColor, sharedDomain } from './choropleth.ts';
import { formatMetric, formatTick, labelOfIndex } from './metric-format.ts';

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
  });

  it('formats metric values in Dutch', () => {
    expect(formatMetric('share', 0.4631)).toMatch(/^46,3\s?%$/);
    expect(formatMetric('flag', 0.35)).toMatch(/^kans 35,0\s?%$/);
    expect(formatMetric('label-index', 6.38)).toBe('C (6,4)');
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
