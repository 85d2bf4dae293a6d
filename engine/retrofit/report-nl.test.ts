import { describe, expect, it } from 'vitest';
import { whatIfReportNl } from './report-nl.ts';
import { whatIf } from './what-if.ts';

describe('Dutch what-if report', () => {
  const input = { type: 'portiek', bouwjaar: 1962, oppervlakte: 65, eigendom: 'eigenaar-bewoner', date: '2025-09-01', floorLevel: 1, storeys: 4 };
  const r = whatIf(input);
  if (!r.ok) throw new Error('what-if failed');
  const text = whatIfReportNl(r.value, input);
  it('names measures, reasons, route and dates in Dutch with nl-NL numbers', () => {
    expect(text).toContain('spouwmuurisolatie');
    expect(text).toContain('dakisolatie: geen eigen dak');
    expect(text).toContain('route individueel ecologisch onderzoek');
    expect(text).toMatch(/isoleren vanaf \d{2}-\d{2}-\d{4}/);
    expect(text).toMatch(/risico 0,\d\d/);
    expect(text).toContain('onderzoek:');
  });
});
