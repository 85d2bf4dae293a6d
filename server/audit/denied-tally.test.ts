import { describe, expect, it } from 'vitest';
import type { AuditInput } from './audit-log.ts';
import { DeniedTally } from './denied-tally.ts';

const refusal = {
  actor: 'test-viewer',
  role: 'viewer',
  via: 'token' as const,
  object: 'GET /api/signals',
  origin: 'local',
};

describe('refused requests counted per actor, route and minute', () => {
  it('writes one entry per actor and route per minute with the count', () => {
    const written: AuditInput[] = [];
    let t = Date.parse('2026-01-05T10:00:05Z');
    const tally = new DeniedTally(
      (e) => written.push(e),
      () => t,
    );
    for (let i = 0; i < 500; i++) tally.record(refusal);
    tally.record({ ...refusal, object: 'GET /api/audit' });
    expect(written).toEqual([]);
    t += 60_000;
    tally.record(refusal);
    expect(written.map((e) => [e.object, e.detail])).toEqual([
      ['GET /api/signals', { minute: '2026-01-05T10:00', count: 500 }],
      ['GET /api/audit', { minute: '2026-01-05T10:00', count: 1 }],
    ]);
    tally.flush();
    expect(written.at(-1)).toMatchObject({
      action: 'access.denied',
      result: 'denied',
      detail: { minute: '2026-01-05T10:01', count: 1 },
    });
    expect(tally.size).toBe(0);
  });

  it('keeps at most maxKeys counters, writing the oldest early', () => {
    const written: AuditInput[] = [];
    const tally = new DeniedTally(
      (e) => written.push(e),
      () => 0,
      3,
    );
    for (let i = 0; i < 10; i++) tally.record({ ...refusal, actor: `a${i}` });
    expect(tally.size).toBe(3);
    expect(written).toHaveLength(7);
  });
});
