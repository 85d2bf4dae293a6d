import { el } from '../retrofit/dom.ts';
import { PLAN_STATUSES } from '../../../engine/planner/plan-types.ts';
import type { DwellingStatus } from '../../../engine/planner/plan-status.ts';
import {
  ALL,
  STATUS_COLOURS,
  woningen,
  batchOptions,
  bulkStatuses,
  bulkTargets,
  filteredCount,
} from './plan-filter-model.ts';
import { plannedSeasons, seasonLabel, statusLabel, type PlanDetail } from './plan-model.ts';

/**
 * The panel's map filter (season, status, colour by season or status, with a status legend) and, for roles that may
 * change statuses, the bulk change of one batch. State lives in the view so a re-render keeps the choice.
 */
export interface FilterState {
  season: string;
  status: string;
  colour: 'seizoen' | 'status';
}
export interface ControlActions {
  onFilter(f: FilterState): void;
  /** Moves the dwellings to `status`; resolves to an error text or null. */
  onBulk(vboIds: string[], status: DwellingStatus, reason: string): Promise<string | null>;
}

function select(
  label: string,
  name: string,
  options: readonly (readonly [string, string])[],
  value: string,
): HTMLSelectElement {
  const s = el('select');
  s.name = name;
  s.setAttribute('aria-label', label);
  for (const [v, t] of options) {
    const o = el('option', null, t);
    o.value = v;
    s.append(o);
  }
  // A value the options lack would leave nothing selected: the first option stays chosen then.
  if (options.some(([v]) => v === value)) s.value = value;
  return s;
}

export function filterControls(d: PlanDetail, f: FilterState, actions: ControlActions): HTMLElement {
  const root = el('div', 'plan-filter');
  const season = select(
    'Filter seizoen',
    'season',
    [[ALL, 'alle seizoenen'], ...plannedSeasons(d).map((s) => [s, seasonLabel(s)] as const)],
    f.season,
  );
  const status = select(
    'Filter status',
    'status',
    [[ALL, 'alle statussen'], ...PLAN_STATUSES.map((s) => [s, statusLabel(s)] as const)],
    f.status,
  );
  const colour = select(
    'Kleur op de kaart',
    'colour',
    [
      ['seizoen', 'kleur per seizoen'],
      ['status', 'kleur per status'],
    ],
    f.colour,
  );
  const count = el('span', 'plan-filter-count');
  const legend = el('ul', 'plan-status-legend');
  for (const s of PLAN_STATUSES) {
    const li = el('li');
    li.dataset.status = s;
    const sw = el('span', 'swatch');
    sw.style.backgroundColor = STATUS_COLOURS[s];
    li.append(sw, statusLabel(s));
    legend.append(li);
  }
  const update = () => {
    f.season = season.value;
    f.status = status.value;
    f.colour = colour.value === 'status' ? 'status' : 'seizoen';
    count.textContent = `${woningen(filteredCount(d, f.season, f.status))} op de kaart`;
    legend.hidden = f.colour !== 'status';
    actions.onFilter(f);
  };
  for (const s of [season, status, colour]) s.addEventListener('change', update);
  count.textContent = `${woningen(filteredCount(d, f.season, f.status))} op de kaart`;
  legend.hidden = f.colour !== 'status';
  root.append(season, status, colour, count, legend);
  return root;
}

export function bulkControls(d: PlanDetail, f: FilterState, actions: ControlActions): HTMLElement {
  const form = el('form', 'plan-bulk');
  const batch = select(
    'Batch',
    'batch',
    batchOptions(d, f.season).map((b) => [b.id, b.label] as const),
    '',
  );
  const status = el('select');
  status.name = 'status';
  status.setAttribute('aria-label', 'Nieuwe status voor de batch');
  const reason = el('input');
  reason.name = 'reason';
  reason.maxLength = 500;
  reason.placeholder = 'Toelichting (optioneel)';
  reason.setAttribute('aria-label', 'Toelichting bij de batch');
  const button = el('button', null, 'Status van de batch wijzigen');
  button.type = 'submit';
  const message = el('p', 'plan-status-message');
  message.setAttribute('role', 'status');
  const fill = () => {
    status.replaceChildren(
      ...bulkStatuses(d, batch.value).map((s) => {
        const o = el('option', null, statusLabel(s));
        o.value = s;
        return o;
      }),
    );
    const to = status.value as DwellingStatus;
    message.textContent = to ? bulkTargets(d, batch.value, to).text : 'Geen statuswijziging mogelijk in deze batch.';
    button.disabled = !to;
  };
  batch.addEventListener('change', fill);
  status.addEventListener('change', () => {
    message.textContent = bulkTargets(d, batch.value, status.value as DwellingStatus).text;
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const to = status.value as DwellingStatus;
    const t = bulkTargets(d, batch.value, to);
    if (t.vboIds.length === 0) return;
    button.disabled = true;
    message.textContent = `Opslaan: ${t.text}`;
    void actions.onBulk(t.vboIds, to, reason.value.trim()).then((err) => {
      button.disabled = false;
      message.textContent = err ?? 'Opgeslagen.';
      form.dataset.state = err ? 'error' : 'saved';
    });
  });
  fill();
  form.append(batch, status, reason, button, message);
  return form;
}
