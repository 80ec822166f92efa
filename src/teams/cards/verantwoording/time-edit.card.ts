import { Locale, Translate } from '../../../i18n/i18n';
import { MAX_HOURS_PER_CYCLE } from '../../../domain/verantwoording/time-used';
import { CycleEntry } from '../../../usecases/verantwoording/overview';
import { adaptiveCard, AdaptiveCardJson, execute, heading, plainText, textBlock } from '../card-kit';
import { formatHours } from './format';

/** Corrects the learning time of one cycle (sessions attended x 1 hour by default). */
export function timeEditCard(c: CycleEntry, t: Translate, locale: Locale): AdaptiveCardJson {
  const title = c.weekNumber ? t('verantwoording.cycle.heading', { group: c.groupName, week: c.weekNumber }) : t('verantwoording.cycle.headingNoWeek', { group: c.groupName });
  return adaptiveCard(
    [
      heading(t('verantwoording.time.title')),
      plainText(title, { weight: 'Bolder' }),
      textBlock(t('verantwoording.time.intro', { count: c.sessionsAttended, hours: formatHours(c.sessionsAttended, locale) })),
      { type: 'Input.Number', id: 'hours', label: t('verantwoording.time.hoursLabel'), value: c.hours, min: 0, max: MAX_HOURS_PER_CYCLE, isRequired: true, errorMessage: t('verantwoording.error.invalidInput') },
    ],
    [
      execute(t('verantwoording.save'), 'saveTime', { groupId: c.groupId, cycleId: c.cycleId }, { style: 'positive' }),
      execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
