import { ATTRIBUTE_IDS, ATTRIBUTE_STYLES, isAttributeId, type AttributeId } from './attribute-styles.ts';

/** Radio buttons with the Dutch attribute names; calls onChange with the chosen attribute. */
export function renderAttributeSwitcher(
  el: HTMLElement,
  current: AttributeId,
  onChange: (id: AttributeId) => void,
): void {
  const fieldset = document.createElement('fieldset');
  const legend = document.createElement('legend');
  legend.textContent = 'Kleur woningen naar';
  fieldset.append(legend);
  for (const id of ATTRIBUTE_IDS) {
    const label = document.createElement('label');
    const input = document.createElement('input');
    input.type = 'radio';
    input.name = 'attribute';
    input.value = id;
    input.checked = id === current;
    label.append(input, ATTRIBUTE_STYLES[id].label);
    fieldset.append(label);
  }
  fieldset.addEventListener('change', (e) => {
    const v = (e.target as HTMLInputElement).value;
    if (isAttributeId(v)) onChange(v);
  });
  el.replaceChildren(fieldset);
}
