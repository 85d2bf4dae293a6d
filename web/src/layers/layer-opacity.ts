/**
 * Opacity of a map layer scaled by the layer list's slider. The style's own opacity (a number or a data
 * expression, e.g. the plan layer fading declined dwellings) is kept and multiplied, so 100 % restores it.
 */
export type LayerType = 'circle' | 'fill' | 'line' | 'symbol' | 'background' | string;

/** Paint properties that carry a layer's opacity, per MapLibre layer type. */
export function opacityProperties(type: LayerType): string[] {
  switch (type) {
    case 'circle':
      return ['circle-opacity', 'circle-stroke-opacity'];
    case 'fill':
      return ['fill-opacity'];
    case 'line':
      return ['line-opacity'];
    case 'symbol':
      return ['text-opacity', 'icon-opacity'];
    default:
      return [];
  }
}

/** True when an expression reads the zoom level; MapLibre allows zoom only at the top of such an expression. */
function usesZoom(v: unknown): boolean {
  return Array.isArray(v) && (v[0] === 'zoom' || v.some(usesZoom));
}

/**
 * The opacity value for `share` (0–1) of the style's original value (undefined = MapLibre's default 1).
 * Zoom-dependent originals cannot be wrapped in a product, so they are replaced by the share alone.
 */
export function scaledOpacity(original: unknown, share: number): unknown {
  const k = Math.min(1, Math.max(0, share));
  if (original === undefined || original === null) return k;
  if (typeof original === 'number') return Math.round(original * k * 1000) / 1000;
  if (k === 1) return original;
  if (usesZoom(original)) return k;
  return ['*', k, original];
}

/**
 * New top-to-bottom order after moving `id` one step up (-1) or down (+1); unchanged at either end or for an
 * unknown id.
 */
export function moved(order: readonly string[], id: string, step: -1 | 1): string[] {
  const i = order.indexOf(id);
  const j = i + step;
  if (i < 0 || j < 0 || j >= order.length) return [...order];
  const out = [...order];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
