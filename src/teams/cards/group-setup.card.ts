import { GroupSettings, Member } from '../../domain/week-cycle/group';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from './card-kit';

export const TIME_ZONES = ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'America/Paramaribo', 'America/Curacao', 'UTC'];

export interface GroupSetupView {
  roster: Member[];
  current: GroupSettings;
}

/** Setup of a group: name, members from the chat's roster, session days, time, language, weeks. */
export function groupSetupCard(view: GroupSetupView, t: Translate): AdaptiveCardJson {
  const { current } = view;
  const zones = TIME_ZONES.includes(current.schedule.timeZone) ? TIME_ZONES : [current.schedule.timeZone, ...TIME_ZONES];
  return adaptiveCard(
    [
      heading(t('setup.title')),
      textBlock(t('setup.intro')),
      { type: 'Input.Text', id: 'name', label: t('setup.name'), value: current.name, maxLength: 120, isRequired: true, errorMessage: t('setup.nameError') },
      {
        type: 'Input.ChoiceSet',
        id: 'members',
        label: t('setup.members'),
        isMultiSelect: true,
        style: 'expanded',
        choices: view.roster.map((m) => ({ title: m.name, value: m.id })),
        value: current.members.map((m) => m.id).join(','),
        isRequired: true,
        errorMessage: t('setup.membersError'),
      },
      {
        type: 'Input.ChoiceSet',
        id: 'days',
        label: t('setup.days'),
        isMultiSelect: true,
        style: 'expanded',
        choices: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: t(`weekday.${d}`), value: String(d) })),
        value: current.schedule.days.join(','),
        isRequired: true,
        errorMessage: t('setup.daysError'),
      },
      { type: 'Input.Time', id: 'startTime', label: t('setup.startTime'), value: current.schedule.startTime, isRequired: true },
      { type: 'Input.ChoiceSet', id: 'timeZone', label: t('setup.timeZone'), choices: zones.map((z) => ({ title: z, value: z })), value: current.schedule.timeZone },
      {
        type: 'Input.ChoiceSet',
        id: 'language',
        label: t('setup.language'),
        choices: [
          { title: 'Nederlands', value: 'nl' },
          { title: 'English', value: 'en' },
        ],
        value: current.language,
      },
      { type: 'Input.Number', id: 'weeks', label: t('setup.weeks'), min: 1, max: 52, value: current.plannedWeeks, isRequired: true, errorMessage: t('setup.weeksError') },
    ],
    [execute(t('setup.save'), 'saveSetup', {}, { style: 'positive' })],
  );
}
