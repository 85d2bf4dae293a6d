import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-600.css';
import './rules.css';
import { RulesInForceSchema } from '../../../engine/rules/rules-listing.ts';
import { getJson } from '../api.ts';
import { requireSessionOrRedirect } from '../auth/session-gate.ts';
import { ruleGroups, rulesSummary, type RuleLine } from './rules-model.ts';

// Signed in first: otherwise to the sign-in page, which returns here afterwards (web/src/auth).
await requireSessionOrRedirect();

const $ = <T extends HTMLElement = HTMLElement>(id: string): T => {
  const el = document.getElementById(id);
  if (!el) throw new Error(`missing #${id} in rules.html`);
  return el as T;
};
const el = (tag: string, text: string, className?: string): HTMLElement => {
  const e = document.createElement(tag);
  e.textContent = text;
  if (className) e.className = className;
  return e;
};

function ruleItem(l: RuleLine): HTMLElement {
  const item = el('div', '', 'rule');
  item.dataset.ruleId = l.id;
  item.append(el('div', l.title, 'rule-title'));
  const value = el('div', l.value, 'rule-value');
  if (l.assumption) value.append(' ', el('span', '(aanname, niet uit de bron)', 'rule-assumption'));
  item.append(value, el('div', `${l.validity} · versie ${l.version}`, 'rule-meta'));
  const source = el('div', 'Bron: ', 'rule-meta');
  if (l.href) {
    const a = document.createElement('a');
    a.href = l.href;
    a.rel = 'noreferrer';
    a.textContent = l.source;
    source.append(a);
  } else source.append(l.source);
  item.append(source);
  if (l.note) item.append(el('div', l.note, 'rule-note'));
  return item;
}

async function show(date: string | null): Promise<void> {
  const status = $('rules-status');
  status.textContent = 'Regels worden geladen…';
  try {
    const listing = await getJson(`/api/rules${date ? `?date=${encodeURIComponent(date)}` : ''}`, RulesInForceSchema);
    $<HTMLInputElement>('rules-date').value = listing.date;
    const main = $('rules');
    main.replaceChildren(
      ...ruleGroups(listing).map((g) => {
        const section = el('section', '', 'rules-group');
        section.append(el('h2', g.title), ...g.lines.map(ruleItem));
        return section;
      }),
    );
    status.textContent = rulesSummary(listing);
  } catch (err) {
    status.textContent = `Regels konden niet worden geladen: ${(err as Error).message}`;
  }
}

$('rules-date-form').addEventListener('submit', (e) => {
  e.preventDefault();
  void show($<HTMLInputElement>('rules-date').value || null);
});
void show(new URLSearchParams(location.search).get('datum'));
