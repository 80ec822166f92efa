import { Visibility } from '../../../domain/personal/personal-answer';
import { Locale, Translate } from '../../../i18n/i18n';
import { Action, execute } from '../card-kit';
import { ShareableKind } from '../../../domain/verantwoording/personal-record';
import { namingItem } from '../action-tooltip';

const INTL: Record<Locale, string> = { nl: 'nl-NL', en: 'en-GB' };

export function formatHours(hours: number, locale: Locale): string {
  return new Intl.NumberFormat(INTL[locale], { maximumFractionDigits: 1 }).format(hours);
}

/** The day an instant fell on in the organisation's time zone (ORG_TIME_ZONE), as the reader writes dates. */
export function formatDate(iso: string, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(INTL[locale], { day: 'numeric', month: 'short', year: 'numeric', timeZone }).format(new Date(iso));
}

export function visibilityLabel(v: Visibility, t: Translate): string {
  return t(v === 'shared' ? 'verantwoording.visibility.shared' : 'verantwoording.visibility.private');
}

/**
 * The one button that flips an entry between private and shared with the manager. It sends the
 * card's inputs along: the new note being typed on the overview comes back on the card it answers with.
 * `visibilityRev` (how often its sharing had changed when this card was rendered) goes along too:
 * a press from this card after a newer change (Teams delivering it again) changes nothing.
 * `rev` (a note's or the Prof-traject's text revision, as this card shows the text) as well: a
 * share from this card after the text was changed elsewhere shares nothing (`requireTextSeen`).
 */
export function visibilityToggle(kind: ShareableKind, id: string, current: { visibility: Visibility; visibilityRev?: number; rev?: number }, t: Translate, groupId?: string): Action {
  const next: Visibility = current.visibility === 'shared' ? 'private' : 'shared';
  const seen = { ...(current.visibilityRev === undefined ? {} : { visibilityRev: current.visibilityRev }), ...(current.rev === undefined ? {} : { rev: current.rev }) };
  return execute(t(next === 'shared' ? 'verantwoording.share' : 'verantwoording.unshare'), 'setVisibility', { kind, id, ...(groupId ? { groupId } : {}), visibility: next, ...seen });
}

/**
 * A button the overview repeats per item ("Verwijderen" under every note), read with the item it
 * acts on: "Verwijderen: notitie van 23 nov 2026, ‘Eerste notitie over plannen…’" (`item` from
 * `verantwoording.buttonFor.*`). The visible title stays short. The overview is only ever in the
 * person's own chat, so its tooltips may quote their own text.
 */
export function buttonFor<A extends Action>(action: A, item: string, t: Translate): A {
  return namingItem(action, t('verantwoording.buttonFor.item', { action: action.title ?? '', item }));
}

/** The data that carries the overview's unsaved new note through a card opened from it (none: nothing). */
export function carriedDraft(draft: string | undefined): { draft?: string } {
  return draft ? { draft } : {};
}

/** The way back to the overview from a card opened from it, with the new note that was being typed there. */
export function backToOverview(t: Translate, draft: string | undefined, label = 'verantwoording.back'): Action {
  // Not this card's inputs (a note edit's own `text` is no new note): only the carried draft.
  return execute(t(label), 'showVerantwoording', draft ? { text: draft } : {}, { associatedInputs: 'none' });
}
