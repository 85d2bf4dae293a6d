import { signOut, type Session } from './session.ts';

/** "Aangemeld als … (rol)" with an "Afmelden" button, at the top of the side panel (#user-bar, created if absent). */
export function installUserBar(session: Session): void {
  let bar = document.getElementById('user-bar');
  if (!bar) {
    bar = document.createElement('div');
    bar.id = 'user-bar';
    document.getElementById('side')?.prepend(bar);
  }
  const who = document.createElement('span');
  who.className = 'user-name';
  who.textContent = `Aangemeld als ${session.user.displayName}`;
  const role = document.createElement('span');
  role.className = 'user-role';
  role.dataset.role = session.user.role;
  role.textContent = session.user.roleLabel;
  const out = document.createElement('button');
  out.type = 'button';
  out.className = 'sign-out';
  out.textContent = 'Afmelden';
  out.addEventListener('click', () => {
    out.disabled = true;
    void signOut().finally(() => location.reload());
  });
  bar.replaceChildren(who, role, out);
}
