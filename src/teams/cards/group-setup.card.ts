import { GroupSettings, Member } from '../../domain/week-cycle/group';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, Input, heading, refusalNotice, submittedText, textBlock, withFieldError } from './card-kit';
import { RefusedForm } from '../features/week-cycle/refusal-forms';

/** The zones a form offers besides the one it starts from (the group's or the organisation's). */
const TIME_ZONES = ['Europe/Amsterdam', 'Europe/Brussels', 'Europe/London', 'Europe/Paris', 'Europe/Berlin', 'America/Paramaribo', 'America/Curacao', 'UTC'];

/** The time zones to choose from: `current` first, then the others. */
export function timeZoneChoices(current: string): string[] {
  return [current, ...TIME_ZONES.filter((z) => z !== current)];
}

export interface GroupSetupView {
  roster: Member[];
  current: GroupSettings;
}

/**
 * Setup of a group: name, members from the chat's roster, session days, time, language, weeks.
 * After a refused save it comes back with what was entered and the reason next to the field.
 */
export function groupSetupCard(view: GroupSetupView, t: Translate, refused?: RefusedForm): AdaptiveCardJson {
  const { current } = view;
  const zones = timeZoneChoices(current.schedule.timeZone);
  const value = (id: string, fallback: string) => submittedText(refused?.values, id) ?? fallback;
  const err = (id: string) => refused?.errors[id];
  const field = (input: Input) => withFieldError(input, err(String(input.id)));
  return adaptiveCard(
    [
      heading(t('setup.title')),
      ...(refused ? [refusalNotice(t('weekCycleForm.notice'))] : []),
      textBlock(t('setup.intro')),
      ...field({ type: 'Input.Text', id: 'name', label: t('setup.name'), value: value('name', current.name), maxLength: 120, isRequired: true, errorMessage: t('setup.nameError') }),
      ...field({
        type: 'Input.ChoiceSet',
        id: 'members',
        label: t('setup.members'),
        isMultiSelect: true,
        style: 'expanded',
        choices: view.roster.map((m) => ({ title: m.name, value: m.id })),
        value: value('members', current.members.map((m) => m.id).join(',')),
        isRequired: true,
        errorMessage: t('setup.membersError'),
      }),
      ...field({
        type: 'Input.ChoiceSet',
        id: 'days',
        label: t('setup.days'),
        isMultiSelect: true,
        style: 'expanded',
        choices: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: t(`weekday.${d}`), value: String(d) })),
        value: value('days', current.schedule.days.join(',')),
        isRequired: true,
        errorMessage: t('setup.daysError'),
      }),
      ...field({ type: 'Input.Time', id: 'startTime', label: t('setup.startTime'), value: value('startTime', current.schedule.startTime), isRequired: true, errorMessage: t('weekCycleForm.startTime') }),
      ...field({ type: 'Input.ChoiceSet', id: 'timeZone', label: t('setup.timeZone'), choices: zones.map((z) => ({ title: z, value: z })), value: value('timeZone', current.schedule.timeZone) }),
      ...field({
        type: 'Input.ChoiceSet',
        id: 'language',
        label: t('setup.language'),
        choices: [
          { title: 'Nederlands', value: 'nl' },
          { title: 'English', value: 'en' },
        ],
        value: value('language', current.language),
      }),
      ...field({ type: 'Input.Number', id: 'weeks', label: t('setup.weeks'), min: 1, max: 52, value: Number(value('weeks', String(current.plannedWeeks))) || current.plannedWeeks, isRequired: true, errorMessage: t('setup.weeksError') }),
    ],
    [execute(t('setup.save'), 'saveSetup', {}, { style: 'positive' })],
  );
}
