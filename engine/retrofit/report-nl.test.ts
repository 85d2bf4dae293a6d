import { describe, expect, it } from 'vitest';
import { whatIfReportNl } from './report-nl.ts';
import { whatIf } from './what-if.ts';

describe('Dutch what-if report', () => {
  const input = {
    type: 'portiek',
    bouwjaar: 1962,
    oppervlakte: 65,
    eigendom: 'eigenaar-bewoner',
    date: '2025-09-01',
    floorLevel: 1,
    storeys: 4,
  };
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
  it('shows the owner-occupier net cost beside the gross, with the rules used', () => {
    const own = whatIf({
      type: 'tussenwoning',
      bouwjaar: 1965,
      oppervlakte: 100,
      eigendom: 'eigenaar-bewoner',
      date: '2026-03-01',
    });
    if (!own.ok) throw new Error('what-if failed');
    const t = whatIfReportNl(own.value, { type: 'tussenwoning', bouwjaar: 1965, oppervlakte: 100 });
    const s = own.value.subsidies!;
    expect(t).toContain(
      `Subsidie (eigenaar-bewoner, 01-03-2026): bruto € ${s.grossEur.toLocaleString('nl-NL')} − subsidie € ${s.subsidyEur.toLocaleString('nl-NL')} = netto € ${s.netEur.toLocaleString('nl-NL')}`,
    );
    expect(t).toContain('maatregel in pakket');
    expect(t).toContain('isde-2026 (aanname), roosendaal-te-bevestigen (nog te bevestigen, telt als € 0)');
  });
  it('says costs are gross when no subsidy row covers the date', () => {
    const late = whatIf({ type: 'tussenwoning', bouwjaar: 1965, oppervlakte: 100, date: '2030-03-01' });
    if (!late.ok) throw new Error('what-if failed');
    expect(whatIfReportNl(late.value, { type: 'tussenwoning', bouwjaar: 1965, oppervlakte: 100 })).toContain(
      'geen subsidieregels voor deze datum',
    );
  });
});
