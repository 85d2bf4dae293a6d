import { describe, expect, it } from 'vitest';
import { securityApp, testPassword } from '../../test/security/security-app.ts';
import { createApp } from '../app.ts';
import { hostName } from './host-guard.ts';
import { openSecurity } from './security-context.ts';
import { testUsers } from '../../test/api/test-app.ts';

const signIn = (app: { request: (p: string, i: RequestInit) => Response | Promise<Response> }, host: string) =>
  app.request('/api/auth/sign-in', {
    method: 'POST',
    headers: { 'content-type': 'application/json', host },
    body: JSON.stringify({ username: 'viewer', password: testPassword('viewer') }),
  });

describe('Host allow-list (DNS rebinding)', () => {
  it('refuses a foreign Host with a coded 421 before sign-in, and answers local names with any port', async () => {
    const { app } = await securityApp();
    const res = await signIn(app, 'evil.example:8787');
    expect(res.status).toBe(421);
    expect(await res.json()).toMatchObject({ code: 'request.host' });
    for (const host of ['localhost:8787', '127.0.0.1:8787', '[::1]:8787', 'LOCALHOST'])
      expect((await signIn(app, host)).status).toBe(200);
  });

  it('answers configured names', async () => {
    const base = await securityApp();
    const opened = await openSecurity({
      stateDir: ':memory:',
      users: await testUsers(),
      allowedHosts: ['voorraad.roosendaal.nl'],
    });
    const app = createApp({ ...base.ctx, security: opened.security });
    expect((await signIn(app, 'voorraad.roosendaal.nl')).status).toBe(200);
    expect((await signIn(app, 'voorraad.roosendaal.nl.evil.example')).status).toBe(421);
  });

  it('parses host names', () => {
    expect(hostName('[::1]:80')).toBe('::1');
    expect(hostName('Example.NL:443')).toBe('example.nl');
    expect(hostName('a b')).toBeNull();
  });
});
