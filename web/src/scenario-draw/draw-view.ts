/**
 * "Scenario tekenen": select blocks on the map (click; shift-click adds or removes; a drawn polygon, closed with a
 * double click), give the selection an intervention with its parameters, see the change per buurt at once, save
 * the drawing as a version (note, parent) and open its comparison with the baseline, its YAML and its
 * gebiedsvisie sheet. A link `/?versie=N` opens a saved version for any signed-in user.
 */
import type { GeoJSONSource, Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';
import { z } from 'zod';
import { getRawJson } from '../api.ts';
import { DWELLING_TYPE_NL } from '../../../engine/labels-nl.ts';
import type { DrawDraftInput } from '../../../engine/scenario-draw/draw-draft.ts';
import { compareUrl, getVersion, previewDraft, saveVersion, sheetUrl, yamlUrl } from './draw-client.ts';
import { blocksInPolygon, type Lonlat } from './polygon-select.ts';
import { DRAW_PERMISSIONS } from '../../../engine/scenario-draw/draw-roles.ts';
import { KIND_NL, TENURE_NL, interventionFromForm, renderForm } from './draw-form.ts';

const SOURCE = 'draw-blocks',
  FILL = 'draw-blocks-fill',
  LINE = 'draw-blocks-line',
  SKETCH = 'draw-sketch';

// Loose: the GeoJSON's own members (type: FeatureCollection / Feature) must reach the map source unchanged.
const BlockCollection = z.looseObject({
  features: z.array(
    z.looseObject({
      id: z.string(),
      properties: z.object({ blockId: z.string(), label: z.string(), dwellings: z.number() }),
      geometry: z.union([
        z.object({ type: z.literal('Polygon'), coordinates: z.array(z.array(z.array(z.number()))) }),
        z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(z.array(z.array(z.number())))) }),
      ]),
    }),
  ),
});

/** What the browser test reads (`window.__voorraadDraw`). */
export interface DrawHooks {
  selected: string[];
  blocks: string[];
  draft: DrawDraftInput | null;
  summaryRows: number;
  savedId: number | null;
  link: string | null;
  error: string | null;
}
declare global {
  interface Window {
    __voorraadDraw?: DrawHooks;
  }
}

export async function installScenarioDraw(o: { map: MapLibreMap; root: HTMLElement; role: string }): Promise<void> {
  const { map, root } = o;
  const hooks: DrawHooks = (window.__voorraadDraw = {
    selected: [],
    blocks: [],
    draft: null,
    summaryRows: 0,
    savedId: null,
    link: null,
    error: null,
  });
  const versie = Number(new URLSearchParams(location.search).get('versie'));
  const linked = Number.isInteger(versie) && versie > 0 ? versie : null;
  if (!DRAW_PERMISSIONS[o.role]) {
    // A role that may not draw still opens a shared version: who made it, and its comparison, YAML and sheet.
    if (linked === null) {
      root.closest('details')?.remove();
      return;
    }
    const v = await getVersion(linked);
    root.innerHTML = `<p>${escapeHtml(v.name)}</p><p class="draw-version"></p>`;
    showVersion(
      root.querySelector('.draw-version')!,
      v.id,
      v.author,
      v.createdAt,
      new URL(v.link, location.origin).href,
    );
    hooks.savedId = v.id;
    return;
  }
  const blocks = BlockCollection.parse(
    await getRawJson('/api/blocks?buurt=BU16740202,BU16740300,BU16740301,BU16740302,BU16740303'),
  );
  hooks.blocks = blocks.features.map((f) => f.id);
  map.addSource(SOURCE, { type: 'geojson', data: blocks as never, promoteId: 'blockId' });
  map.addSource(SKETCH, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
  map.addLayer({
    id: FILL,
    type: 'fill',
    source: SOURCE,
    paint: {
      'fill-color': ['case', ['boolean', ['feature-state', 'selected'], false], '#e6550d', '#9e9ac8'],
      'fill-opacity': ['case', ['boolean', ['feature-state', 'selected'], false], 0.55, 0.12],
    },
  });
  map.addLayer({ id: LINE, type: 'line', source: SOURCE, paint: { 'line-color': '#54278f', 'line-width': 0.8 } });
  map.addLayer({
    id: SKETCH,
    type: 'line',
    source: SKETCH,
    paint: { 'line-color': '#e6550d', 'line-width': 2, 'line-dasharray': [2, 1] },
  });

  // The blocks are drawn (and clickable) only while the "Scenario tekenen" section is open: otherwise they would
  // cover the dwellings and take their clicks in every other view. Shift-click adds blocks while drawing, so
  // MapLibre's shift-drag box zoom is off only then.
  const section = root.closest('details');
  const showDrawing = (open: boolean) => {
    for (const id of [FILL, LINE, SKETCH]) map.setLayoutProperty(id, 'visibility', open ? 'visible' : 'none');
    if (open) map.boxZoom.disable();
    else map.boxZoom.enable();
  };
  showDrawing(section?.open ?? true);
  section?.addEventListener('toggle', () => showDrawing(section.open));
  let selected = new Set<string>();
  let assignments: DrawDraftInput['assignments'] = [];
  let parentId: number | null = null;
  let sketch: Lonlat[] | null = null;

  root.innerHTML = `
    <p class="draw-help">Klik op een blok om het te kiezen, shift-klik om blokken toe te voegen of weg te halen, of teken een veelhoek (dubbelklik sluit hem).</p>
    <p><button type="button" data-act="polygon">Veelhoek tekenen</button> <button type="button" data-act="clear">Selectie wissen</button></p>
    <p class="draw-selection" aria-live="polite"></p>
    <form class="draw-form"></form>
    <p><button type="button" data-act="add">Ingreep toevoegen</button></p>
    <ol class="draw-assignments"></ol>
    <div class="draw-summary" aria-live="polite"></div>
    <label>Naam <input name="scenario-name" value="Getekend scenario"></label>
    <label>Notitie <input name="note" placeholder="wat is er veranderd"></label>
    <p><button type="button" data-act="save">Opslaan en vergelijken</button></p>
    <p class="draw-version"></p>
    <p class="draw-error" role="alert"></p>`;
  const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
  const form = q<HTMLFormElement>('.draw-form');
  renderForm(form);
  const fail = (err: unknown) => {
    const m = err instanceof Error ? err.message : String(err);
    hooks.error = m;
    q('.draw-error').textContent = m;
  };

  const paintSelection = () => {
    for (const f of blocks.features)
      map.setFeatureState({ source: SOURCE, id: f.id }, { selected: selected.has(f.id) });
    hooks.selected = [...selected];
    const n = blocks.features.filter((f) => selected.has(f.id)).reduce((s, f) => s + f.properties.dwellings, 0);
    q('.draw-selection').textContent = selected.size
      ? `${selected.size} blok(ken) gekozen, ${n.toLocaleString('nl-NL')} woningen`
      : 'Geen blokken gekozen';
  };

  const draft = (withPending: boolean): DrawDraftInput => {
    const pending =
      withPending && selected.size ? [{ blocks: [...selected], intervention: interventionFromForm(form) }] : [];
    return {
      name: q<HTMLInputElement>('[name=scenario-name]').value || 'Getekend scenario',
      assignments: [...assignments, ...pending],
    };
  };

  let timer: ReturnType<typeof setTimeout> | undefined;
  const refresh = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const d = draft(true);
      hooks.draft = d;
      q('.draw-error').textContent = '';
      if (d.assignments.length === 0) {
        q('.draw-summary').textContent = '';
        hooks.summaryRows = 0;
        return;
      }
      previewDraft(d)
        .then((p) => renderSummary(q('.draw-summary'), p.summary), fail)
        .then(() => {
          hooks.summaryRows = root.querySelectorAll('.draw-summary tbody tr').length;
        });
    }, 200);
  };

  const renderAssignments = () => {
    const list = q('.draw-assignments');
    list.replaceChildren(
      ...assignments.map((a, k) => {
        const li = document.createElement('li');
        li.textContent = `${KIND_NL[a.intervention.kind]} op ${a.blocks.length} blok(ken) `;
        const del = document.createElement('button');
        del.type = 'button';
        del.textContent = 'Verwijderen';
        del.addEventListener('click', () => {
          assignments = assignments.filter((_, j) => j !== k);
          renderAssignments();
          refresh();
        });
        li.append(del);
        return li;
      }),
    );
  };

  map.on('click', FILL, (e: MapMouseEvent & { features?: { id?: string | number }[] }) => {
    if (sketch) return;
    const id = String(e.features?.[0]?.id ?? '');
    if (!id) return;
    if (e.originalEvent.shiftKey) {
      if (selected.has(id)) selected.delete(id);
      else selected.add(id);
    } else selected = new Set([id]);
    paintSelection();
    refresh();
  });
  const drawSketch = () =>
    map.getSource<GeoJSONSource>(SKETCH)?.setData({
      type: 'FeatureCollection',
      features:
        sketch && sketch.length > 1
          ? [
              {
                type: 'Feature',
                properties: {},
                geometry: { type: 'LineString', coordinates: sketch.map((p) => [...p]) },
              },
            ]
          : [],
    });
  map.on('click', (e) => {
    if (!sketch) return;
    sketch.push([e.lngLat.lng, e.lngLat.lat]);
    drawSketch();
  });
  map.on('dblclick', (e) => {
    if (!sketch) return;
    e.preventDefault();
    const inside = blocksInPolygon(
      blocks.features.map((f) => ({ id: f.id, geometry: f.geometry as never })),
      sketch,
    );
    const add = e.originalEvent.shiftKey;
    selected = new Set([...(add ? selected : []), ...inside]);
    sketch = null;
    drawSketch();
    map.doubleClickZoom.enable();
    paintSelection();
    refresh();
  });

  root.addEventListener('click', (ev) => {
    const act = (ev.target as HTMLElement).dataset?.act;
    if (act === 'polygon') {
      sketch = [];
      map.doubleClickZoom.disable();
    } else if (act === 'clear') {
      selected = new Set();
      paintSelection();
      refresh();
    } else if (act === 'add' && selected.size) {
      assignments = [...assignments, { blocks: [...selected], intervention: interventionFromForm(form) }];
      selected = new Set();
      paintSelection();
      renderAssignments();
      refresh();
    } else if (act === 'save') {
      const d = draft(true);
      saveVersion(d, q<HTMLInputElement>('[name=note]').value, parentId).then((v) => {
        hooks.savedId = v.id;
        hooks.link = new URL(v.link, location.origin).href;
        parentId = v.id;
        showVersion(q('.draw-version'), v.id, v.author, v.createdAt, hooks.link);
        window.open(compareUrl(v.id), '_blank');
      }, fail);
    }
  });
  form.addEventListener('input', refresh);
  form.addEventListener('change', refresh);
  paintSelection();

  // A link to a saved version: its drawing back in the panel.
  if (linked !== null) {
    const v = await getVersion(linked);
    parentId = v.id;
    const d = v.draft as DrawDraftInput | null;
    assignments = d?.assignments ?? [];
    selected = new Set(assignments.flatMap((a) => a.blocks));
    q<HTMLInputElement>('[name=scenario-name]').value = v.name;
    paintSelection();
    renderAssignments();
    showVersion(q('.draw-version'), v.id, v.author, v.createdAt, new URL(v.link, location.origin).href);
    selected = new Set();
    refresh();
  }
}

function showVersion(el: HTMLElement, id: number, author: string, at: string, link: string): void {
  const when = new Date(at).toLocaleString('nl-NL', { timeZone: 'Europe/Amsterdam' });
  el.innerHTML = '';
  el.append(`Versie ${id} van ${author}, ${when}. `);
  for (const [text, href] of [
    ['Vergelijken met de basis', compareUrl(id)],
    ['YAML', yamlUrl(id)],
    ['Gebiedsvisie', sheetUrl(id)],
    ['Link', link],
  ] as const) {
    const a = document.createElement('a');
    a.href = href;
    a.textContent = text;
    a.className = `draw-link-${text.toLowerCase().split(' ')[0]}`;
    el.append(a, ' ');
  }
}

function renderSummary(
  el: HTMLElement,
  s: { buurten: { buurtcode: string; before: Side; after: Side; retrofitted: number }[] },
): void {
  const rows = s.buurten.flatMap((b) => [
    ...Object.keys(b.before.tenure)
      .filter((k) => b.before.tenure[k] || b.after.tenure[k])
      .map((k) => [b.buurtcode, TENURE_NL[k] ?? k, b.before.tenure[k] ?? 0, b.after.tenure[k] ?? 0] as const),
    ...Object.keys(b.after.type)
      .filter((k) => (b.before.type[k] ?? 0) !== (b.after.type[k] ?? 0))
      .map(
        (k) =>
          [
            b.buurtcode,
            DWELLING_TYPE_NL[k as keyof typeof DWELLING_TYPE_NL] ?? k,
            b.before.type[k] ?? 0,
            b.after.type[k] ?? 0,
          ] as const,
      ),
    ...(b.retrofitted ? [[b.buurtcode, 'verduurzaamd', 0, b.retrofitted] as const] : []),
  ]);
  el.innerHTML =
    '<table><caption>Woningen per buurt: nu en na de ingrepen</caption><thead><tr><th>Buurt</th><th>Soort</th><th>Nu</th><th>Na</th><th>Verschil</th></tr></thead><tbody></tbody></table>';
  el.querySelector('tbody')!.replaceChildren(
    ...rows.map(([buurt, what, now, after]) => {
      const tr = document.createElement('tr');
      for (const v of [
        buurt,
        what,
        now.toLocaleString('nl-NL'),
        after.toLocaleString('nl-NL'),
        (after - now).toLocaleString('nl-NL', { signDisplay: 'exceptZero' }),
      ]) {
        const td = document.createElement('td');
        td.textContent = String(v);
        tr.append(td);
      }
      return tr;
    }),
  );
}
const escapeHtml = (t: string) =>
  t.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
type Side = { dwellings: number; tenure: Record<string, number>; type: Record<string, number> };
