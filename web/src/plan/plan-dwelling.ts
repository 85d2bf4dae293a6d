import { el } from '../retrofit/dom.ts';
import { dwellingRows, nextStatuses, statusLabel, type PlanBatch, type PlanDetail } from './plan-model.ts';

/**
 * The clicked dwelling of the plan, in the panel: batch, season, measures, dates, cost and status; for roles that
 * may update statuses (on the current version of a plan) a choice of the allowed next statuses with a reason.
 */
export interface DwellingContext {
  detail: PlanDetail;
  batch: PlanBatch;
  dwelling: PlanBatch['dwellings'][number];
  /** The dwelling's address as people write it ("Ruisdaellaan 12, 4702 AB"); the BAG id when unknown. */
  address: string | null;
  onChange(status: string, reason: string): Promise<string | null>;
}

export function planDwellingContent(p: DwellingContext): HTMLElement {
  const status = p.detail.statuses.find((s) => s.vboId === p.dwelling.vboId)?.status ?? 'voorgesteld';
  const root = el('div', 'plan-selected');
  root.dataset.vboId = p.dwelling.vboId;
  const dl = el('dl');
  for (const r of dwellingRows(p.batch, p.dwelling, status))
    dl.append(el('dt', null, r.label), el('dd', null, r.value));
  root.append(el('h3', null, p.address ?? `Woning ${p.dwelling.vboId}`), dl);
  if (p.address) root.append(el('p', 'muted', `BAG verblijfsobject-id ${p.dwelling.vboId}`));
  const next = nextStatuses(status);
  if (!p.detail.permissions.updateStatus) return root;
  if (p.detail.supersededBy !== null) {
    root.append(el('p', 'muted', `Dit plan is vervangen door plan ${p.detail.supersededBy}; wijzig de status daar.`));
    return root;
  }
  if (next.length === 0) {
    root.append(el('p', 'muted', `Status ${statusLabel(status)} is definitief.`));
    return root;
  }
  const form = el('form', 'plan-status-form');
  const select = el('select');
  select.name = 'status';
  select.setAttribute('aria-label', 'Nieuwe status');
  for (const s of next) {
    const o = el('option', null, statusLabel(s));
    o.value = s;
    select.append(o);
  }
  const reason = el('input');
  reason.name = 'reason';
  reason.placeholder = 'Toelichting (optioneel)';
  reason.maxLength = 500;
  reason.setAttribute('aria-label', 'Toelichting');
  const button = el('button', null, 'Status opslaan');
  button.type = 'submit';
  const message = el('p', 'plan-status-message');
  message.setAttribute('role', 'status');
  form.append(el('label', null, 'Nieuwe status '), select, reason, button, message);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    button.disabled = true;
    message.textContent = 'Opslaan…';
    void p.onChange(select.value, reason.value.trim()).then((err) => {
      button.disabled = false;
      message.textContent = err ?? 'Opgeslagen.';
      form.dataset.state = err ? 'error' : 'saved';
    });
  });
  root.append(form);
  return root;
}
