import { describe, expect, it } from 'vitest';
import { RulesInForceSchema } from '../../engine/rules/rules-listing.ts';
import { testApp } from './test-app.ts';

const app = await testApp({ role: 'viewer' });

describe('GET /api/rules', () => {
  it('lists the rules in force on the date with sources, the row of that date', async () => {
    const res = await app.request('/api/rules?date=2025-06-01');
    expect(res.status).toBe(200);
    const body = RulesInForceSchema.parse(await res.json());
    expect(body.date).toBe('2025-06-01');
    const max = body.rules.find((r) => r.id === 'warmtefonds.vve.max-per-right')!;
    expect(max).toMatchObject({
      value: 30000,
      valueText: '€ 30.000',
      file: 'warmtefonds-vve.json',
      retrieved: '2026-12-07',
    });
    expect(max.source.url).toMatch(/^https:\/\/www\.warmtefonds\.nl\//);
    const later = RulesInForceSchema.parse(await (await app.request('/api/rules?date=2026-06-01')).json());
    expect(later.rules.find((r) => r.id === 'warmtefonds.vve.max-per-right')!.value).toBe(34000);
  });

  it('refuses a date that is not a calendar date', async () => {
    const res = await app.request('/api/rules?date=2026-02-30');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ code: 'query.invalid', path: ['query', 'date'] });
  });
});
