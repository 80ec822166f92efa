import { Locale, Translate } from '../../../i18n/i18n';
import { MAX_HOURS_PER_CYCLE } from '../../../domain/verantwoording/time-used';
import { CycleEntry } from '../../../usecases/verantwoording/overview';
import { adaptiveCard, AdaptiveCardJson, container, execute, heading, plainText, refusalNotice, textBlock, withFieldError } from '../card-kit';
import { backToOverview, carriedDraft, formatHours } from './format';

export interface TimeEditOptions {
  /** A refused figure: as typed, the revision the form was made from (none: a card from before revisions), and why. */
  refused?: { hours?: number; rev?: number; error: string };
  /**
   * The save was refused because the hours were corrected elsewhere (the tab, another card) since
   * the card was opened: `hours` is what the person typed. It stays in the field; the newer stored
   * figure (the entry's) is shown next to it.
   */
  changedElsewhere?: { hours: number };
  /** The new note being typed on the overview this card was opened from: it goes back there. */
  draft?: string;
}

/** The stored figure next to a correction whose save it beat: read only, for the person to compare. */
function storedHours(c: CycleEntry, t: Translate, locale: Locale) {
  return container(
    [textBlock(t('verantwoording.time.storedNow'), { weight: 'Bolder' }), plainText(t('verantwoording.cycle.hours', { count: c.hours, hours: formatHours(c.hours, locale) }))],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * Corrects the learning time of one cycle (sessions attended x 1 hour by default). The save
 * carries the revision of the hours the card shows, so a newer figure saved elsewhere is not undone.
 */
export function timeEditCard(c: CycleEntry, t: Translate, locale: Locale, opts: TimeEditOptions = {}): AdaptiveCardJson {
  const title = c.weekNumber ? t('verantwoording.cycle.heading', { group: c.groupName, week: c.weekNumber }) : t('verantwoording.cycle.headingNoWeek', { group: c.groupName });
  const { refused, changedElsewhere } = opts;
  const hours = refused ? refused.hours : changedElsewhere ? changedElsewhere.hours : c.hours;
  // A form refused for its field keeps the revision it was made from: a newer figure elsewhere still wins.
  // After a conflict the person has seen the stored figure: saving again is their choice to keep theirs.
  const rev = refused ? refused.rev : c.timeRev;
  return adaptiveCard(
    [
      heading(t('verantwoording.time.title')),
      plainText(title, { weight: 'Bolder' }),
      textBlock(t('verantwoording.time.intro', { count: c.sessionsAttended, hours: formatHours(c.sessionsAttended, locale) })),
      ...(changedElsewhere ? [refusalNotice(t('verantwoording.time.changedElsewhere')), storedHours(c, t, locale)] : []),
      ...(refused ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
      ...withFieldError(
        {
          type: 'Input.Number',
          id: 'hours',
          label: t('verantwoording.time.hoursLabel'),
          ...(hours === undefined ? {} : { value: hours }),
          min: 0,
          max: MAX_HOURS_PER_CYCLE,
          isRequired: true,
          errorMessage: t('verantwoording.form.hours', { min: 0, max: MAX_HOURS_PER_CYCLE }),
        },
        refused?.error,
      ),
    ],
    [
      execute(t('verantwoording.save'), 'saveTime', { groupId: c.groupId, cycleId: c.cycleId, ...(rev === undefined ? {} : { rev }), ...carriedDraft(opts.draft) }, { style: 'positive' }),
      backToOverview(t, opts.draft),
    ],
  );
}
