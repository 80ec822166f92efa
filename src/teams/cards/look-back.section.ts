import { FIRST_STEP_STATUSES, firstStepSeen, MAX_REASON_LENGTH } from '../../domain/proposal/proposal';
import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, holding, plainText, submittedText, subtle, textBlock, withFieldError } from './card-kit';
import { unitCeiling } from '../../domain/shared/text';

/**
 * Transfer to practice: the week opens by asking what became of last week's first step. Once
 * the group told, the card shows it (and anyone may change it).
 */
export function lookBackSection(view: SessionView, t: Translate): Element[] {
  const lb = view.lookBack;
  if (!lb) return [];
  const items: Element[] = [textBlock(t('lookBack.title'), { weight: 'Bolder' }), plainText(lb.firstStep)];
  if (lb.outcome) {
    items.push(textBlock(t('lookBack.told', { status: t(`lookBack.status.${lb.outcome.status}`) }), { weight: 'Bolder', spacing: 'Small' }), plainText(lb.outcome.note));
  }
  if (view.session.status === 'open' && (!lb.outcome || view.viewer)) {
    const errors = view.refused?.errors ?? {};
    const kept = (id: string, fallback: string) => submittedText(view.refused?.values, id) ?? fallback;
    items.push(
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'firstStepStatus', style: 'expanded', label: t('lookBack.question'), choices: FIRST_STEP_STATUSES.map((s) => ({ title: t(`lookBack.status.${s}`), value: s })), value: kept('firstStepStatus', lb.outcome?.status ?? '') },
        errors.firstStepStatus,
      ),
      ...withFieldError({ type: 'Input.Text', id: 'firstStepNote', label: t('lookBack.note'), isMultiline: true, ...holding(unitCeiling(MAX_REASON_LENGTH), kept('firstStepNote', lb.outcome?.note ?? '')) }, errors.firstStepNote),
      actionSet([execute(t(lb.outcome ? 'lookBack.update' : 'lookBack.save'), 'lookBackOnFirstStep', { groupId: view.groupId, sessionId: view.session.id, proposalId: lb.proposalId, seen: firstStepSeen(lb.outcome), k: view.actionKey })]),
    );
  } else if (!lb.outcome) {
    items.push(subtle(t('question.personalRefresh')));
  }
  return [container(items, { style: 'emphasis', spacing: 'Medium' })];
}
