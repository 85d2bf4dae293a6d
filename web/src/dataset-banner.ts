import type { Health } from './api.ts';
import { formatCount, formatDate } from './format.ts';

/** The data-honesty warning shown whenever the dataset is synthetic. */
export const SYNTHETIC_WARNING = 'Synthetische gegevens — geen echte woningen, adressen of eigenaren';

export interface BannerContent {
  /** The warning, or null for real data. */
  warning: string | null;
  /** Dataset name, data date and size in Dutch. */
  detail: string;
  /** Per buurt where the stock comes from, when not every buurt is synthetic; null otherwise. */
  stock: string | null;
}

const STOCK_TEXT = {
  geregistreerd: 'uit registers',
  synthetisch: 'synthetisch',
  gemengd: 'deels synthetisch',
  leeg: 'nog leeg',
} as const;

/** "Kalsdonk: uit registers · Centrum-Oud: synthetisch", or null when every buurt is synthetic (the warning says so). */
export function stockText(h: Health): string | null {
  const list = h.dataset.buurten;
  if (list.length === 0 || list.every((b) => b.status === 'synthetisch')) return null;
  return list.map((b) => `${b.buurtnaam}: ${STOCK_TEXT[b.status]}`).join(' · ');
}

export function bannerContent(h: Health): BannerContent {
  const d = h.dataset;
  return {
    warning: d.synthetic ? SYNTHETIC_WARNING : null,
    detail: `${d.name} · peildatum ${formatDate(d.dataDate)} · ${formatCount(d.dwellings)} woningen`,
    stock: stockText(h),
  };
}

/** Fills the banner element; it stays visible (CSS keeps it above the map). */
export function renderBanner(el: HTMLElement, h: Health): void {
  const c = bannerContent(h);
  el.replaceChildren();
  el.classList.toggle('synthetic', c.warning !== null);
  if (c.warning) {
    const strong = document.createElement('strong');
    strong.className = 'banner-warning';
    strong.textContent = c.warning;
    el.append(strong);
  }
  const span = document.createElement('span');
  span.className = 'banner-detail';
  span.textContent = c.detail;
  el.append(span);
  if (c.stock) {
    const stock = document.createElement('span');
    stock.className = 'banner-stock';
    stock.textContent = c.stock;
    el.append(stock);
  }
}

/** Shows a load failure in the banner, in Dutch. */
export function renderBannerError(el: HTMLElement, message: string): void {
  el.classList.add('error');
  const span = document.createElement('span');
  span.className = 'banner-error';
  span.textContent = `Fout bij laden: ${message}`;
  el.append(span);
}
