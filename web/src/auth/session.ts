import { z } from 'zod';

/** The signed-in user as GET /api/auth/session describes it. */
export const Session = z.object({
  user: z.object({
    name: z.string(),
    displayName: z.string(),
    role: z.enum(['gemeente', 'alwel', 'vhf', 'viewer']),
    roleLabel: z.string(),
  }),
  via: z.string(),
  permissions: z.object({ signalDetail: z.boolean(), acquisition: z.boolean(), audit: z.boolean() }),
});
export type Session = z.infer<typeof Session>;

export type SignInResult = { ok: true; session: Session } | { ok: false; code: string; retryAfterS: number | null };

/** The current session, or null when nobody is signed in (401). Throws on other failures. */
export async function fetchSession(): Promise<Session | null> {
  const res = await fetch('/api/auth/session', { headers: { accept: 'application/json' }, credentials: 'same-origin' });
  if (res.status === 401) return null;
  if (!res.ok) throw new Error(`sessie niet op te vragen (HTTP ${res.status})`);
  return Session.parse(await res.json());
}

/** POST /api/auth/sign-in as same-origin JSON; the server sets the HttpOnly session cookie. */
export async function signIn(username: string, password: string): Promise<SignInResult> {
  const res = await fetch('/api/auth/sign-in', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ username, password }),
  });
  const body: unknown = await res.json().catch(() => null);
  if (res.ok) return { ok: true, session: Session.parse(body) };
  const code = z.object({ code: z.string() }).safeParse(body);
  const retry = Number(res.headers.get('retry-after'));
  return {
    ok: false,
    code: code.success ? code.data.code : `http.${res.status}`,
    retryAfterS: Number.isFinite(retry) && retry > 0 ? retry : null,
  };
}

export async function signOut(): Promise<void> {
  await fetch('/api/auth/sign-out', {
    method: 'POST',
    credentials: 'same-origin',
    headers: { 'content-type': 'application/json' },
    body: '{}',
  });
}

/** The Dutch message for a failed sign-in. */
export function signInErrorText(code: string, retryAfterS: number | null): string {
  switch (code) {
    case 'auth.invalid-credentials':
      return 'Onbekende gebruikersnaam of onjuist wachtwoord.';
    case 'auth.rate-limited': {
      const minutes = retryAfterS === null ? null : Math.max(1, Math.ceil(retryAfterS / 60));
      return `Te veel pogingen. Probeer het ${minutes === null ? 'later' : `over ${minutes} ${minutes === 1 ? 'minuut' : 'minuten'}`} opnieuw.`;
    }
    case 'body.invalid':
      return 'Vul gebruikersnaam en wachtwoord in.';
    default:
      return `Aanmelden mislukt (${code}).`;
  }
}
