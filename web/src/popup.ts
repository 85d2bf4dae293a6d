import { categoryLabel } from './attribute-styles.ts';
import { formatArea, formatFloorLevel, formatPostcode, formatWozBand, formatYear } from './format.ts';

/** One line of the dwelling popup: Dutch label and formatted value. */
export interface PopupRow {
  label: string;
  value: string;
}

export interface DwellingPopup {
  title: string;
  rows: PopupRow[];
}

const text = (v: unknown): string => (v === undefined || v === null ? '' : String(v));
const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' && !Number.isNaN(Number(v)) ? Number(v) : null;
const orDash = (s: string): string => (s === '' ? '–' : s);

/**
 * The popup of a dwelling from the properties of the `dwellings` tile layer; buurt names come
 * from /api/buurten (code shown when the name is unknown).
 */
export function dwellingPopup(props: Record<string, unknown>, buurtNames: ReadonlyMap<string, string>): DwellingPopup {
  const buurtcode = text(props.buurtcode);
  const bouwjaar = num(props.bouwjaar);
  const area = num(props.oppervlakte);
  const floor = num(props.floorLevel);
  const source = text(props.labelSource);
  const label = text(props.label);
  const vve = text(props.vveId);
  return {
    title: `${orDash(text(props.address))}, ${formatPostcode(text(props.postcode))}`,
    rows: [
      { label: 'Buurt', value: orDash(buurtNames.get(buurtcode) ?? buurtcode) },
      { label: 'Bouwjaar', value: bouwjaar === null ? '–' : formatYear(bouwjaar) },
      { label: 'Gebruiksoppervlakte', value: area === null ? '–' : formatArea(area) },
      { label: 'Woningtype', value: orDash(categoryLabel('type', text(props.type))) },
      { label: 'Eigendom', value: orDash(categoryLabel('ownership', text(props.ownership))) },
      {
        label: 'Energielabel',
        value:
          label === ''
            ? '–'
            : `${label} (${source === 'registered' ? 'geregistreerd' : source === 'imputed' ? 'geschat' : 'bron onbekend'})`,
      },
      { label: 'VvE', value: vve === '' ? 'geen' : vve },
      { label: 'WOZ-klasse', value: orDash(formatWozBand(text(props.wozBand))) },
      { label: 'Verdieping', value: floor === null ? '–' : formatFloorLevel(floor) },
      { label: 'BAG verblijfsobject-id', value: orDash(text(props.vboId)) },
      { label: 'BAG pand-id', value: orDash(text(props.pandId)) },
    ],
  };
}

/** Renders the popup as DOM nodes (text only, never HTML from the data). */
export function popupElement(p: DwellingPopup, doc: Document = document): HTMLElement {
  const root = doc.createElement('div');
  root.className = 'dwelling-popup';
  const h = doc.createElement('h3');
  h.textContent = p.title;
  const dl = doc.createElement('dl');
  for (const r of p.rows) {
    const dt = doc.createElement('dt');
    dt.textContent = r.label;
    const dd = doc.createElement('dd');
    dd.textContent = r.value;
    dl.append(dt, dd);
  }
  root.append(h, dl);
  return root;
}

/** One dwelling in the picker shown when several dwellings share the clicked point (stacked flats). */
export interface PickerEntry {
  vboId: string;
  /** Address as written, with the storey, e.g. "Lijsterstraat 12A · 2e verdieping". */
  label: string;
  props: Record<string, unknown>;
}

const byAddress = new Intl.Collator('nl-NL', { numeric: true, sensitivity: 'base' });

/**
 * The distinct dwellings under a click (a tile can hold a feature twice across its buffer), lowest storey
 * first, then by address; empty ids are dropped.
 */
export function pickerEntries(features: readonly Record<string, unknown>[]): PickerEntry[] {
  const seen = new Map<string, PickerEntry>();
  for (const props of features) {
    const vboId = text(props.vboId);
    if (vboId === '' || seen.has(vboId)) continue;
    const floor = num(props.floorLevel);
    const address = orDash(text(props.address));
    seen.set(vboId, { vboId, label: floor === null ? address : `${address} · ${formatFloorLevel(floor)}`, props });
  }
  return [...seen.values()].sort(
    (a, b) => (num(a.props.floorLevel) ?? 0) - (num(b.props.floorLevel) ?? 0) || byAddress.compare(a.label, b.label),
  );
}
