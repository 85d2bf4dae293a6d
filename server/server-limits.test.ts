import { createServer, type Server } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { applyServerLimits, serverOptions, type ServerLimits } from './server-limits.ts';

let server: Server | null = null;
afterEach(
  () =>
    new Promise<void>((r) => {
      const s = server;
      server = null;
      if (!s) return r();
      s.closeAllConnections();
      s.close(() => r());
    }),
);

async function started(limits: ServerLimits): Promise<number> {
  server = createServer(serverOptions(limits), (_req, res) => res.end('ok'));
  applyServerLimits(server, limits);
  await new Promise<void>((r) => server!.listen(0, '127.0.0.1', r));
  return (server.address() as AddressInfo).port;
}

const closed = (s: Socket) =>
  new Promise<string>((r) => {
    let data = '';
    s.on('data', (d) => (data += String(d)));
    s.on('close', () => r(data));
  });

describe('server limits', () => {
  it('drops a client that trickles its headers (slowloris) once the headers timeout passes', async () => {
    const port = await started({
      requestTimeoutMs: 400,
      headersTimeoutMs: 200,
      keepAliveTimeoutMs: 100,
      socketIdleMs: 5_000,
      maxConnections: 10,
    });
    const s = connect(port, '127.0.0.1');
    s.write('GET / HTTP/1.1\r\nHost: localhost\r\n');
    const timer = setInterval(() => s.write('X-A: b\r\n'), 50);
    const answer = await closed(s);
    clearInterval(timer);
    expect(answer).toMatch(/^HTTP\/1\.1 408/);
  }, 10_000);

  it('refuses connections beyond the cap', async () => {
    const port = await started({
      requestTimeoutMs: 5_000,
      headersTimeoutMs: 5_000,
      keepAliveTimeoutMs: 5_000,
      socketIdleMs: 5_000,
      maxConnections: 2,
    });
    const held = [connect(port, '127.0.0.1'), connect(port, '127.0.0.1')];
    await Promise.all(held.map((s) => new Promise((r) => s.once('connect', r))));
    await new Promise((r) => setTimeout(r, 50));
    const extra = connect(port, '127.0.0.1');
    extra.on('error', () => {});
    extra.write('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n');
    expect(await closed(extra)).toBe('');
    for (const s of held) s.destroy();
  });
});
