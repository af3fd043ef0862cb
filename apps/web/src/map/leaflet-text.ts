// Leaflet puts a string given as a tooltip, a popup, a divIcon's `html` or an attribution into innerHTML: a
// name with markup in it would become elements on every map that shows it. What people wrote goes in as a DOM
// node filled with textContent instead (the lint rule in eslint.config.mjs asks for a `…Element()` call there).

/** A `<span>` (or `tagName`) holding `text` as text: markup in it reads as the characters written. */
export function textElement(text: string, tagName: keyof HTMLElementTagNameMap = 'span'): HTMLElement {
  const element = document.createElement(tagName);
  element.textContent = text;
  return element;
}

/** For the few Leaflet options that take only a string (attributions): the text with markup characters escaped. */
export function escapeHtml(text: string): string {
  return text.replace(/[<>&"']/g, (character) => `&#${character.charCodeAt(0)};`);
}
