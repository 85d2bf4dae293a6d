/** DOM of the "Verduurzaming" controls: layer radios, legend with counts, filters, weight sliders, buurt list. */
import { DWELLING_TYPES, OWNERSHIP_CATEGORIES } from '../../../engine/dwelling.ts';
import { FACTOR_IDS, type FactorId } from '../../../engine/retrofit/weights.ts';
import { categoryLabel } from '../attribute-styles.ts';
import { formatCount, formatShare } from '../format.ts';
import { el } from './dom.ts';
import { FILTER_FIELDS, type FilterField, type LayerCounts, type RetrofitFilter } from './retrofit-filter.ts';
import { RETROFIT_LAYER_IDS, RETROFIT_LAYERS, isRetrofitLayerId, type RetrofitLayerId } from './retrofit-layers.ts';
import { formatPoints } from './popup-model.ts';
import { factorLabel, factorShares, SLIDER, type FactorWeights } from './weights-model.ts';

const twoDecimals = new Intl.NumberFormat('nl-NL', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * The layer radios. They share the base switcher's radio name, so the browser keeps one choice over both
 * groups: picking "Prioriteit" unchecks "Eigendom" and the other way round.
 */
export function renderRetrofitSwitcher(
  root: HTMLElement,
  radioName: string,
  onChange: (id: RetrofitLayerId) => void,
): void {
  const fieldset = el('fieldset', 'retrofit-switcher');
  fieldset.append(el('legend', null, 'Verduurzaming'));
  for (const id of RETROFIT_LAYER_IDS) {
    const label = el('label');
    const input = el('input');
    input.type = 'radio';
    input.name = radioName;
    input.value = `retrofit:${id}`;
    label.append(input, RETROFIT_LAYERS[id].label);
    fieldset.append(label);
  }
  fieldset.addEventListener('change', (e) => {
    const v = (e.target as HTMLInputElement).value.replace(/^retrofit:/, '');
    if (isRetrofitLayerId(v)) onChange(v);
  });
  root.append(fieldset);
}

/** Legend of a retrofit layer: swatch, class and number of dwellings that pass the filter (… while loading). */
export function renderRetrofitLegend(
  root: HTMLElement,
  layer: RetrofitLayerId,
  counts: LayerCounts | null,
  filtered: boolean,
): void {
  const style = RETROFIT_LAYERS[layer];
  const list = el('ul', 'legend-list');
  style.classes.forEach((c, k) => {
    const n = counts?.perClass[k];
    const li = el('li');
    li.dataset.class = c.key;
    if (n === 0) li.classList.add('empty');
    const swatch = el('span', 'swatch');
    swatch.style.backgroundColor = c.color;
    li.append(
      swatch,
      el('span', 'legend-label', c.label),
      el('span', 'legend-count', n === undefined ? '…' : formatCount(n)),
    );
    list.append(li);
  });
  const summary = el(
    'p',
    'retrofit-shown',
    counts === null
      ? 'Woningen worden gescoord…'
      : filtered
        ? `${formatCount(counts.shown)} van ${formatCount(counts.total)} woningen (filter actief)`
        : `${formatCount(counts.total)} woningen`,
  );
  root.dataset.layer = layer;
  root.dataset.state = counts ? 'ready' : 'loading';
  root.replaceChildren(el('h2', null, style.label), el('p', 'retrofit-note', style.note), list, summary);
}

export interface FilterChoices {
  buurten: { code: string; name: string }[];
}

const FIELD_LABELS: Record<FilterField, string> = { ownership: 'Eigendom', buurt: 'Buurt', type: 'Woningtype' };

/** Checkbox groups per filter field; all checked means no filter on that field. */
export function renderFilters(
  root: HTMLElement,
  choices: FilterChoices,
  filter: RetrofitFilter,
  onChange: (f: RetrofitFilter) => void,
): void {
  const options: Record<FilterField, { value: string; label: string }[]> = {
    ownership: OWNERSHIP_CATEGORIES.map((v) => ({ value: v, label: categoryLabel('ownership', v) })),
    buurt: choices.buurten.map((b) => ({ value: b.code, label: b.name })),
    type: DWELLING_TYPES.map((v) => ({ value: v, label: categoryLabel('type', v) })),
  };
  const form = el('form', 'retrofit-filters');
  form.append(el('h2', null, 'Filters'));
  for (const field of FILTER_FIELDS) {
    const fs = el('fieldset');
    fs.dataset.field = field;
    fs.append(el('legend', null, FIELD_LABELS[field]));
    for (const o of options[field]) {
      const label = el('label');
      const input = el('input');
      input.type = 'checkbox';
      input.name = field;
      input.value = o.value;
      input.checked = filter[field] === null || filter[field].includes(o.value);
      label.append(input, o.label);
      fs.append(label);
    }
    form.append(fs);
  }
  const reset = el('button', 'retrofit-reset', 'Alle woningen');
  reset.type = 'button';
  reset.addEventListener('click', () => {
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type=checkbox]')) input.checked = true;
    onChange({ ownership: null, buurt: null, type: null });
  });
  form.append(reset);
  form.addEventListener('change', () => {
    const next = { ...filter };
    for (const field of FILTER_FIELDS) {
      const inputs = [...form.querySelectorAll<HTMLInputElement>(`input[name="${field}"]`)];
      next[field] = inputs.every((i) => i.checked) ? null : inputs.filter((i) => i.checked).map((i) => i.value);
    }
    filter = next;
    onChange(next);
  });
  form.addEventListener('submit', (e) => e.preventDefault());
  root.replaceChildren(form);
}

export interface WeightsPanel {
  /** Shows values and shares for the factors (after a reset, or to confirm a change). */
  update(factors: FactorWeights, message?: string | null): void;
}

/** One slider per priority factor; `onInput` gets every movement with the event's time stamp. */
export function renderWeights(
  root: HTMLElement,
  factors: FactorWeights,
  onInput: (factor: FactorId, value: number, at: number) => void,
  onReset: () => void,
): WeightsPanel {
  const box = el('div', 'retrofit-weights');
  box.append(el('h2', null, 'Gewichten prioriteit'));
  const outputs = new Map<FactorId, { input: HTMLInputElement; out: HTMLOutputElement }>();
  for (const f of FACTOR_IDS) {
    const row = el('label', 'weight-row');
    row.dataset.factor = f;
    const input = el('input');
    input.type = 'range';
    input.min = String(SLIDER.min);
    input.max = String(SLIDER.max);
    input.step = String(SLIDER.step);
    input.value = String(factors[f]);
    input.name = `weight-${f}`;
    input.setAttribute('aria-label', `Gewicht ${factorLabel(f).toLowerCase()}`);
    const out = el('output', 'weight-value');
    input.addEventListener('input', (e) => onInput(f, Number(input.value), e.timeStamp));
    row.append(el('span', 'weight-label', factorLabel(f)), input, out);
    box.append(row);
    outputs.set(f, { input, out });
  }
  const message = el('p', 'retrofit-error');
  message.hidden = true;
  const reset = el('button', 'retrofit-reset', 'Standaardgewichten');
  reset.type = 'button';
  reset.addEventListener('click', onReset);
  box.append(
    message,
    reset,
    el(
      'p',
      'retrofit-note',
      'Het aandeel is het maximale aantal punten van de factor in de score 0–100. Herberekend in de browser (web worker).',
    ),
  );
  root.replaceChildren(box);
  const panel: WeightsPanel = {
    update(next, msg = null) {
      const shares = factorShares(next);
      for (const f of FACTOR_IDS) {
        const o = outputs.get(f)!;
        if (Number(o.input.value) !== next[f]) o.input.value = String(next[f]);
        o.out.textContent = `${twoDecimals.format(next[f])} · ${formatShare(shares[f])}`;
      }
      message.hidden = msg === null;
      message.textContent = msg ?? '';
    },
  };
  panel.update(factors);
  return panel;
}

/** Mean priority and number of dwellings per buurt (after the filter). */
export function renderBuurtPriorities(
  root: HTMLElement,
  rows: { name: string; count: number; meanPriority: number }[] | null,
): void {
  const table = el('table', 'buurt-priorities');
  const head = el('tr');
  head.append(el('th', null, 'Buurt'), el('th', null, 'Woningen'), el('th', null, 'Gem. prioriteit'));
  table.append(el('thead'), el('tbody'));
  table.tHead!.append(head);
  for (const r of rows ?? []) {
    const tr = el('tr');
    tr.append(
      el('td', null, r.name),
      el('td', null, formatCount(r.count)),
      el('td', null, formatPoints(r.meanPriority)),
    );
    table.tBodies[0]!.append(tr);
  }
  root.replaceChildren(
    el('h2', null, 'Per buurt'),
    rows === null ? el('p', 'retrofit-note', 'Wordt berekend…') : table,
  );
}
