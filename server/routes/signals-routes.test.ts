import { describe, expect, it, vi } from 'vitest';
import * as feature from '../../engine/dwelling-feature.ts';
import { securityApp } from '../../test/security/security-app.ts';

vi.mock('../../engine/dwelling-feature.ts', { spy: true });

interface Detail {
  count: number;
  signals: { buurtcode: string; address: string }[];
}

describe('GET /api/signals (restricted detail)', () => {
  it('builds each buurt set’s answer once, yet audits every read with the rows it returned', async () => {
    const { as, ctx, ds } = await securityApp();
    const codes = ds.buurten.map((b) => b.buurtcode);
    const read = (q: string) => as('gemeente')(`/api/signals${q}`);
    const first = await read(`?buurt=${codes[0]}`);
    const formatted = vi.mocked(feature.formatAddress).mock.calls.length;
    const again = await read(`?buurt=${codes[0]},${codes[0]}`);
    const all = await read('');
    const allAgain = await read('');
    // The second read of each set formatted no address: it was served from the bodies made by the first.
    expect(vi.mocked(feature.formatAddress).mock.calls.length).toBeGreaterThan(formatted);
    const afterAll = vi.mocked(feature.formatAddress).mock.calls.length;
    expect((await read(`?buurt=${codes[0]}`)).status).toBe(200);
    expect(vi.mocked(feature.formatAddress).mock.calls.length).toBe(afterAll);

    const one = (await first.json()) as Detail;
    expect(await again.json()).toEqual(one);
    expect(one.signals.length).toBeGreaterThan(0);
    expect(one.signals.every((x) => x.buurtcode === codes[0])).toBe(true);
    const every = (await all.json()) as Detail;
    expect(await allAgain.json()).toEqual(every);
    expect(every.count).toBe(every.signals.length);
    expect(every.count).toBeGreaterThan(one.count);
    expect(first.headers.get('cache-control')).toBe('private, no-store');

    const reads = ctx.security.audit
      .list({ limit: 10 })
      .filter((e) => e.action === 'signals.read')
      .reverse();
    expect(reads.map((e) => [e.object, e.detail?.rows])).toEqual([
      [`signals?buurt=${codes[0]}`, one.count],
      [`signals?buurt=${codes[0]}`, one.count], // repeated codes are answered once (query-params.ts)
      ['signals', every.count],
      ['signals', every.count],
      [`signals?buurt=${codes[0]}`, one.count],
    ]);
  });
});
