import { DraftFailure } from '../../domain/proposal/proposal-draft';
import { Translate } from '../../i18n/i18n';
import { AgendaItem, SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, plainText, subtle, textBlock } from './card-kit';
import { groupQuestionSection } from './question.section';
import { questionNumbers } from './question-numbers';

/**
 * Failures that may pass by themselves (Azure busy or slow, a malformed or overlong answer, a draft
 * that named someone of the group, which another draft need not): worth asking again.
 * Not the content filter's stop or the model's refusal: the same answers would meet it again.
 */
const MAY_PASS: readonly DraftFailure[] = ['rate-limited', 'timeout', 'unavailable', 'invalid-output', 'too-long', 'names-a-person'];

/**
 * The AI state as the card tells it. `failed: not-configured` was stored by a press while AI was off
 * (on this instance before a restart, or on another one); with AI on now it is no draft yet, which
 * the group may ask for (found in review, stop 67: the card kept saying AI was off, with no button).
 */
function aiAsTold(view: SessionView): NonNullable<SessionView['proposal']>['ai'] {
  const ai = view.proposal?.ai ?? { status: 'none' };
  return view.aiEnabled && ai.status === 'failed' && ai.reason === 'not-configured' ? { status: 'none' } : ai;
}

function bulletList(title: string, items: string[]): Element[] {
  return [textBlock(title, { weight: 'Bolder', spacing: 'Small' }), ...items.map((i) => plainText(`• ${i}`))];
}

/** Question 6: the AI draft, labelled as such, and the group's own comments underneath. */
export function proposalSection(view: SessionView, item: AgendaItem, t: Translate): Element[] {
  const ai = aiAsTold(view);
  const open = view.session.status === 'open';
  const decided = !!view.proposal?.decision;
  const judged = !!view.proposal?.judgements.length && !decided;
  const block: Element[] = [];
  if (ai.status === 'drafted') {
    block.push(
      container(
        [
          textBlock(t('proposal.aiLabel'), { weight: 'Bolder' }),
          plainText(ai.draft.proposal),
          ...bulletList(t('proposal.assumptions'), ai.draft.assumptions),
          ...bulletList(t('proposal.risks'), ai.draft.risks),
          ...bulletList(t('proposal.questionsToCheck'), ai.draft.questionsToCheck),
        ],
        { style: 'warning', spacing: 'Medium' },
      ),
      textBlock(t('proposal.judgeIt')),
    );
  } else if (ai.status === 'drafting' && !view.proposal?.decision) {
    block.push(textBlock(t('proposal.working'), { weight: 'Bolder' }), subtle(t('proposal.workingHint')));
  } else if (!view.aiEnabled) {
    // Also over an earlier failure: its "ask again" would meet AI off here.
    block.push(textBlock(t('proposal.failed.not-configured'), { color: 'Attention' }), textBlock(t('proposal.ownInstead')));
  } else if (ai.status === 'failed') {
    block.push(textBlock(t(`proposal.failed.${ai.reason}`), { color: 'Attention' }), textBlock(t('proposal.ownInstead')));
    if (open && !judged && !decided && MAY_PASS.includes(ai.reason)) {
      block.push(actionSet([execute(t('proposal.askAgain'), 'draftProposal', { groupId: view.groupId, sessionId: view.session.id, k: view.actionKey }, { associatedInputs: 'none' })]));
    }
  } else if (open && decided) {
    // The group decided on its proposal (question 7): an AI draft now would come after the fact.
    block.push(textBlock(t('proposal.decidedNoDraft')));
  } else if (open && judged) {
    // The group already judges its own proposal: an AI draft now would replace the text it judges.
    block.push(textBlock(t('proposal.judgingBegun')));
  } else if (open) {
    block.push(
      textBlock(ai.status === 'stalled' ? t('proposal.stalled') : t('proposal.explain', { questions: questionNumbers(view.draftSources, view.language, t) })),
      actionSet([execute(t('proposal.ask'), 'draftProposal', { groupId: view.groupId, sessionId: view.session.id, k: view.actionKey }, { associatedInputs: 'none', style: 'positive' })]),
    );
  }
  // Without an AI draft, what is added here is the proposal the members judge: say that it asks for their judgement again.
  const changesJudged = open && judged && ai.status !== 'drafted' ? [subtle(t('proposal.changesJudged'))] : [];
  return [...block, textBlock(t('proposal.commentsTitle'), { weight: 'Bolder', spacing: 'Medium' }), ...changesJudged, ...groupQuestionSection(view, item, t)];
}
