import { Locale, Translate } from '../../../i18n/i18n';
import { MAX_HOURS_PER_CYCLE } from '../../../domain/verantwoording/time-used';
import { CycleEntry } from '../../../usecases/verantwoording/overview';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, refusalNotice, textBlock, withFieldError } from '../card-kit';
import { formatHours } from './format';

/** Corrects the learning time of one cycle (sessions attended x 1 hour by default). */
export function timeEditCard(c: CycleEntry, t: Translate, locale: Locale, refused?: { hours?: number; error: string }): AdaptiveCardJson {
  const title = c.weekNumber ? t('verantwoording.cycle.heading', { group: c.groupName, week: c.weekNumber }) : t('verantwoording.cycle.headingNoWeek', { group: c.groupName });
  return adaptiveCard(
    [
      heading(t('verantwoording.time.title')),
      plainText(title, { weight: 'Bolder' }),
      textBlock(t('verantwoording.time.intro', { count: c.sessionsAttended, hours: formatHours(c.sessionsAttended, locale) })),
      ...(refused ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
      ...withFieldError(
        {
          type: 'Input.Number',
          id: 'hours',
          label: t('verantwoording.time.hoursLabel'),
          ...(refused ? (refused.hours === undefined ? {} : { value: refused.hours }) : { value: c.hours }),
          min: 0,
          max: MAX_HOURS_PER_CYCLE,
          isRequired: true,
          errorMessage: t('verantwoording.form.hours', { min: 0, max: MAX_HOURS_PER_CYCLE }),
        },
        refused?.error,
      ),
    ],
    [
      execute(t('verantwoording.save'), 'saveTime', { groupId: c.groupId, cycleId: c.cycleId }, { style: 'positive' }),
      execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
