import { VERDICTS } from '../../domain/proposal/proposal';
import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, plainText, subtle, textBlock } from './card-kit';

function verdictChoices(t: Translate) {
  return VERDICTS.map((v) => ({ title: t(`verdict.${v}`), value: v }));
}

/** Question 7: each member judges (with a reason), then the group decides and names a first step. */
export function validationSection(view: SessionView, t: Translate): Element[] {
  const p = view.proposal;
  if (!p) return [textBlock(t('validation.noProposal'))];
  const open = view.session.status === 'open';
  const judged: Element[] = p.judgements.length
    ? p.judgements.map((j) => ({
        type: 'RichTextBlock',
        inlines: [
          { type: 'TextRun', text: `${j.memberName} (${t(`verdict.${j.verdict}`)}): `, weight: 'Bolder' },
          { type: 'TextRun', text: j.reason },
        ],
      }))
    : [subtle(t('validation.noJudgements'))];
  const out: Element[] = [textBlock(t('validation.judgementsTitle'), { weight: 'Bolder' }), ...judged];
  if (p.decision) {
    out.push(
      container(
        [
          textBlock(t('validation.decided', { verdict: t(`verdict.${p.decision.verdict}`) }), { weight: 'Bolder', color: 'Good' }),
          plainText(p.decision.text),
          ...(p.decision.firstStep ? [textBlock(t('validation.firstStep'), { weight: 'Bolder' }), plainText(p.decision.firstStep)] : []),
        ],
        { style: 'good', spacing: 'Medium' },
      ),
    );
    return out;
  }
  if (!open) return out;
  if (view.viewer) {
    out.push(
      container(
        [
          textBlock(t('validation.yourJudgement'), { weight: 'Bolder' }),
          { type: 'Input.ChoiceSet', id: 'verdict', style: 'expanded', choices: verdictChoices(t), value: view.viewer.judgement?.verdict ?? '' },
          { type: 'Input.Text', id: 'reason', label: t('validation.reason'), isMultiline: true, maxLength: 1000, value: view.viewer.judgement?.reason ?? '' },
          actionSet([execute(t('validation.saveJudgement'), 'judgeProposal', { groupId: view.groupId, sessionId: view.session.id, proposalId: p.id, k: view.actionKey })]),
        ],
        { style: 'emphasis', spacing: 'Medium' },
      ),
    );
  } else {
    out.push(subtle(t('question.personalRefresh')));
  }
  const adopted = p.ai.status === 'drafted' ? p.ai.draft.proposal : p.ownProposal;
  out.push(
    container(
      [
        textBlock(t('validation.groupDecision'), { weight: 'Bolder' }),
        { type: 'Input.ChoiceSet', id: 'decision', choices: verdictChoices(t), value: 'accept', label: t('validation.decision') },
        { type: 'Input.Text', id: 'adoptedText', label: t('validation.adoptedText'), isMultiline: true, maxLength: 4000, value: adopted.slice(0, 4000) },
        { type: 'Input.Text', id: 'firstStep', label: t('validation.firstStepLabel'), isMultiline: true, maxLength: 1000 },
        actionSet([execute(t('validation.decide'), 'decideProposal', { groupId: view.groupId, sessionId: view.session.id, proposalId: p.id, k: view.actionKey }, { style: 'positive' })]),
      ],
      { spacing: 'Medium', separator: true },
    ),
  );
  return out;
}
