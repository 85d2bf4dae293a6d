import type { Map as MapLibreMap } from 'maplibre-gl';
import { authHooks } from '../auth/session-gate.ts';
import type { Session } from '../auth/session.ts';
import './acquisition.css';
import { installAcquisitionLayer } from './acquisition-layer.ts';
import { installSafetyLayer } from './safety-layer.ts';

/**
 * Adds the layers the signed-in role may see once the map has loaded: the safety layer for every role, the
 * acquisition layer for roles with acquisition access. Panels are created in #side when index.html lacks them.
 */
function panel(id: string, label: string): HTMLElement {
  let el = document.getElementById(id);
  if (!el) {
    el = document.createElement('section');
    el.id = id;
    el.setAttribute('aria-label', label);
    document.getElementById('side')?.append(el);
  }
  return el;
}

export async function installRoleLayers(map: MapLibreMap, session: Session, mapLoaded: Promise<void>): Promise<void> {
  const hooks = authHooks();
  const safetyPanel = panel('safety-panel', 'Veiligheid per buurt');
  const acquisitionPanel = panel('acquisition-panel', 'Verwerving');
  await mapLoaded;
  hooks.safety = 'loading';
  const safety = installSafetyLayer(map, safetyPanel).then(
    () => {
      hooks.safety = 'ready';
    },
    (err: unknown) => {
      hooks.safety = 'error';
      hooks.error ??= err instanceof Error ? err.message : String(err);
      safetyPanel.textContent = `Veiligheidslaag niet beschikbaar: ${hooks.error}`;
    },
  );
  if (!session.permissions.acquisition) {
    hooks.acquisition = 'not-permitted';
    acquisitionPanel.hidden = true;
    await safety;
    return;
  }
  hooks.acquisition = 'loading';
  const acquisition = installAcquisitionLayer(map, acquisitionPanel).then(
    () => {
      hooks.acquisition = 'ready';
    },
    (err: unknown) => {
      hooks.acquisition = 'error';
      hooks.error ??= err instanceof Error ? err.message : String(err);
      acquisitionPanel.textContent = `Verwervingslaag niet beschikbaar: ${hooks.error}`;
    },
  );
  await Promise.all([safety, acquisition]);
}
