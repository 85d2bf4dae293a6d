/**
 * The intervention form of the draw panel: a kind and its parameters in Dutch, read back as the draft's
 * intervention (engine/scenario-draw/draw-draft.ts). Values are passed on as typed; the server's schema names
 * any that are out of range.
 */
import { DWELLING_TYPES } from '../../../engine/dwelling.ts';
import { DWELLING_TYPE_NL } from '../../../engine/labels-nl.ts';
import type { DrawDraftInput } from '../../../engine/scenario-draw/draw-draft.ts';

type DrawInterventionInput = DrawDraftInput['assignments'][number]['intervention'];

export const KIND_NL: Record<DrawInterventionInput['kind'], string> = {
  sale: 'Verkoop',
  liberalisation: 'Liberalisatie naar middenhuur',
  demolition: 'Sloop (en nieuwbouw)',
  retrofit: 'Verduurzaming',
  acquisition: 'Aankoop door de gemeente',
  split: 'Splitsen',
  merge: 'Samenvoegen',
};

export const TENURE_NL: Record<string, string> = {
  koop: 'koop',
  'sociale-huur': 'sociale huur',
  'middenhuur-corporatie': 'middenhuur corporatie',
  'particuliere-huur': 'particuliere huur',
  gemeente: 'gemeente',
  overig: 'overig',
};

const option = (value: string, text: string) => `<option value="${value}">${text}</option>`;

export function renderForm(form: HTMLFormElement): void {
  form.innerHTML = `
    <label>Ingreep <select name="kind">${Object.entries(KIND_NL)
      .map(([k, t]) => option(k, t))
      .join('')}</select></label>
    <label data-for="sale liberalisation retrofit acquisition split merge">Aandeel (%) <input name="share" type="number" min="1" max="100" value="30"></label>
    <label data-for="sale">Wijze <select name="mode">${option('on-turnover', 'bij mutatie')}${option('to-tenants', 'ook aan zittende huurders')}</select></label>
    <label data-for="sale liberalisation retrofit acquisition">Vanaf <input name="from" type="number" value="2026"></label>
    <label data-for="sale liberalisation retrofit acquisition">Uiterlijk <input name="by" type="number" value="2030"></label>
    <label data-for="demolition split merge">Jaar <input name="year" type="number" value="2028"></label>
    <label data-for="retrofit">Naar label <select name="toLabel">${['A', 'B', 'C'].map((l) => option(l, l)).join('')}</select></label>
    <label data-for="acquisition">Daarna <select name="then">${option('koop', 'doorverkopen')}${option('gemeente', 'zelf verhuren')}</select></label>
    <fieldset data-for="demolition"><legend>Nieuwbouw (leeg laten: geen)</legend>
      <label>Aantal <input name="rebuildCount" type="number" min="0" value="0"></label>
      <label>Type <select name="rebuildType">${DWELLING_TYPES.map((t) => option(t, DWELLING_TYPE_NL[t])).join('')}</select></label>
      <label>Eigendom <select name="rebuildTenure">${Object.entries(TENURE_NL)
        .map(([k, t]) => option(k, t))
        .join('')}</select></label>
      <label>Oplevering <input name="rebuildYear" type="number" value="2030"></label>
    </fieldset>`;
  const show = () => {
    const kind = (form.elements.namedItem('kind') as HTMLSelectElement).value;
    for (const el of form.querySelectorAll<HTMLElement>('[data-for]'))
      el.hidden = !el.dataset.for!.split(' ').includes(kind);
  };
  form.addEventListener('change', show);
  show();
}

/** The intervention the form describes now. */
export function interventionFromForm(form: HTMLFormElement): DrawInterventionInput {
  const v = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value;
  const n = (name: string) => Number(v(name));
  const share = n('share') / 100;
  const window = { from: n('from'), by: n('by') };
  const kind = v('kind') as DrawInterventionInput['kind'];
  switch (kind) {
    case 'sale':
      return { kind, share, mode: v('mode') as 'on-turnover' | 'to-tenants', ...window };
    case 'liberalisation':
      return { kind, share, ...window };
    case 'retrofit':
      return { kind, share, toLabel: v('toLabel') as 'B', ...window };
    case 'acquisition':
      return { kind, share, then: v('then') as 'koop' | 'gemeente', ...window };
    case 'split':
    case 'merge':
      return { kind, share, year: n('year') };
    case 'demolition':
      return {
        kind,
        year: n('year'),
        ...(n('rebuildCount') > 0
          ? {
              rebuild: {
                year: n('rebuildYear'),
                dwellings: [
                  {
                    count: n('rebuildCount'),
                    type: v('rebuildType') as (typeof DWELLING_TYPES)[number],
                    tenure: v('rebuildTenure') as 'koop',
                  },
                ],
              },
            }
          : {}),
      };
  }
}
