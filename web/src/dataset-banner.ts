import type { Health } from './api.ts';
import { formatCount, formatDate } from './format.ts';

/** The data-honesty warning shown whenever the dataset is synthetic. */
export const SYNTHETIC_WARNING = 'Synthetische gegevens — geen echte woningen, adressen of eigenaren';

export interface BannerContent {
  /** The warning, or null for real data. */
  warning: string | null;
  /** Dataset name, data date and size in Dutch. */
  detail: string;
}

export function bannerContent(h: Health): BannerContent {
  const d = h.dataset;
  return {
    warning: d.synthetic ? SYNTHETIC_WARNING : null,
    detail: `${d.name} · peildatum ${formatDate(d.dataDate)} · ${formatCount(d.dwellings)} woningen`,
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
}

/** Shows a load failure in the banner, in Dutch. */
export function renderBannerError(el: HTMLElement, message: string): void {
  el.classList.add('error');
  const span = document.createElement('span');
  span.className = 'banner-error';
  span.textContent = `Fout bij laden: ${message}`;
  el.append(span);
}
