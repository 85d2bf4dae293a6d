import type { ScenarioSummary } from './summary.ts';

/**
 * The summary as JSON text, byte-stable for golden files and diff-friendly: two-space indentation,
 * with arrays of numbers kept on one line.
 */
export function resultJson(s: ScenarioSummary): string {
  const text = JSON.stringify(s, null, 2);
  return `${text.replace(/\[\n\s+((?:-?[\d.e+-]+|null)(?:,\n\s+(?:-?[\d.e+-]+|null))*)\n\s+\]/g, (_, items: string) => `[${items.split(/,\n\s+/).join(', ')}]`)}\n`;
}
