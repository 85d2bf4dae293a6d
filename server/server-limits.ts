import type { Server } from 'node:http';

/**
 * Explicit limits on the HTTP server instead of Node's defaults (no socket idle timeout, no connection cap): a client
 * trickling headers or a body, or opening thousands of idle connections, cannot hold the server's sockets.
 */
export interface ServerLimits {
  /** The whole request (headers and body) must arrive within this, ms. */
  requestTimeoutMs: number;
  /** The headers must arrive within this, ms. */
  headersTimeoutMs: number;
  /** An idle keep-alive connection is closed after this, ms. */
  keepAliveTimeoutMs: number;
  /** A socket without any activity is closed after this, ms (longer than the slowest legitimate answer). */
  socketIdleMs: number;
  /** Connections beyond this are refused at once. */
  maxConnections: number;
}

export const DEFAULT_SERVER_LIMITS: ServerLimits = {
  requestTimeoutMs: 60_000,
  headersTimeoutMs: 15_000,
  keepAliveTimeoutMs: 5_000,
  socketIdleMs: 120_000,
  maxConnections: 256,
};

/**
 * Options for http.createServer: Node checks the request and headers timeouts only every
 * `connectionsCheckingInterval` (default 30 s), so it is shortened for the timeouts to bite on time.
 */
export function serverOptions(l: ServerLimits = DEFAULT_SERVER_LIMITS): {
  connectionsCheckingInterval: number;
  requestTimeout: number;
  headersTimeout: number;
  keepAliveTimeout: number;
} {
  return {
    connectionsCheckingInterval: Math.max(50, Math.min(1_000, Math.floor(l.headersTimeoutMs / 4))),
    requestTimeout: l.requestTimeoutMs,
    headersTimeout: l.headersTimeoutMs,
    keepAliveTimeout: l.keepAliveTimeoutMs,
  };
}

export function applyServerLimits(server: Server, l: ServerLimits = DEFAULT_SERVER_LIMITS): void {
  server.requestTimeout = l.requestTimeoutMs;
  server.headersTimeout = l.headersTimeoutMs;
  server.keepAliveTimeout = l.keepAliveTimeoutMs;
  server.maxConnections = l.maxConnections;
  server.setTimeout(l.socketIdleMs, (socket) => socket.destroy());
}
