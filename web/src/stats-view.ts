import type { ExpressionSpecification } from 'maplibre-gl';
import { ATTRIBUTE_STYLES, colorExpression, type AttributeId } from './attribute-styles.ts';
import { renderBuurtPanel } from './buurt-panel.ts';
import type { EngineClient } from './engine-client.ts';
import { renderLegend } from './legend.ts';
import { buurtSummaries, categoryTotals } from './stats-summary.ts';
import type { VoorraadTestHooks } from './test-hooks.ts';

export interface StatsViewOptions {
  legend: HTMLElement;
  panel: HTMLElement;
  engine: Promise<EngineClient>;
  buurtNames: Promise<ReadonlyMap<string, string>>;
  hooks: VoorraadTestHooks;
}

export interface StatsView {
  /** Redraws legend and buurt panel for the attribute; resolves when the worker's figures are drawn. */
  show(id: AttributeId): Promise<void>;
  colorExpression(id: AttributeId): ExpressionSpecification;
}

/**
 * Keeps legend and buurt panel in step with the chosen attribute. Only the latest request is
 * drawn, so a quick series of switches cannot leave an older attribute's figures on screen.
 */
export function createStatsView(o: StatsViewOptions): StatsView {
  let latest = 0;
  return {
    colorExpression,
    async show(id) {
      const request = ++latest;
      renderLegend(o.legend, id, null);
      renderBuurtPanel(o.panel, id, null);
      try {
        const engine = await o.engine;
        const [stats, names] = await Promise.all([
          engine.stats(['buurt', ATTRIBUTE_STYLES[id].statsField]),
          o.buurtNames,
        ]);
        if (request !== latest) return;
        o.hooks.lastStats = stats;
        renderLegend(o.legend, id, categoryTotals(stats, id));
        renderBuurtPanel(o.panel, id, buurtSummaries(stats, id, names));
      } catch (err) {
        if (request !== latest) return;
        const message = err instanceof Error ? err.message : String(err);
        renderBuurtPanel(o.panel, id, null, message);
        throw err;
      }
    },
  };
}
