import { h } from './dom';
import type { T } from './i18n';

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
export type FormKind = 'note' | 'hours' | 'traject' | 'learningNeed';

function bound(el: Field | undefined, attr: 'min' | 'max'): number | undefined {
  const raw = el?.getAttribute(attr);
  return raw === null || raw === undefined || raw === '' || !Number.isFinite(Number(raw)) ? undefined : Number(raw);
}

/** The words next to a refused field, with the real limits (the server's; else the input's own). */
export function reasonFor(form: FormKind, r: Refusal, t: T, el?: Field): string {
  const range = { min: r.params.min ?? bound(el, 'min') ?? 0, max: r.params.max ?? bound(el, 'max') ?? 0 };
  const maxLength = r.params.max ?? (el && 'maxLength' in el && el.maxLength > 0 ? el.maxLength : 0);
  const length = r.params.count ?? (el ? el.value.trim().length : 0);
  switch (`${form}.${r.field}`) {
    case 'note.text':
      if (r.rule === 'required') return t('verantwoording.form.noteRequired');
      if (r.rule === 'tooLong') return t('verantwoording.form.noteTooLong', { max: maxLength, length });
      break;
    case 'hours.hours':
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
    case 'learningNeed.learningNeedText':
    case 'learningNeed.text':
      if (r.rule === 'tooLong') return t('verantwoording.learningNeed.form.textTooLong', { max: maxLength, length });
      break;
  }
  return t('verantwoording.error.invalidInput');
}

const reasonId = (el: Field) => `${el.id}-reason`;

/** Marks the input invalid and puts the reason right after it (after its row, when it shares one with a button). */
export function showReason(el: Field, text: string): void {
  const id = reasonId(el);
  const p = document.getElementById(id) ?? h('p', { id, class: 'field-error' });
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
 * Sends a form once: the button is disabled while the request runs (a double click sends one
 * request), old reasons go, and a refused input gets its reason next to the field and in the
 * status line, with everything typed left as it was.
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
    const out = await run();
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

/** A number typed into a number input, or undefined when the field is empty or not a number (never 0 for empty). */
export function typedNumber(el: HTMLInputElement): number | undefined {
  if (el.validity.badInput || el.value.trim() === '') return undefined;
  const n = Number(el.value);
  return Number.isFinite(n) ? n : undefined;
}
