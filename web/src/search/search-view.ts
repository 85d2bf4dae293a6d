/**
 * The map search ("Zoeken"): type an address, postcode, street or buurt; the server's place index
 * (GET /api/search, engine/place-search.ts) answers, and choosing a result zooms the map to it — an address
 * gets a marker, a buurt opens its buurt card.
 */
import { Marker, type Map as MapLibreMap } from 'maplibre-gl';
import { z } from 'zod';
import { PLACE_KINDS, type Place } from '../../../engine/place-search.ts';
import { getJson } from '../api.ts';
import { el } from '../retrofit/dom.ts';
import './search.css';

const PlaceSchema = z.object({
  kind: z.enum(PLACE_KINDS),
  label: z.string(),
  detail: z.string(),
  center: z.tuple([z.number(), z.number()]),
  bbox: z.tuple([z.number(), z.number(), z.number(), z.number()]),
  buurtcode: z.string().nullable(),
  vboId: z.string().nullable(),
});
const SearchAnswer = z.object({ places: z.array(PlaceSchema) });

const KIND_NL: Record<Place['kind'], string> = {
  adres: 'adres',
  postcode: 'postcode',
  straat: 'straat',
  buurt: 'buurt',
};
/** Wait after the last key before asking the server (ms). */
const DEBOUNCE_MS = 180;

export interface SearchHooks {
  lastQuery: string | null;
  results: number;
  chosen: Place | null;
}

export function installSearch(map: MapLibreMap, root: HTMLElement, onBuurt: (buurtcode: string) => void): SearchHooks {
  const hooks: SearchHooks = { lastQuery: null, results: 0, chosen: null };
  const form = el('form', 'place-search');
  form.setAttribute('role', 'search');
  const label = el('label', 'place-search-label', 'Zoek adres, postcode, straat of buurt');
  label.htmlFor = 'place-search-input';
  const input = el('input');
  input.type = 'search';
  input.id = 'place-search-input';
  input.autocomplete = 'off';
  input.placeholder = 'bijv. 4701 AB of Kalsdonk';
  const list = el('ul', 'place-results');
  list.setAttribute('role', 'listbox');
  const status = el('p', 'place-status muted');
  status.setAttribute('aria-live', 'polite');
  form.append(label, input, list, status);
  root.replaceChildren(form);

  let marker: Marker | null = null;
  let places: Place[] = [];
  let seq = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const choose = (p: Place): void => {
    hooks.chosen = p;
    marker?.remove();
    marker = null;
    list.replaceChildren();
    input.value = p.label;
    if (p.kind === 'adres') {
      marker = new Marker({ color: '#1f4e8c' }).setLngLat(p.center).addTo(map);
      map.flyTo({ center: p.center, zoom: 17.5, duration: 600 });
    } else {
      map.fitBounds(
        [
          [p.bbox[0], p.bbox[1]],
          [p.bbox[2], p.bbox[3]],
        ],
        { padding: 60, maxZoom: 17, duration: 600 },
      );
    }
    if (p.kind === 'buurt' && p.buurtcode) onBuurt(p.buurtcode);
    status.textContent = `${p.label} (${KIND_NL[p.kind]}) op de kaart.`;
  };

  const render = (): void => {
    list.replaceChildren(
      ...places.map((p) => {
        const li = el('li');
        const b = el('button', 'place-result');
        b.type = 'button';
        b.dataset.kind = p.kind;
        b.append(el('span', 'place-label', p.label), el('span', 'place-detail', `${KIND_NL[p.kind]} · ${p.detail}`));
        b.addEventListener('click', () => choose(p));
        li.append(b);
        return li;
      }),
    );
  };

  const ask = async (q: string): Promise<void> => {
    const mine = ++seq;
    hooks.lastQuery = q;
    try {
      const answer = await getJson(`/api/search?q=${encodeURIComponent(q)}`, SearchAnswer);
      if (mine !== seq) return;
      places = answer.places;
      hooks.results = places.length;
      status.textContent = places.length === 0 ? `Niets gevonden voor “${q}”.` : '';
      render();
    } catch (err) {
      if (mine !== seq) return;
      status.textContent = `Zoeken lukt nu niet: ${err instanceof Error ? err.message : String(err)}`;
    }
  };

  input.addEventListener('input', () => {
    clearTimeout(timer);
    const q = input.value.trim();
    if (q.length < 2) {
      ++seq;
      places = [];
      render();
      status.textContent = '';
      return;
    }
    timer = setTimeout(() => void ask(q), DEBOUNCE_MS);
  });
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    if (places[0]) choose(places[0]);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      places = [];
      render();
    }
  });
  return hooks;
}
