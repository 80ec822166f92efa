import { numberFromText } from '../domain/shared/number-text';
import { lengthAgainst, trimText, withoutControlCharacters } from '../domain/shared/text';
import { h } from './dom';
import type { T } from './i18n';

/**
 * The most characters each kind of text takes: the domain's MAX_NOTE_LENGTH, MAX_TRAJECT_TEXT and
 * MAX_LEARNING_NEED_TEXT (their modules use Node's crypto, so the tab cannot bundle them; a test
 * keeps these equal).
 */
export const TEXT_LIMITS = { note: 4000, traject: 2000, learningNeed: 300 } as const;

/**
 * A refused input: as the API's 400 body names it (`field`, `rule`, `params`: the limits, as
 * numbers), or as the tab finds it before sending.
 */
export interface Refusal {
  field: string;
  rule: string;
  params: Record<string, number>;
}

/**
 * How a change ended. Saved: the page shows what is stored. Refused: the form stays as it is, with
 * the reason next to the field. Overtaken (`conflict`): the newer stored version, to set beside
 * what the person typed. `gone`: what it changes was deleted elsewhere meanwhile.
 */
export type Outcome<C = never> = { ok: true } | { ok: false; refusal?: Refusal; conflict?: C; gone?: boolean };

export type Field = HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement;

/** The form a refusal belongs to: the same field name can mean different things in each. */
export type FormKind = 'note' | 'hours' | 'traject' | 'learningNeed' | 'putBefore';

/** A number field's limits, as `numberField` puts them on it (a text input has no min or max of its own). */
function bound(el: Field | undefined, attr: 'min' | 'max'): number | undefined {
  const raw = el?.dataset[attr];
  return raw === null || raw === undefined || raw === '' || !Number.isFinite(Number(raw)) ? undefined : Number(raw);
}

/** The words next to a refused field, with the real limits (the server's; else the input's own). */
export function reasonFor(form: FormKind, r: Refusal, t: T, el?: Field): string {
  const range = { min: r.params.min ?? bound(el, 'min') ?? 0, max: r.params.max ?? bound(el, 'max') ?? 0 };
  const maxLength = r.params.max ?? (el ? limitOf(el) : undefined) ?? 0;
  const length = r.params.count ?? (el ? countedLength(el.value, maxLength) : 0);
  switch (`${form}.${r.field}`) {
    case 'note.text':
      if (r.rule === 'required') return t('verantwoording.form.noteRequired');
      if (r.rule === 'tooLong') return t('verantwoording.form.noteTooLong', { max: maxLength, length });
      break;
    case 'hours.hours':
      // In range but not whole or half hours (the domain's step): that rule, since the figure is not rounded for them.
      if (r.rule === 'format' && r.params.step !== undefined) return t('verantwoording.form.halfHours');
      return t('verantwoording.form.hours', range);
    case 'traject.learningNeeds':
    case 'traject.talents':
      if (r.rule === 'required') return t('verantwoording.form.trajectRequired');
      if (r.rule === 'tooLong') return t('verantwoording.form.trajectTooLong', { max: maxLength, length });
      break;
    case 'traject.plannedWeeks':
      return t('verantwoording.form.weeks', range);
    case 'learningNeed.theme':
      return t('verantwoording.learningNeed.form.theme');
    case 'putBefore.words':
      // The chat form's words for the same limit.
      if (r.rule === 'tooLong') return t('proposalToManager.tooLong', { max: maxLength, length });
      break;
    case 'learningNeed.learningNeedText':
    case 'learningNeed.text':
      if (r.rule === 'tooLong') return t('verantwoording.learningNeed.form.textTooLong', { max: maxLength, length });
      break;
  }
  return t('verantwoording.error.invalidInput');
}

const reasonId = (el: Field) => `${el.id}-reason`;

/**
 * Marks the input invalid and puts the reason right after it (after its row, when it shares one
 * with a button). `announce`: the reason is said by a screen reader as it appears (an alert), for
 * a reason that comes while typing, with nothing else that says it; without, its text changes
 * silently (the status line says a refusal on saving, and a count changing with every key is not
 * read out each time).
 */
export function showReason(el: Field, text: string, announce = false): void {
  const id = reasonId(el);
  const p = document.getElementById(id) ?? h('p', { id, class: 'field-error' });
  if (announce) p.setAttribute('role', 'alert');
  else p.removeAttribute('role');
  p.textContent = text;
  const anchor = el.parentElement?.classList.contains('row') ? el.parentElement : el;
  if (anchor.nextElementSibling !== p) anchor.after(p);
  el.setAttribute('aria-invalid', 'true');
  const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  el.setAttribute('aria-describedby', [...described, id].join(' '));
}

export function clearReason(el: Field): void {
  const id = reasonId(el);
  document.getElementById(id)?.remove();
  el.removeAttribute('aria-invalid');
  const described = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter((x) => x && x !== id);
  if (described.length) el.setAttribute('aria-describedby', described.join(' '));
  else el.removeAttribute('aria-describedby');
}

/**
 * The length the server counts against a limit of `max`: without control characters and
 * invisible edges (cleanJson, trimText), in characters as they show (an emoji or an accented
 * letter is one; `lengthAgainst`).
 */
function countedLength(value: string, max: number): number {
  return lengthAgainst(trimText(withoutControlCharacters(value)), max);
}

function limitOf(el: Field): number | undefined {
  const max = Number(el.dataset.limit);
  return Number.isInteger(max) && max > 0 ? max : undefined;
}

/** The first field whose text is longer than its limit, as the server would refuse it. */
function tooLong(fields: Record<string, Field>): Refusal | undefined {
  for (const [field, el] of Object.entries(fields)) {
    const max = limitOf(el);
    const count = max === undefined ? 0 : countedLength(el.value, max);
    if (max !== undefined && count > max) return { field, rule: 'tooLong', params: { max, count } };
  }
  return undefined;
}

/**
 * Gives a text field its limit without `maxlength`: with it, the browser cuts a longer paste
 * without a word, and the cut text would be saved as if it were the whole. Here the whole text
 * stays in the field; while it is over the limit, the reason (with the limit and its length)
 * stands next to it (said by a screen reader as it appears), and `submit` refuses it before
 * anything is sent.
 */
export function limitLength<F extends HTMLInputElement | HTMLTextAreaElement>(el: F, form: FormKind, field: string, max: number, t: T): F {
  el.dataset.limit = String(max);
  el.addEventListener('input', () => {
    const over = tooLong({ [field]: el });
    if (over) {
      // Said once as it goes over the limit; while it stays over, the count next to it follows silently.
      showReason(el, reasonFor(form, over, t, el), !el.dataset.overLimit);
      el.dataset.overLimit = 'true';
    } else if (el.dataset.overLimit) {
      clearReason(el);
      delete el.dataset.overLimit;
    }
  });
  return el;
}

/**
 * Sends a form once: the button is disabled while the request runs (a double click sends one
 * request), old reasons go, a text over its limit is refused before anything is sent, and a
 * refused input gets its reason next to the field and in the status line, with everything typed
 * left as it was.
 */
export async function submit<C>(
  button: HTMLButtonElement,
  form: FormKind,
  fields: Record<string, Field>,
  t: T,
  say: (text: string, error?: boolean) => void,
  run: () => Promise<Outcome<C>>,
): Promise<Outcome<C>> {
  if (button.disabled) return { ok: false };
  button.disabled = true;
  for (const el of Object.values(fields)) clearReason(el);
  try {
    // Too long: refused here, whole, and nothing is sent (the server would refuse it too).
    const over = tooLong(fields);
    const out: Outcome<C> = over ? { ok: false, refusal: over } : await run();
    if (!out.ok && out.refusal) {
      const el = fields[out.refusal.field] ?? Object.values(fields)[0];
      const text = reasonFor(form, out.refusal, t, el);
      if (el) {
        showReason(el, text);
        el.focus();
      }
      say(text, true);
    }
    return out;
  } finally {
    button.disabled = false;
  }
}

/**
 * A field for a number: a text input, never type="number". Chromium whose own number format is
 * English (as on English Windows, whatever the page's language) drops the comma from "2,5" typed
 * into a number input, so the field held "25" and 25 hours were stored; a text input keeps what was
 * typed, and `typedNumber` reads it with the chat cards' rule. `inputmode` still brings up a number
 * keyboard on a phone ("decimal" with a decimal separator, "numeric" for whole numbers). The limits
 * go on the field for the reason next to it (see `bound`).
 */
export function numberField(id: string, value: string, min: number, max: number, whole: boolean): HTMLInputElement {
  return h('input', { type: 'text', id, inputmode: whole ? 'numeric' : 'decimal', autocomplete: 'off', 'data-min': min, 'data-max': max, value }) as HTMLInputElement;
}

/** A number as a number field shows it: with the page language's decimal separator ("2,5" in Dutch), without grouping. */
export function numberText(n: number, locale: string): string {
  return new Intl.NumberFormat(locale, { useGrouping: false, maximumFractionDigits: 2 }).format(n);
}

/**
 * The number typed into a number field, read as the chat cards read it ("2,5" and "2.5" are 2.5;
 * "1.000" is refused, as it could mean a thousand), or undefined when the field is empty or holds
 * no number (never 0 for empty).
 */
export function typedNumber(el: HTMLInputElement): number | undefined {
  return numberFromText(el.value);
}

/** Why a number field's text is refused before sending: left empty, or no number. */
export function unreadNumber(el: HTMLInputElement, field: string): Refusal {
  return { field, rule: el.value.trim() === '' ? 'required' : 'format', params: {} };
}
