import { ATTRIBUTE_STYLES, type AttributeId } from './attribute-styles.ts';
import { formatCount, formatShare } from './format.ts';
import type { BuurtSummary } from './stats-summary.ts';

/**
 * The buurt statistics computed by the engine worker: per buurt the number of dwellings, a
 * stacked bar and the share of each category of the chosen attribute.
 */
export function renderBuurtPanel(
  el: HTMLElement,
  id: AttributeId,
  buurten: BuurtSummary[] | null,
  error?: string,
): void {
  const title = document.createElement('h2');
  title.textContent = `Per buurt: ${ATTRIBUTE_STYLES[id].label.toLowerCase()}`;
  const body = document.createElement('div');
  body.className = 'buurt-list';
  if (error) {
    body.textContent = `Statistiek niet beschikbaar: ${error}`;
    body.classList.add('error');
  } else if (!buurten) {
    body.textContent = 'Statistiek wordt berekend…';
  } else {
    for (const b of buurten) body.append(buurtBlock(b));
  }
  el.dataset.attribute = id;
  el.dataset.state = error ? 'error' : buurten ? 'ready' : 'loading';
  el.replaceChildren(title, body);
}

function buurtBlock(b: BuurtSummary): HTMLElement {
  const block = document.createElement('section');
  block.className = 'buurt';
  block.dataset.buurtcode = b.buurtcode;
  const head = document.createElement('div');
  head.className = 'buurt-head';
  const name = document.createElement('span');
  name.className = 'buurt-name';
  name.textContent = b.buurtnaam;
  const total = document.createElement('span');
  total.className = 'buurt-total';
  total.textContent = `${formatCount(b.total)} woningen`;
  head.append(name, total);

  const bar = document.createElement('div');
  bar.className = 'share-bar';
  const shares = document.createElement('ul');
  shares.className = 'shares';
  for (const c of b.categories) {
    if (c.count === 0) continue;
    const seg = document.createElement('span');
    seg.style.width = `${(c.share * 100).toFixed(2)}%`;
    seg.style.backgroundColor = c.color;
    seg.title = `${c.label}: ${formatShare(c.share)} (${formatCount(c.count)})`;
    bar.append(seg);
    const li = document.createElement('li');
    const dot = document.createElement('span');
    dot.className = 'dot';
    dot.style.backgroundColor = c.color;
    li.append(dot, `${c.label} ${formatShare(c.share)}`);
    shares.append(li);
  }
  block.append(head, bar, shares);
  return block;
}
