import { afterEach, describe, expect, it } from 'vitest';
import { expression } from '@maplibre/maplibre-gl-style-spec';
import { UNKNOWN_COLOR } from '../attribute-styles.ts';
import type { RetrofitMapColumns } from '../../../engine/retrofit/map-columns.ts';
import {
  classOf,
  fitPriorityClasses,
  gradedClass,
  priorityClass,
  RETROFIT_LAYER_IDS,
  RETROFIT_LAYERS,
  retrofitColorExpression,
} from './retrofit-layers.ts';

// fitPriorityClasses replaces the module's priority style; the unit project shares modules between files
// (no isolation), so every test here leaves the default classes behind for the others.
const DEFAULT_PRIORITY = RETROFIT_LAYERS.priority;
afterEach(() => {
  RETROFIT_LAYERS.priority = DEFAULT_PRIORITY;
});

/** Evaluates a colour expression the way MapLibre does, for a feature with the given state. */
function colourFor(id: (typeof RETROFIT_LAYER_IDS)[number], state: Record<string, unknown>): string {
  const e = expression.createExpression(retrofitColorExpression(id), 'layers[0].paint.circle-color', {
    type: 'color',
    'property-type': 'data-driven',
    expression: { interpolated: false, parameters: ['zoom', 'feature', 'feature-state'] },
    transition: false,
  } as never);
  if (e.result !== 'success') throw new Error(JSON.stringify(e.value));
  const c = e.value.evaluate({ zoom: 14 } as never, { type: 'Point', properties: {} } as never, state as never) as
    string | { r: number; g: number; b: number };
  if (typeof c === 'string') return c.toLowerCase();
  const hex = (x: number): string =>
    Math.round(x * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${hex(c.r)}${hex(c.g)}${hex(c.b)}`;
}

const columns = (over: Partial<RetrofitMapColumns>): RetrofitMapColumns => ({
  count: 1,
  vboId: ['1674010000000001'],
  buurtCodes: ['BU16740202'],
  buurt: Uint16Array.of(0),
  ownership: Uint8Array.of(0),
  type: Uint8Array.of(0),
  priority: Float32Array.of(0),
  labelAfter: Uint8Array.of(0),
  riskScore: Float32Array.of(0),
  route: Uint8Array.of(0),
  ...over,
});

describe('retrofit layers', () => {
  it('have Dutch names, one colour per class, and distinct colours', () => {
    expect(RETROFIT_LAYER_IDS.map((id) => RETROFIT_LAYERS[id].label)).toEqual([
      'Prioriteit',
      'Label na maatregelen',
      'Ecologisch risico',
      'Route (pre-SMP)',
    ]);
    expect(RETROFIT_LAYERS.priority.classes.map((c) => c.label)).toEqual([
      '0–10',
      '10–20',
      '20–30',
      '30–40',
      '40–50',
      '50–60',
      '60–70',
      '70–80',
      '80–90',
      '90 en hoger',
    ]);
    expect(RETROFIT_LAYERS.risk.classes.map((c) => c.label)).toEqual([
      '0,0–0,2',
      '0,2–0,4',
      '0,4–0,6',
      '0,6–0,8',
      '0,8–1,0',
    ]);
    expect(RETROFIT_LAYERS.route.classes.map((c) => c.label)).toEqual([
      'pre-SMP',
      'gedragscode corporatie',
      'individueel ecologisch onderzoek',
    ]);
    expect(RETROFIT_LAYERS.labelAfter.classes.map((c) => c.label)).toEqual([
      'A++++',
      'A+++',
      'A++',
      'A+',
      'A',
      'B',
      'C',
      'D',
      'E',
      'F',
      'G',
    ]);
    for (const id of RETROFIT_LAYER_IDS) {
      const colours = RETROFIT_LAYERS[id].classes.map((c) => c.color);
      expect(new Set(colours).size).toBe(colours.length);
      expect(colours).not.toContain(UNKNOWN_COLOR);
    }
  });

  it('class a graded value by the last stop it reaches, as MapLibre step does', () => {
    const stops = [0, 0.2, 0.4, 0.6, 0.8];
    expect(gradedClass(stops, 0)).toBe(0);
    expect(gradedClass(stops, 0.199)).toBe(0);
    expect(gradedClass(stops, 0.2)).toBe(1);
    expect(gradedClass(stops, 0.6)).toBe(3);
    expect(gradedClass(stops, 1)).toBe(4);
    expect(gradedClass(stops, -0.1)).toBe(-1);
    expect(gradedClass(stops, Number.NaN)).toBe(-1);
  });

  it('class priority after rounding to one decimal, as the API shows it', () => {
    expect(priorityClass(9.96)).toBe(1);
    expect(priorityClass(9.94)).toBe(0);
    expect(priorityClass(100)).toBe(9);
    expect(classOf('priority', columns({ priority: Float32Array.of(49.99) }), 0)).toBe(5);
    // Fitted classes: a bound of 40 (the displayed value of 39.96) takes 39.96 into the upper class.
    fitPriorityClasses(Float32Array.of(20, 25, 30, 35, 39.96, 45, 50, 55, 60, 65, 70, 75));
    expect(RETROFIT_LAYERS.priority.stops).toEqual([20, 30, 40, 50, 60, 70]);
    expect(priorityClass(39.96)).toBe(2);
    expect(priorityClass(39.94)).toBe(1);
    expect(priorityClass(19.9)).toBe(-1);
    expect(classOf('risk', columns({ riskScore: Float32Array.of(0.7999) }), 0)).toBe(4);
    expect(classOf('labelAfter', columns({ labelAfter: Uint8Array.of(2) }), 0)).toBe(2);
    expect(classOf('route', columns({ route: Uint8Array.of(9) }), 0)).toBe(-1);
  });

  it('fits the priority classes to the data and states it in the legend', () => {
    const style = fitPriorityClasses(Float32Array.from({ length: 600 }, (_, i) => 20 + (50 * i) / 599));
    expect(style.stops).toHaveLength(6);
    expect(style.stops[0]).toBe(20);
    expect(style.classes[0]!.label).toBe(`20–${style.stops[1]!.toLocaleString('nl-NL')}`);
    expect(style.classes.at(-1)!.label).toMatch(/ en hoger$/);
    expect(style.note).toContain('kwantielen');
    expect(new Set(style.classes.map((c) => c.color)).size).toBe(6);
  });

  it('colour the map by feature state with the legend colours, grey without state', () => {
    fitPriorityClasses(Float32Array.of(20, 30, 40, 50, 60, 70));
    RETROFIT_LAYERS.priority.classes.forEach((c, k) =>
      expect(colourFor('priority', { priority: RETROFIT_LAYERS.priority.stops[k]! + 0.05 })).toBe(c.color),
    );
    RETROFIT_LAYERS.risk.classes.forEach((c, k) => expect(colourFor('risk', { riskClass: k })).toBe(c.color));
    expect(colourFor('labelAfter', { labelAfter: 'B' })).toBe(RETROFIT_LAYERS.labelAfter.classes[5]!.color);
    expect(colourFor('route', { route: 'individual-survey' })).toBe(RETROFIT_LAYERS.route.classes[2]!.color);
    for (const id of RETROFIT_LAYER_IDS) expect(colourFor(id, {})).toBe(UNKNOWN_COLOR);
  });
});
