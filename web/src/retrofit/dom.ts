/** A new element with an optional class and text (text only, never HTML). */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  className: string | null = null,
  text?: string,
): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}
