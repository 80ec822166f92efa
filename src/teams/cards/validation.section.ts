import { OPINIONS, VERDICTS } from '../../domain/proposal/proposal';
import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, plainText, submittedText, subtle, textBlock, withFieldError } from './card-kit';

type ProposalView = NonNullable<SessionView['proposal']>;

/** "5 aanwezigen", "1 aanwezige": the members present, for the judgement counts. */
function present(p: ProposalView, t: Translate): string {
  return t('validation.present', { count: p.present });
}

function judgementList(p: ProposalView, t: Translate): Element[] {
  if (!p.judgements.length) return [subtle(t('validation.noJudgements'))];
  return p.judgements.map((j) => ({
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${j.memberName} · ${t(`opinion.${j.opinion}`)}: `, weight: 'Bolder' },
      { type: 'TextRun', text: j.reason },
    ],
  }));
}

/** The decision as recorded: what, why, the first step, and how the members had judged. No one is named as its maker. */
function decided(p: ProposalView, t: Translate): Element {
  const d = p.decision!;
  return container(
    [
      textBlock(t('validation.decided', { verdict: t(`verdict.${d.verdict}`) }), { weight: 'Bolder' }),
      ...(d.reason ? [textBlock(t('validation.because'), { weight: 'Bolder', spacing: 'Small' }), plainText(d.reason)] : []),
      ...(d.text ? [textBlock(t('validation.adopted'), { weight: 'Bolder', spacing: 'Small' }), plainText(d.text)] : []),
      ...(d.firstStep ? [textBlock(t('validation.firstStep'), { weight: 'Bolder', spacing: 'Small' }), plainText(d.firstStep)] : []),
      subtle(t('validation.judgedAtDecision', { agree: d.judged?.agree ?? 0, doubt: d.judged?.doubt ?? 0, disagree: d.judged?.disagree ?? 0 })),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/** A refused judgement or decision keeps what the member entered, with the reason next to it. */
function kept(view: SessionView, id: string, fallback = ''): string {
  return submittedText(view.refused?.values, id) ?? fallback;
}

function judgementForm(view: SessionView, p: ProposalView, t: Translate): Element {
  const own = view.viewer?.judgement;
  const errors = view.refused?.errors ?? {};
  return container(
    [
      textBlock(t('validation.yourJudgement'), { weight: 'Bolder' }),
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'opinion', style: 'expanded', label: t('validation.opinion'), choices: OPINIONS.map((o) => ({ title: t(`opinion.${o}`), value: o })), value: kept(view, 'opinion', own?.opinion ?? '') },
        errors.opinion,
      ),
      ...withFieldError({ type: 'Input.Text', id: 'reason', label: t('validation.reason'), isMultiline: true, maxLength: 1000, value: kept(view, 'reason', own?.reason ?? '') }, errors.reason),
      actionSet([execute(t(own ? 'validation.updateJudgement' : 'validation.saveJudgement'), 'judgeProposal', { groupId: view.groupId, sessionId: view.session.id, proposalId: p.id, k: view.actionKey })]),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * The group's decision: only once enough of those present judged, with no choice made in
 * advance and the AI's text never offered as the group's words. The proposal is shown as it
 * stands; adapting means writing it in the group's own words.
 */
function decisionForm(view: SessionView, p: ProposalView, t: Translate): Element[] {
  const missing = p.needed - p.judgements.length;
  const errors = view.refused?.errors ?? {};
  if (missing > 0) {
    return [subtle(t('validation.waitingForJudgements', { quorum: t('validation.quorum', { count: p.needed, present: present(p, t) }), count: missing })), ...(errors.decision ? [textBlock(errors.decision, { color: 'Attention', weight: 'Bolder', size: 'Small' })] : [])];
  }
  const text = p.ai.status === 'drafted' ? p.ai.draft.proposal : p.ownProposal;
  return [
    container(
      [
        textBlock(t('validation.groupDecision'), { weight: 'Bolder' }),
        subtle(t('validation.decisionIntro', { count: p.judgements.length })),
        textBlock(p.ai.status === 'drafted' ? t('validation.theProposalAi') : t('validation.theProposalOwn'), { weight: 'Bolder', spacing: 'Small' }),
        text ? plainText(text) : subtle(t('validation.noProposalText')),
        ...withFieldError(
          { type: 'Input.ChoiceSet', id: 'decision', style: 'expanded', label: t('validation.decision'), choices: VERDICTS.map((v) => ({ title: t(`validation.choice.${v}`), value: v })), value: kept(view, 'decision') },
          errors.decision,
        ),
        ...withFieldError({ type: 'Input.Text', id: 'decisionReason', label: t('validation.decisionReason'), isMultiline: true, maxLength: 1000, value: kept(view, 'decisionReason') }, errors.decisionReason),
        ...withFieldError({ type: 'Input.Text', id: 'adoptedText', label: t('validation.ownWords'), isMultiline: true, maxLength: 4000, value: kept(view, 'adoptedText') }, errors.adoptedText),
        ...withFieldError({ type: 'Input.Text', id: 'firstStep', label: t('validation.firstStepLabel'), isMultiline: true, maxLength: 1000, value: kept(view, 'firstStep') }, errors.firstStep),
        actionSet([execute(t('validation.decide'), 'decideProposal', { groupId: view.groupId, sessionId: view.session.id, proposalId: p.id, k: view.actionKey }, { style: 'positive' })]),
      ],
      { spacing: 'Medium', separator: true },
    ),
  ];
}

/** Question 7: each member judges (agree, doubt, disagree, with a reason); then the group decides explicitly. */
export function validationSection(view: SessionView, t: Translate): Element[] {
  const p = view.proposal;
  if (!p) return [textBlock(t('validation.noProposal'))];
  const out: Element[] = [
    textBlock(t('validation.judgementsTitle'), { weight: 'Bolder' }),
    subtle(t('validation.judgedOf', { count: p.judgements.length, present: present(p, t) })),
    ...judgementList(p, t),
  ];
  if (p.decision) return [...out, decided(p, t)];
  if (view.session.status !== 'open') return out;
  out.push(view.viewer ? judgementForm(view, p, t) : subtle(t('question.personalRefresh')));
  return [...out, ...decisionForm(view, p, t)];
}
