import './auth.css';
import { signIn, signInErrorText } from './session.ts';

/**
 * The Dutch sign-in page, drawn over the (hidden) map page. A successful sign-in reloads the page, which then
 * starts the map with the new session cookie. The password never leaves this form except to /api/auth/sign-in.
 */
export interface SignInViewOptions {
  /** Line under the title, e.g. the synthetic-data warning; null for none. */
  notice: string | null;
  onSignedIn: () => void;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children);
  return e;
}

export function renderSignIn(root: HTMLElement, o: SignInViewOptions): void {
  document.body.classList.add('signed-out');
  const user = el('input', {
    id: 'sign-in-user',
    name: 'username',
    autocomplete: 'username',
    required: true,
    autocapitalize: 'none',
    spellcheck: false,
  });
  const pass = el('input', {
    id: 'sign-in-password',
    name: 'password',
    type: 'password',
    autocomplete: 'current-password',
    required: true,
  });
  const error = el('p', { className: 'sign-in-error', id: 'sign-in-error', role: 'alert' });
  const submit = el('button', { type: 'submit', className: 'sign-in-submit' }, 'Aanmelden');
  const form = el(
    'form',
    { className: 'sign-in-form', noValidate: false },
    el('h1', {}, 'voorraad · aanmelden'),
    el(
      'p',
      { className: 'sign-in-lead' },
      'Woningvoorraad, verduurzaming en verwerving — Kalsdonk, Westrand en het oude centrum.',
    ),
    ...(o.notice ? [el('p', { className: 'sign-in-notice' }, o.notice)] : []),
    el('label', { htmlFor: 'sign-in-user' }, 'Gebruikersnaam'),
    user,
    el('label', { htmlFor: 'sign-in-password' }, 'Wachtwoord'),
    pass,
    error,
    submit,
    el(
      'p',
      { className: 'sign-in-help' },
      'Geen account? Vraag de beheerder (gemeente) om een account met de juiste rol. Na 30 minuten zonder activiteit wordt u afgemeld.',
    ),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    submit.disabled = true;
    error.textContent = '';
    signIn(user.value.trim(), pass.value)
      .then(
        (r) => {
          if (r.ok) {
            o.onSignedIn();
            return;
          }
          error.textContent = signInErrorText(r.code, r.retryAfterS);
          pass.value = '';
          pass.focus();
        },
        () => {
          error.textContent = 'De server is niet bereikbaar. Probeer het opnieuw.';
        },
      )
      .finally(() => {
        submit.disabled = false;
      });
  });
  root.replaceChildren(form);
  root.hidden = false;
  user.focus();
}
