import { agendaRevisionOf, Cycle } from '../../domain/week-cycle/cycle';
import { Framework } from '../../domain/framework/framework';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, Element, execute, heading, refusalNotice, submittedNumber, submittedText, textBlock, withFieldError } from './card-kit';
import { RefusedForm } from '../features/week-cycle/refusal-forms';

/** The agenda stored now, read only, above a choice it beat: for the member to compare. */
function storedNow(cycle: Cycle, t: Translate): Element {
  return container(
    [
      textBlock(t('agenda.storedNow'), { weight: 'Bolder' }),
      ...cycle.agenda.map((d) => textBlock(`${t('cycle.day', { day: d.day })}: ${d.questionIds.join(', ')}`, { size: 'Small', spacing: 'None' })),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * The group chooses which questions it takes on each day of this cycle; a refused choice comes
 * back as entered. The save carries the agenda revision the card showed: refused for a field it
 * keeps that one; refused because another member saved meanwhile it shows theirs and stands on it.
 */
export function agendaCard(groupId: string, cycle: Cycle, framework: Framework, t: Translate, refused?: RefusedForm): AdaptiveCardJson {
  const choices = framework.questions.map((q) => ({ title: `${q.id}. ${q.text}`, value: String(q.id) }));
  const conflict = refused?.changedMeanwhile === true;
  const rev = refused && !conflict ? submittedNumber(refused.values, 'rev') : agendaRevisionOf(cycle);
  return adaptiveCard(
    [
      heading(t('agenda.title', { week: cycle.weekNumber })),
      ...(conflict ? [refusalNotice(t('agenda.changedMeanwhile')), storedNow(cycle, t)] : refused ? [refusalNotice(t('weekCycleForm.notice'))] : []),
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
    [execute(t('agenda.save'), 'saveAgenda', { groupId, cycleId: cycle.id, ...(rev === undefined ? {} : { rev }) }, { style: 'positive' })],
  );
}
