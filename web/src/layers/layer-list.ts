/**
 * The layer list ("Kaartlagen"): one row per layer with visibility, opacity, order and its legend. Layers are
 * added by the modules that draw them (plan, VvE, acquisition, safety…) once they exist on the map; a panel
 * checkbox that already switched a layer stays the one switch (the list clicks it), so both always agree.
 * Visibility is read back from the map on every style change, whoever changed it.
 */
import './layers.css';
import type { Map as MapLibreMap } from 'maplibre-gl';
import { el } from '../retrofit/dom.ts';
import { moved, opacityProperties, scaledOpacity } from './layer-opacity.ts';

export interface LayerEntry {
  id: string;
  /** Dutch name in the list. */
  label: string;
  /** MapLibre layers drawn for this entry, switched and faded together. */
  layers: string[];
  /** Overlays can be reordered; basemap rows stay underneath. */
  group: 'overlay' | 'basemap';
  /** Id of a panel checkbox that already switches these layers: the list clicks it so the panel stays in step. */
  toggleId?: string;
  /** For entries whose layers alternate (the dwellings: base or retrofit colouring). */
  visibility?: { get(): boolean; set(visible: boolean): void };
  /** Legend of the layer, drawn when its row's legend is opened (and again on every refresh while open). */
  legend?: () => Node | null;
}

export interface LayerList {
  add(entry: LayerEntry): void;
  /** Redraws checkboxes and open legends (after a layer changed colours or visibility). */
  refresh(): void;
  /** Top-to-bottom ids of the overlays, as drawn. */
  order(): string[];
  isVisible(id: string): boolean;
  setVisible(id: string, visible: boolean): void;
}

export function createLayerList(map: MapLibreMap, root: HTMLElement): LayerList {
  const entries = new Map<string, LayerEntry>();
  const rows = new Map<string, { box: HTMLInputElement; legend: HTMLDetailsElement; body: HTMLElement }>();
  let overlayOrder: string[] = [];
  const originals = new Map<string, unknown>();
  const overlays = el('ol', 'layer-list');
  const basemap = el('ol', 'layer-list');
  root.replaceChildren(el('h2', null, 'Kaartlagen'), overlays, el('h3', 'layer-list-sub', 'Ondergrond'), basemap);

  const present = (e: LayerEntry) => e.layers.filter((l) => map.getLayer(l) !== undefined);
  const isVisible = (id: string): boolean => {
    const e = entries.get(id);
    if (!e) return false;
    if (e.visibility) return e.visibility.get();
    return present(e).some((l) => map.getLayoutProperty(l, 'visibility') !== 'none');
  };
  const setVisible = (id: string, visible: boolean): void => {
    const e = entries.get(id);
    if (!e) return;
    const toggle = e.toggleId ? (document.getElementById(e.toggleId) as HTMLInputElement | null) : null;
    if (toggle) {
      if (toggle.checked !== visible) toggle.click();
    } else if (e.visibility) e.visibility.set(visible);
    else for (const l of present(e)) map.setLayoutProperty(l, 'visibility', visible ? 'visible' : 'none');
    refresh();
  };

  function setOpacity(e: LayerEntry, share: number): void {
    for (const l of present(e)) {
      const type = map.getLayer(l)!.type;
      for (const prop of opacityProperties(type)) {
        const key = `${l}\u0000${prop}`;
        if (!originals.has(key)) originals.set(key, map.getPaintProperty(l, prop as never));
        map.setPaintProperty(l, prop as never, scaledOpacity(originals.get(key), share) as never);
      }
    }
  }

  /** The lowest label layer: overlays are kept under every label so names stay readable. */
  function labelAnchor(): string | undefined {
    return map.getStyle().layers.find((l) => l.type === 'symbol')?.id;
  }

  function applyOrder(): void {
    const anchor = labelAnchor();
    for (const id of [...overlayOrder].reverse())
      for (const l of present(entries.get(id)!)) map.moveLayer(l, anchor === l ? undefined : anchor);
  }

  function row(e: LayerEntry): HTMLLIElement {
    const li = el('li', 'layer-row');
    li.dataset.layer = e.id;
    const box = el('input');
    box.type = 'checkbox';
    box.className = 'layer-visible';
    box.setAttribute('aria-label', `${e.label} tonen`);
    box.addEventListener('change', () => setVisible(e.id, box.checked));
    const name = el('label', 'layer-name');
    name.append(box, ` ${e.label}`);
    const opacity = el('input');
    opacity.type = 'range';
    opacity.min = '0';
    opacity.max = '100';
    opacity.step = '5';
    opacity.value = '100';
    opacity.className = 'layer-opacity';
    opacity.setAttribute('aria-label', `Dekking ${e.label}`);
    opacity.title = 'Dekking';
    opacity.addEventListener('input', () => setOpacity(e, Number(opacity.value) / 100));
    const head = el('div', 'layer-head');
    head.append(name);
    if (e.group === 'overlay') {
      for (const [step, text, title] of [
        [-1, '▲', 'Laag omhoog'],
        [1, '▼', 'Laag omlaag'],
      ] as const) {
        const b = el('button', 'layer-move', text);
        b.type = 'button';
        b.title = title;
        b.setAttribute('aria-label', `${e.label}: ${title.toLowerCase()}`);
        b.dataset.step = String(step);
        b.addEventListener('click', () => {
          overlayOrder = moved(overlayOrder, e.id, step);
          applyOrder();
          render();
        });
        head.append(b);
      }
    }
    const legend = el('details', 'layer-legend');
    const body = el('div', 'layer-legend-body');
    legend.append(el('summary', null, 'Legenda'), body);
    legend.addEventListener('toggle', () => {
      if (legend.open) body.replaceChildren(e.legend?.() ?? el('p', 'muted', 'Geen legenda.'));
    });
    li.append(head, opacity, legend);
    rows.set(e.id, { box, legend, body });
    return li;
  }

  const liOf = new Map<string, HTMLLIElement>();
  function render(): void {
    overlays.replaceChildren(...overlayOrder.map((id) => liOf.get(id)!));
    basemap.replaceChildren(...[...entries.values()].filter((e) => e.group === 'basemap').map((e) => liOf.get(e.id)!));
    refresh();
  }

  function refresh(): void {
    for (const [id, r] of rows) {
      r.box.checked = isVisible(id);
      if (r.legend.open) r.body.replaceChildren(entries.get(id)!.legend?.() ?? el('p', 'muted', 'Geen legenda.'));
    }
    root.dataset.order = overlayOrder.join(',');
  }

  let pending = false;
  map.on('styledata', () => {
    if (pending) return;
    pending = true;
    requestAnimationFrame(() => {
      pending = false;
      for (const [id, r] of rows) r.box.checked = isVisible(id);
    });
  });

  return {
    add(e) {
      // A row only for a layer the map has (e.g. no street row for a dataset without streets).
      if (!e.layers.some((l) => map.getLayer(l) !== undefined)) return;
      entries.set(e.id, e);
      liOf.set(e.id, row(e));
      if (e.group === 'overlay') {
        // Initial order is the map's drawing order (topmost first), so adding a row moves nothing.
        const layerIds = map.getStyle().layers.map((l) => l.id);
        const top = (id: string) => Math.max(...entries.get(id)!.layers.map((l) => layerIds.indexOf(l)));
        overlayOrder = [...overlayOrder, e.id].sort((a, b) => top(b) - top(a));
      }
      render();
    },
    refresh,
    order: () => [...overlayOrder],
    isVisible,
    setVisible,
  };
}
