import { Cycle } from '../../domain/week-cycle/cycle';
import { Framework } from '../../domain/framework/framework';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from './card-kit';

/** The group chooses which questions it takes on each day of this cycle. */
export function agendaCard(groupId: string, cycle: Cycle, framework: Framework, t: Translate): AdaptiveCardJson {
  const choices = framework.questions.map((q) => ({ title: `${q.id}. ${q.text}`, value: String(q.id) }));
  return adaptiveCard(
    [
      heading(t('agenda.title', { week: cycle.weekNumber })),
      textBlock(t('agenda.intro')),
      ...cycle.agenda.map((d) => ({
        type: 'Input.ChoiceSet',
        id: `day${d.day}`,
        label: `${t('cycle.day', { day: d.day })}: ${framework.days.find((x) => x.day === d.day)?.title ?? ''}`,
        isMultiSelect: true,
        choices,
        value: d.questionIds.join(','),
      })),
    ],
    [execute(t('agenda.save'), 'saveAgenda', { groupId, cycleId: cycle.id }, { style: 'positive' })],
  );
}
