/** The value an input on a card holds, and the text right after it (the reason shown next to the field). */
export function field(card: unknown, id: string): { value: unknown; next?: string } | undefined {
  let found: { value: unknown; next?: string } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((el, i) => {
        if (!found && el && typeof el === 'object' && (el as { id?: unknown }).id === id && String((el as { type?: unknown }).type).startsWith('Input.')) {
          const after = node[i + 1] as { type?: string; text?: string } | undefined;
          found = { value: (el as { value?: unknown }).value, next: after?.type === 'TextBlock' ? after.text : undefined };
        }
      });
      node.forEach(walk);
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/** Every input of a card with its value, by id. */
export function inputValues(card: unknown): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Input.') && typeof o.id === 'string') out[o.id] = o.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** The value an input with this id shows ('' when it has none); undefined when the card has no such input. */
export function inputValue(card: unknown, id: string): unknown {
  const all = inputValues(card);
  return id in all ? (all[id] ?? '') : undefined;
}

/** The data of the first button with this verb on a card: what Teams sends when the member presses it. */
export function buttonData(card: unknown, verb: string): Record<string, unknown> {
  const found = maybeButtonData(card, verb);
  if (!found) throw new Error(`no ${verb} button on the card`);
  return found;
}

/** As buttonData, but undefined when the card shows no such button (for tests that check a button is gone). */
export function maybeButtonData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) found = o.data as Record<string, unknown>;
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** The data of the button with this verb whose title names `name` (a list with one button per person). */
export function buttonDataNaming(card: unknown, verb: string, name: string): Record<string, unknown> {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb && String(o.title).includes(name)) found = o.data as Record<string, unknown>;
    else Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} button for ${name}`);
  return found;
}

/** The Input.Text with this id on a card, as the card holds it (its value and maxLength among the rest). */
export function textInput(card: unknown, id: string): { value?: string; maxLength?: number } | undefined {
  let found: { value?: string; maxLength?: number } | undefined;
  const walk = (n: unknown): void => {
    if (found || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Record<string, unknown>;
    if (o.type === 'Input.Text' && o.id === id) found = o as { value?: string; maxLength?: number };
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/**
 * What Teams sends for a press of the button with this verb on the card (the first whose data
 * `pick` accepts), with `typed` in the card's inputs: the inputs go along unless the button's
 * `associatedInputs` is 'none'.
 */
export function teamsPressData(card: unknown, verb: string, typed: Record<string, unknown>, pick: (data: Record<string, unknown>) => boolean = () => true): Record<string, unknown> {
  let found: { data: Record<string, unknown>; associatedInputs?: string } | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb && pick((o.data ?? {}) as Record<string, unknown>)) {
      found = { data: (o.data ?? {}) as Record<string, unknown>, associatedInputs: o.associatedInputs as string | undefined };
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  if (!found) throw new Error(`no ${verb} button on the card`);
  return found.associatedInputs === 'none' ? { ...found.data } : { ...typed, ...found.data };
}

/** Every action title on a card (Action.Execute and its fallbacks), as that card shows it. */
export function buttonTitles(card: unknown): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, unknown>;
      if (typeof o.type === 'string' && o.type.startsWith('Action.') && typeof o.title === 'string') out.push(o.title);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}
