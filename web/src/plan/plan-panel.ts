import { formatCount } from '../format.ts';
import { el } from '../retrofit/dom.ts';
import {
  PLAN_EXPORTS,
  planExportHref,
  planListLine,
  seasonLabel,
  solverLine,
  statusLabel,
  timelineRows,
  totalsLines,
  type PlanDetail,
  type PlanList,
} from './plan-model.ts';
import { renderCalendarTimeline, renderTimeline } from './plan-timeline.ts';
import { assumptionLines, calendarTimeline, eurosPerYear } from './plan-timeline-model.ts';

/**
 * The plan panel's parts: the create form (budget, end date, capacity, solver), the list of saved plans, and
 * the shown plan with totals against the budget, the timeline, the season legend, exports and re-planning.
 */
export interface CreateForm {
  name: string;
  budget: string;
  until: string;
  capacity: string;
  solver: 'mip' | 'greedy';
}

let fieldIds = 0;
/** A label and its control side by side (not nested: the control's value would then join the accessible name). */
function field(label: string, input: HTMLInputElement | HTMLSelectElement): HTMLElement {
  const row = el('div', 'plan-field');
  input.id = `plan-field-${++fieldIds}`;
  const l = el('label', null, label);
  l.htmlFor = input.id;
  row.append(l, input);
  return row;
}

export function createForm(onSubmit: (f: CreateForm) => void): {
  form: HTMLFormElement;
  message: HTMLElement;
  button: HTMLButtonElement;
} {
  const form = el('form', 'plan-create');
  const input = (name: string, value: string, type = 'text') => {
    const i = el('input');
    i.name = name;
    i.type = type;
    i.value = value;
    i.required = true;
    return i;
  };
  const name = input('name', 'Uitvoeringsplan VHF');
  const budget = input('budget', '8.400.000');
  budget.inputMode = 'numeric';
  const until = input('until', '2033-12-31', 'date');
  const capacity = input('capacity', '120', 'number');
  capacity.min = '1';
  const solver = el('select');
  solver.name = 'solver';
  for (const [v, t] of [
    ['mip', 'MIP (HiGHS, optimaal)'],
    ['greedy', 'Gretige heuristiek (snel)'],
  ] as const) {
    const o = el('option', null, t);
    o.value = v;
    solver.append(o);
  }
  const button = el('button', null, 'Plan maken');
  button.type = 'submit';
  const message = el('p', 'plan-message');
  message.setAttribute('role', 'status');
  form.append(
    field('Naam', name),
    field('Budget (€)', budget),
    field('Einddatum', until),
    field('Capaciteit (woningen per seizoen)', capacity),
    field('Rekenmethode', solver),
    button,
    message,
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    onSubmit({
      name: name.value.trim(),
      budget: budget.value,
      until: until.value,
      capacity: capacity.value,
      solver: solver.value === 'greedy' ? 'greedy' : 'mip',
    });
  });
  return { form, message, button };
}

export function planListView(list: PlanList, shown: number | null, onPick: (id: number) => void): HTMLElement {
  if (list.plans.length === 0) return el('p', 'muted', 'Nog geen opgeslagen plannen.');
  const ul = el('ul', 'plan-list');
  for (const p of list.plans) {
    const li = el('li');
    const b = el('button', 'plan-pick', planListLine(p));
    b.type = 'button';
    b.dataset.planId = String(p.id);
    if (p.id === shown) b.setAttribute('aria-current', 'true');
    b.addEventListener('click', () => onPick(p.id));
    li.append(b);
    ul.append(li);
  }
  return ul;
}

export interface DetailActions {
  onReplan(reason: string): void;
  onToggle(visible: boolean): void;
  /** Whether the plan layer is drawn now (off when the page opened the latest plan by itself). */
  visible: boolean;
  /** Map filter and bulk change (plan-controls.ts), shown under the map toggle. */
  controls?: HTMLElement[];
}

export function planDetailView(d: PlanDetail, actions: DetailActions): HTMLElement {
  const root = el('div', 'plan-detail');
  root.dataset.planId = String(d.id);
  root.append(el('h3', null, `${d.name} (plan ${d.id}${d.version > 1 ? `, versie ${d.version}` : ''})`));
  if (d.synthetic)
    root.append(
      el(
        'p',
        'plan-synthetic',
        `Berekend op synthetische gegevens (${d.dataset.name}): geen echte woningen of eigenaren.`,
      ),
    );
  root.append(el('p', 'plan-solver', solverLine(d)));
  const totals = el('ul', 'plan-totals');
  for (const line of totalsLines(d)) totals.append(el('li', null, line));
  root.append(totals);
  const years = el('ul', 'plan-euros-year');
  for (const y of eurosPerYear(d)) {
    const li = el('li', null, y.text);
    li.dataset.year = String(y.year);
    years.append(li);
  }
  root.append(el('h4', null, 'Programmabijdrage per jaar tegen het budget'), years);
  const rows = timelineRows(d);
  root.append(el('h4', null, 'Tijdlijn per seizoen'), renderTimeline(rows, d.input.budgetEur));
  const cal = calendarTimeline(d);
  if (cal) {
    root.append(el('h4', null, 'Seizoenen en batches in de natuurkalender'), renderCalendarTimeline(cal));
    root.append(
      el(
        'p',
        'plan-calendar-key',
        'Grijs: gesloten periode van de natuurkalender (geen natuurvrij maken). Gele balk: geldigheid van het vergunningsprofiel. Donker deel van een seizoen: venster voor natuurvrij maken; licht deel: isoleren.',
      ),
    );
  }
  const assumptions = el('ul', 'plan-assumptions');
  for (const line of assumptionLines(d)) assumptions.append(el('li', null, line));
  root.append(el('h4', null, 'Aannames van dit plan'), assumptions);
  const legend = el('ul', 'plan-season-legend');
  for (const r of rows) {
    const li = el('li');
    li.dataset.season = r.season;
    const sw = el('span', 'swatch');
    sw.style.backgroundColor = r.colour;
    li.append(
      sw,
      el('span', 'legend-label', seasonLabel(r.season)),
      el('span', 'legend-count', `${formatCount(r.dwellings)} woningen`),
    );
    legend.append(li);
  }
  root.append(legend);
  const counts = el(
    'p',
    'plan-status-counts',
    Object.entries(d.statusCounts)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${statusLabel(s as Parameters<typeof statusLabel>[0])}: ${formatCount(n)}`)
      .join(' · '),
  );
  root.append(counts);
  const toggle = el('label', 'layer-toggle');
  const box = el('input');
  box.type = 'checkbox';
  box.checked = actions.visible;
  box.id = 'plan-toggle';
  box.addEventListener('change', () => actions.onToggle(box.checked));
  toggle.append(box, ' Toon batches op de kaart (kleur per seizoen)');
  root.append(toggle, ...(actions.controls ?? []));
  if (d.permissions.export) {
    const p = el('p', 'export-links', 'Exporteer: ');
    PLAN_EXPORTS.forEach((x, i) => {
      const a = el('a', 'export-link', x.label);
      a.href = planExportHref(d.id, x.format);
      a.download = '';
      a.dataset.format = x.format;
      p.append(...(i > 0 ? [' · '] : []), a);
    });
    root.append(p);
  }
  if (d.permissions.create && d.supersededBy === null) {
    const b = el('button', 'plan-replan', 'Herplannen (gestarte batches blijven vast)');
    b.type = 'button';
    b.addEventListener('click', () => actions.onReplan('herplanning vanuit de kaart'));
    root.append(b);
  } else if (d.supersededBy !== null) {
    root.append(el('p', 'muted', `Vervangen door plan ${d.supersededBy}.`));
  }
  for (const w of [...d.plan.warnings, ...d.warnings]) root.append(el('p', 'source-note', `Let op: ${w.message}`));
  return root;
}
