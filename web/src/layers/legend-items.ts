import { el } from '../retrofit/dom.ts';

export interface LegendItem {
  color: string;
  label: string;
  /** Circle for points, square for areas, line for outlines. */
  shape?: 'circle' | 'square' | 'line';
}

/** A legend list with one swatch per item (the layer list's legends of the overlays). */
export function legendItems(items: readonly LegendItem[], note?: string): HTMLElement {
  const box = el('div', 'legend-items');
  const list = el('ul', 'legend-list');
  for (const i of items) {
    const li = el('li');
    const sw = el('span', `swatch swatch-${i.shape ?? 'circle'}`);
    sw.style.backgroundColor = i.color;
    li.append(sw, el('span', 'legend-label', i.label), el('span'));
    list.append(li);
  }
  box.append(list);
  if (note) box.append(el('p', 'source-note', note));
  return box;
}
