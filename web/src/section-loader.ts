/**
 * Sidebar panels loaded when they are needed, so that sign-in to an idle map does not wait for panels the user has
 * not opened (README "Web app", speed of the first view). A panel's code is a dynamic `import()` (its own chunk in
 * the build) and its data is fetched by its install function; both start at the first of:
 * - the user opening one of the panel's sidebar sections (`<details class="side-section" data-section="…">`), or
 * - the first view being complete (map idle), so the panel's map layers join the layer list without delaying it.
 *
 * Registering a panel is one call in web/src/main.ts:
 *
 *     void loadSection(['vve'], firstView, async () => {
 *       const { installVveLayer } = await import('./vve/vve-layer.ts');
 *       await installVveLayer(map, $('vve-panel'), role, mapLoaded);
 *     });
 *
 * Keep the panel's modules out of the start-up graph: import them only inside the loader (a static import from
 * main.ts or another eagerly loaded module puts them back into the main chunk).
 */

/** What the loader needs of a `<details>` element (also met by a plain EventTarget in unit tests). */
export interface Openable extends EventTarget {
  readonly open: boolean;
}

/** Resolves when any of `sections` is open (now or on a later `toggle`) or when `firstView` settles. */
export function whenNeeded(sections: readonly Openable[], firstView: Promise<unknown>): Promise<void> {
  return new Promise<void>((resolve) => {
    const done = () => {
      for (const s of sections) s.removeEventListener('toggle', onToggle);
      resolve();
    };
    const onToggle = () => {
      if (sections.some((s) => s.open)) done();
    };
    if (sections.some((s) => s.open)) return done();
    for (const s of sections) s.addEventListener('toggle', onToggle);
    firstView.then(done, done);
  });
}

/** Runs `load` once, when one of the named sidebar sections is opened or the first view is complete. */
export function loadSection<T>(
  names: readonly string[],
  firstView: Promise<unknown>,
  load: () => Promise<T>,
): Promise<T> {
  const sections = names.map((name) => {
    const details = document.querySelector<HTMLDetailsElement>(`details.side-section[data-section="${name}"]`);
    if (!details) throw new Error(`missing sidebar section "${name}" in index.html`);
    return details;
  });
  return whenNeeded(sections, firstView).then(load);
}
