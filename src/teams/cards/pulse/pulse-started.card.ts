import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, factSet, heading, plainText, subtle, textBlock, truncate } from '../card-kit';

export interface PollStartedView {
  teams: string[];
  closesLabel: string;
  delivery: 'channel' | 'private';
  reminders: string[];
  privateNudges: boolean;
  generalInstead: string[];
  /** The language the teams get the poll in, and whether HR named it in the command. */
  language: 'nl' | 'en';
  languageGiven: boolean;
}

/** HR's confirmation, in HR's language: where the poll goes, until when, in which language, and when the reminders come. */
export function pollStartedCard(vm: PollStartedView, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.started.title')),
    factSet([
      // Facts are Markdown in Teams: the team names are escaped, shown as they are.
      { title: t('pulse.started.teams'), value: escapeMarkdown(truncate(vm.teams.join(', '), 600)) },
      { title: t('pulse.started.closes'), value: vm.closesLabel },
      { title: t('pulse.started.delivery'), value: vm.delivery === 'private' ? t('pulse.started.deliveryPrivate') : t('pulse.started.deliveryChannel') },
      { title: t('pulse.started.reminders'), value: vm.reminders.length ? vm.reminders.join(', ') : t('pulse.started.noReminders') },
      { title: t('pulse.started.language'), value: t(`pulse.started.languageName.${vm.language}`) },
    ]),
    // HR's own language need not be their teams': a poll started without naming one is in the organisation's.
    ...(vm.languageGiven ? [] : [subtle(t('pulse.started.languageHint', { other: vm.language === 'nl' ? 'en' : 'nl' }))]),
    ...(vm.privateNudges ? [textBlock(t('pulse.started.nudges'))] : []),
    ...(vm.generalInstead.length ? [plainText(t('pulse.started.generalInstead', { teams: truncate(vm.generalInstead.join(', '), 400) }), { color: 'Warning' })] : []),
    subtle(t('pulse.started.sending')),
  ]);
}
