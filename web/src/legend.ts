import { ATTRIBUTE_STYLES, type AttributeId } from './attribute-styles.ts';
import { formatCount } from './format.ts';
import type { CategoryCount } from './stats-summary.ts';

/**
 * Draws the legend of the chosen attribute: a swatch, the Dutch category name and the number
 * of dwellings per category (null counts while the engine is still computing).
 */
export function renderLegend(el: HTMLElement, id: AttributeId, counts: CategoryCount[] | null): void {
  const style = ATTRIBUTE_STYLES[id];
  const title = document.createElement('h2');
  title.textContent = style.label;
  const list = document.createElement('ul');
  list.className = 'legend-list';
  for (const c of style.categories) {
    const n = counts?.find((x) => x.value === c.value)?.count;
    const li = document.createElement('li');
    li.dataset.category = c.value;
    if (n === 0) li.classList.add('empty');
    const swatch = document.createElement('span');
    swatch.className = 'swatch';
    swatch.style.backgroundColor = c.color;
    const name = document.createElement('span');
    name.className = 'legend-label';
    name.textContent = c.label;
    const count = document.createElement('span');
    count.className = 'legend-count';
    count.textContent = n === undefined ? '…' : formatCount(n);
    li.append(swatch, name, count);
    list.append(li);
  }
  el.dataset.attribute = id;
  el.replaceChildren(title, list);
}
