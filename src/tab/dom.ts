type Child = Node | string | false | null | undefined;
type Props = Record<string, string | boolean | number | undefined | ((e: Event) => void)>;

/**
 * Builds an element. Text always goes in as text nodes (never as HTML), so what people typed
 * can never become markup or script.
 */
export function h(tag: string, props: Props = {}, ...children: Child[]): HTMLElement {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') el.addEventListener(key.replace(/^on/, '').toLowerCase(), value);
    else if (key === 'value' && (el instanceof HTMLInputElement || el instanceof HTMLTextAreaElement)) el.value = String(value);
    else if (key === 'checked' && el instanceof HTMLInputElement) el.checked = Boolean(value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  for (const c of children) if (c !== false && c !== null && c !== undefined) el.append(typeof c === 'string' ? document.createTextNode(c) : c);
  return el;
}

/** Element ids from record ids (which are url-safe already), unique per purpose. */
export function domId(purpose: string, id: string): string {
  return `${purpose}-${id.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
