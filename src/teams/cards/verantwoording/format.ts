import { Visibility } from '../../../domain/personal/personal-answer';
import { Locale, Translate } from '../../../i18n/i18n';
import { Action, execute } from '../card-kit';
import { ShareableKind } from '../../../domain/verantwoording/personal-record';

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

/** The one button that flips an entry between private and shared with the manager. */
export function visibilityToggle(kind: ShareableKind, id: string, current: Visibility, t: Translate, groupId?: string): Action {
  const next: Visibility = current === 'shared' ? 'private' : 'shared';
  return execute(t(next === 'shared' ? 'verantwoording.share' : 'verantwoording.unshare'), 'setVisibility', { kind, id, ...(groupId ? { groupId } : {}), visibility: next }, { associatedInputs: 'none' });
}
