import { Health, getJson } from '../api.ts';
import { renderBanner } from '../dataset-banner.ts';
import { fetchSession, type Session } from './session.ts';
import { renderSignIn } from './sign-in-view.ts';
import { installUserBar } from './user-bar.ts';

/** What the browser tests read about sign-in and the role layers (`window.__voorraadAuth`). */
export interface AuthTestHooks {
  /** 'sign-in' while the sign-in page shows, 'signed-in' once the map starts. */
  state: 'checking' | 'sign-in' | 'signed-in';
  role: string | null;
  safety: 'loading' | 'ready' | 'error' | null;
  acquisition: 'loading' | 'ready' | 'error' | 'not-permitted' | null;
  error: string | null;
}

declare global {
  interface Window {
    __voorraadAuth?: AuthTestHooks;
  }
}

export function authHooks(): AuthTestHooks {
  return (window.__voorraadAuth ??= { state: 'checking', role: null, safety: null, acquisition: null, error: null });
}

/** The dataset banner on the sign-in page (GET /api/health is public), so the synthetic mark shows there too. */
async function showBanner(): Promise<void> {
  const banner = document.getElementById('dataset-banner');
  if (!banner) return;
  try {
    renderBanner(banner, await getJson('/api/health', Health));
  } catch {
    banner.textContent = 'Aanmelden';
  }
}

/** A same-origin path to return to after sign-in (`?next=/compare.html`), or null. */
export function safeNext(search: string): string | null {
  const next = new URLSearchParams(search).get('next');
  return next !== null && /^\/(?![/\\])[\w./?=&%-]*$/.test(next) ? next : null;
}

/**
 * Resolves with the session when signed in (and shows who is signed in, with "Afmelden"); otherwise shows
 * the sign-in page and never resolves — after a successful sign-in the page reloads.
 */
export async function requireSession(): Promise<Session> {
  const hooks = authHooks();
  const session = await fetchSession();
  if (session) {
    hooks.state = 'signed-in';
    hooks.role = session.user.role;
    installUserBar(session);
    return session;
  }
  hooks.state = 'sign-in';
  let root = document.getElementById('sign-in');
  if (!root) {
    root = document.createElement('div');
    root.id = 'sign-in';
    document.body.append(root);
  }
  void showBanner();
  renderSignIn(root, {
    notice: null,
    onSignedIn: () => {
      const next = safeNext(location.search);
      if (next) location.assign(next);
      else location.reload();
    },
  });
  return new Promise<Session>(() => {});
}

/**
 * For pages other than the map (e.g. compare.html): the session, or — when nobody is signed in — a redirect to
 * the sign-in page, which returns here afterwards.
 */
export async function requireSessionOrRedirect(): Promise<Session> {
  const session = await fetchSession();
  if (session) {
    authHooks().state = 'signed-in';
    authHooks().role = session.user.role;
    return session;
  }
  location.replace(`/?${new URLSearchParams({ next: location.pathname + location.search })}`);
  return new Promise<Session>(() => {});
}
