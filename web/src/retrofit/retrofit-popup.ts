import { el } from './dom.ts';
import type { RetrofitPopupModel } from './popup-model.ts';

const MEASURE_HEADS: [string, string][] = [
  ['Maatregel', ''],
  ['Kosten', ''],
  ['Gas', 'm³/jr'],
  ['Besparing', '€/jr'],
  ['CO₂', 'kg/jr'],
  ['Label na', ''],
  ['Terugverdientijd', 'jaar'],
];

/** Fills the popup's retrofit section (text only, never HTML from the data). */
export function renderRetrofitPopup(root: HTMLElement, m: RetrofitPopupModel): void {
  root.replaceChildren();
  root.dataset.state = 'ready';

  const prio = el('div', 'retrofit-priority');
  prio.append(el('h4', null, 'Prioriteit'), el('span', 'retrofit-score', m.priority));
  const bars = el('ul', 'factor-bars');
  const scale = Math.max(1, ...m.bars.map((b) => b.maxPoints));
  for (const b of m.bars) {
    const li = el('li');
    li.dataset.factor = b.factor;
    const track = el('span', 'factor-track');
    track.style.width = `${(b.maxPoints / scale) * 100}%`;
    const fill = el('span', 'factor-fill');
    fill.style.width = b.maxPoints > 0 ? `${Math.min(100, (b.points / b.maxPoints) * 100)}%` : '0';
    track.append(fill);
    const barCell = el('span', 'factor-bar');
    barCell.append(track);
    li.append(el('span', 'factor-label', b.label), barCell, el('span', 'factor-points', b.text));
    bars.append(li);
  }
  root.append(prio, bars);
  if (m.incomeNote) root.append(el('p', 'retrofit-note', m.incomeNote));

  root.append(el('h4', null, 'Maatregelen'));
  if (m.measures.length > 0) {
    const table = el('table', 'measure-table');
    const head = el('tr');
    for (const [h, unit] of MEASURE_HEADS) {
      const th = el('th', null, h);
      if (unit) th.append(el('br'), el('span', 'unit', unit));
      head.append(th);
    }
    table.append(el('thead'), el('tbody'));
    table.tHead!.append(head);
    for (const r of m.measures) {
      const tr = el('tr');
      tr.dataset.measure = r.id;
      for (const v of [r.name, r.cost, r.gas, r.bill, r.co2, r.labelAfter, r.payback]) tr.append(el('td', null, v));
      table.tBodies[0]!.append(tr);
    }
    root.append(table);
  }
  if (m.notApplicable.length > 0) {
    const ul = el('ul', 'not-applicable');
    for (const n of m.notApplicable) {
      const li = el('li');
      li.dataset.measure = n.id;
      li.append(el('strong', null, n.name), `: ${n.reason}`);
      ul.append(li);
    }
    root.append(ul);
  }
  root.append(el('p', 'package-line', m.packageLine));
  root.append(el('p', 'cost-line', m.costLine));

  root.append(el('h4', null, 'Ecologie (pre-SMP)'));
  const dl = el('dl', 'ecology');
  for (const row of m.ecology) dl.append(el('dt', null, row.label), el('dd', null, row.value));
  root.append(dl);
}

/** The section while the worker computes, or when it failed. */
export function renderRetrofitPopupState(root: HTMLElement, state: 'loading' | 'error', message?: string): void {
  root.dataset.state = state;
  root.replaceChildren(
    el(
      'p',
      state === 'error' ? 'retrofit-error' : 'retrofit-loading',
      state === 'error'
        ? `Verduurzaming niet beschikbaar: ${message ?? 'onbekende fout'}`
        : 'Verduurzaming wordt berekend…',
    ),
  );
}
