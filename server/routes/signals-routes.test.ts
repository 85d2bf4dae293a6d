import { describe, expect, it } from 'vitest';
import { securityApp } from '../../test/security/security-app.ts';

interface Detail {
  count: number;
  signals: { buurtcode: string; vboId: string; nuisanceReports: number | null }[];
}

describe('GET /api/signals (restricted detail)', () => {
  it('builds each buurt set’s answer once, yet audits every read with the rows it returned', async () => {
    const { as, ctx, ds } = await securityApp();
    const codes = ds.buurten.map((b) => b.buurtcode);
    const read = (q: string) => as('gemeente')(`/api/signals${q}`);
    const first = await read(`?buurt=${codes[0]}`);
    const one = (await first.json()) as Detail;
    expect(one.signals.length).toBeGreaterThan(0);
    // Made once: after the first answer, a change to the loaded signals (test only) does not show in the next one.
    const shown = ctx.signals.signals.find((x) => x.vboId === one.signals[0]!.vboId)!;
    (shown as { nuisanceReports: number | null }).nuisanceReports = 999;
    const again = await read(`?buurt=${codes[0]},${codes[0]}`);
    expect(await again.json()).toEqual(one);
    const all = await read('');
    const allAgain = await read('');

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
    ]);
  });
});
