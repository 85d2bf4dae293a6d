import type { Map as MapLibreMap } from 'maplibre-gl';
import { mayReadPlans } from '../../../engine/planner/plan-status.ts';
import { ApiError } from '../api.ts';
import type { Session } from '../auth/session.ts';
import { el } from '../retrofit/dom.ts';
import type { VoorraadTestHooks } from '../test-hooks.ts';
import { changeStatus, createPlan, getPlan, listPlans, planErrorText, replanPlan } from './plan-client.ts';
import type { PlanTestHooks } from './plan-hooks.ts';
import { formatPostcode } from '../format.ts';
import {
  PLAN_LAYER,
  addPlanLayer,
  planVisible,
  seasonColourExpression,
  setPlanVisible,
  showPlan,
} from './plan-layer.ts';
import { bulkControls, filterControls, type FilterState } from './plan-controls.ts';
import { ALL, planFilter, statusColourExpression } from './plan-filter-model.ts';
import { createInput, parseEuro, plannedSeasons, type PlanDetail, type PlanList } from './plan-model.ts';
import { createForm, planDetailView, planListView, type CreateForm } from './plan-panel.ts';
import { planDwellingContent } from './plan-dwelling.ts';
import './plan.css';

/**
 * "Uitvoeringsplan": the VHF batch plan on the map. Roles that may read plans see the saved plans and the one
 * chosen (batches coloured by season, timeline, totals against budget, exports); roles that may make them get
 * the create form, re-planning and status changes in the dwelling popup. Hidden for roles without access.
 */
export interface PlanViewOptions {
  map: MapLibreMap;
  mapLoaded: Promise<void>;
  panel: HTMLElement;
  hooks: VoorraadTestHooks;
  session: Session;
}

export async function installPlanView(o: PlanViewOptions): Promise<void> {
  const h: PlanTestHooks = {
    state: 'loading',
    planId: null,
    batches: 0,
    dwellings: 0,
    seasons: [],
    busy: false,
    statusChanges: 0,
    error: null,
  };
  o.hooks.plan = h;
  const { map, panel } = o;
  // Roles without plan access never ask (a refused plan request is written to the audit log as access.denied).
  if (!mayReadPlans(o.session.user.role)) {
    h.state = 'not-permitted';
    panel.hidden = true;
    return;
  }
  let list: PlanList;
  try {
    list = await listPlans();
  } catch (err) {
    if (err instanceof ApiError && (err.code === 'auth.forbidden' || err.code === 'http.403')) {
      h.state = 'not-permitted';
      panel.hidden = true;
      return;
    }
    throw err;
  }
  await o.mapLoaded;
  addPlanLayer(map);
  let shown: PlanDetail | null = null;
  const listBox = el('div', 'plan-list-box');
  const detailBox = el('div', 'plan-detail-box');
  // The clicked dwelling shows in the panel, not in a second map popup: the dwelling popup opens on the same click.
  const selectedBox = el('div', 'plan-selected-box');
  selectedBox.setAttribute('aria-live', 'polite');

  const fail = (err: unknown): string => {
    const text = planErrorText(err);
    h.error = text;
    return text;
  };
  const renderList = () =>
    listBox.replaceChildren(
      planListView(list, shown?.id ?? null, (id) => {
        void open(id);
      }),
    );
  const filter: FilterState = { season: ALL, status: ALL, colour: 'seizoen' };
  const applyFilter = (d: PlanDetail) => {
    map.setFilter(PLAN_LAYER, planFilter(filter.season, filter.status));
    map.setPaintProperty(
      PLAN_LAYER,
      'circle-color',
      filter.colour === 'status' ? statusColourExpression() : seasonColourExpression(d),
    );
  };
  // A bulk change is one PATCH per dwelling (the same rule and audit entry as a single change), one after another.
  const bulk = async (d: PlanDetail, vboIds: string[], status: string, reason: string): Promise<string | null> => {
    h.busy = true;
    let error: string | null = null;
    try {
      for (const vboId of vboIds) {
        await changeStatus(d.id, vboId, status, reason);
        h.statusChanges++;
      }
    } catch (err) {
      error = fail(err);
    }
    // Whatever went through is saved: show the plan as it now is, also after a refused move half-way.
    try {
      show(await getPlan(d.id), planVisible(map));
      await refreshList();
    } catch (err) {
      error ??= fail(err);
    }
    h.busy = false;
    return error;
  };
  // Only a plan the user opened or made is drawn at once; the latest plan opened at page load waits for the
  // layer switch, so the first view is the same with or without saved plans.
  const show = (d: PlanDetail, reveal = true) => {
    shown = d;
    if (filter.season !== ALL && !plannedSeasons(d).includes(filter.season)) filter.season = ALL;
    Object.assign(h, {
      planId: d.id,
      batches: d.plan.batches.length,
      dwellings: d.plan.totals.dwellings,
      seasons: plannedSeasons(d),
    });
    showPlan(map, d, reveal);
    applyFilter(d);
    const bulkBox = el('div', 'plan-bulk-box');
    const canBulk = d.permissions.updateStatus && d.supersededBy === null;
    const actions = {
      onFilter: () => {
        applyFilter(d);
        if (canBulk) bulkBox.replaceChildren(bulkControls(d, filter, actions));
      },
      onBulk: (vboIds: string[], status: string, reason: string) => bulk(d, vboIds, status, reason),
    };
    const controls = [el('h4', null, 'Kaartfilter'), filterControls(d, filter, actions)];
    if (canBulk) {
      bulkBox.replaceChildren(bulkControls(d, filter, actions));
      controls.push(el('h4', null, 'Status per batch wijzigen'), bulkBox);
    }
    detailBox.replaceChildren(
      planDetailView(d, {
        onReplan: (reason) => {
          void replan(d.id, reason);
        },
        onToggle: (v) => setPlanVisible(map, v),
        visible: planVisible(map),
        controls,
      }),
    );
    renderList();
  };
  const refreshList = async () => {
    list = await listPlans();
    renderList();
  };
  const open = async (id: number, reveal = true) => {
    try {
      selectedBox.replaceChildren();
      show(await getPlan(id), reveal);
    } catch (err) {
      detailBox.replaceChildren(el('p', 'plan-error', fail(err)));
    }
  };
  const replan = async (id: number, reason: string) => {
    h.busy = true;
    detailBox.prepend(el('p', 'plan-message', 'Herplannen…'));
    try {
      show(await replanPlan(id, reason));
      await refreshList();
    } catch (err) {
      detailBox.prepend(el('p', 'plan-error', fail(err)));
    } finally {
      h.busy = false;
    }
  };

  const sections: HTMLElement[] = [el('h2', null, 'Uitvoeringsplan')];
  if (list.synthetic)
    sections.push(el('p', 'source-note', 'Synthetische gegevens: plannen en exports zeggen dat ook.'));
  if (list.permissions.create) {
    const f = createForm((v: CreateForm) => {
      void submit(v);
    });
    const submit = async (v: CreateForm) => {
      const budget = parseEuro(v.budget);
      const capacity = Number(v.capacity);
      if (budget === null) {
        f.message.textContent = 'Budget: vul een bedrag in euro in, bijvoorbeeld 8.400.000.';
        return;
      }
      if (!Number.isInteger(capacity) || capacity < 1) {
        f.message.textContent = 'Capaciteit: vul een heel aantal woningen per seizoen in (minstens 1).';
        return;
      }
      if (!/^\d{4}-\d{2}-\d{2}$/.test(v.until)) {
        f.message.textContent = 'Einddatum: kies een datum.';
        return;
      }
      h.busy = true;
      f.button.disabled = true;
      f.message.textContent = 'Het plan wordt berekend…';
      try {
        const d = await createPlan(
          v.name,
          createInput({ budgetEur: budget, until: v.until, solver: v.solver, dwellingsPerSeason: capacity }),
        );
        f.message.textContent = `Plan ${d.id} opgeslagen.`;
        show(d);
        await refreshList();
      } catch (err) {
        f.message.textContent = fail(err);
      } finally {
        h.busy = false;
        f.button.disabled = false;
      }
    };
    sections.push(f.form);
  }
  sections.push(el('h3', null, 'Opgeslagen plannen'), listBox, selectedBox, detailBox);
  panel.replaceChildren(...sections);
  panel.hidden = false;
  renderList();

  map.on('mouseenter', PLAN_LAYER, () => {
    map.getCanvas().style.cursor = 'pointer';
  });
  map.on('mouseleave', PLAN_LAYER, () => {
    map.getCanvas().style.cursor = '';
  });
  map.on('click', PLAN_LAYER, (e) => {
    const d = shown;
    const vboId = String(e.features?.[0]?.properties?.vboId ?? '');
    const batch = d?.plan.batches.find((b) => b.dwellings.some((w) => w.vboId === vboId));
    const dwelling = batch?.dwellings.find((w) => w.vboId === vboId);
    if (!d || !batch || !dwelling) return;
    // The address from the dwelling tiles under the click (the plan carries only BAG ids).
    const tile = map
      .queryRenderedFeatures(e.point, {
        layers: ['dwellings', 'retrofit-dwellings'].filter((l) => map.getLayer(l) !== undefined),
      })
      .find((f) => String(f.properties.vboId) === vboId);
    const address =
      tile && typeof tile.properties.address === 'string'
        ? `${tile.properties.address}, ${formatPostcode(String(tile.properties.postcode ?? ''))}`
        : null;
    const render = (current: PlanDetail): void => {
      selectedBox.replaceChildren(
        planDwellingContent({
          detail: current,
          batch,
          dwelling,
          address,
          onChange: async (status, reason) => {
            try {
              await changeStatus(current.id, vboId, status, reason);
              const fresh = await getPlan(current.id);
              show(fresh, planVisible(map));
              render(fresh);
              await refreshList();
              h.statusChanges++;
              return null;
            } catch (err) {
              return fail(err);
            }
          },
        }),
      );
      selectedBox.scrollIntoView({ block: 'nearest' });
    };
    render(d);
  });
  h.state = 'ready';
  if (list.plans[0]) await open(list.plans[0].id, false);
}
