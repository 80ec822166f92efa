import { Cycle } from '../../domain/week-cycle/cycle';
import { Framework } from '../../domain/framework/framework';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, refusalNotice, submittedText, textBlock, withFieldError } from './card-kit';
import { RefusedForm } from '../features/week-cycle/refusal-forms';

/** The group chooses which questions it takes on each day of this cycle; a refused choice comes back as entered. */
export function agendaCard(groupId: string, cycle: Cycle, framework: Framework, t: Translate, refused?: RefusedForm): AdaptiveCardJson {
  const choices = framework.questions.map((q) => ({ title: `${q.id}. ${q.text}`, value: String(q.id) }));
  return adaptiveCard(
    [
      heading(t('agenda.title', { week: cycle.weekNumber })),
      ...(refused ? [refusalNotice(t('weekCycleForm.notice'))] : []),
      textBlock(t('agenda.intro')),
      ...cycle.agenda.flatMap((d) =>
        withFieldError(
          {
            type: 'Input.ChoiceSet',
            id: `day${d.day}`,
            label: `${t('cycle.day', { day: d.day })}: ${framework.days.find((x) => x.day === d.day)?.title ?? ''}`,
            isMultiSelect: true,
            choices,
            value: submittedText(refused?.values, `day${d.day}`) ?? d.questionIds.join(','),
          },
          refused?.errors[`day${d.day}`],
        ),
      ),
    ],
    [execute(t('agenda.save'), 'saveAgenda', { groupId, cycleId: cycle.id }, { style: 'positive' })],
  );
}
