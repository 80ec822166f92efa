import { Translate } from '../../i18n/i18n';
import { SummaryView } from '../../usecases/week-cycle/summary-view';
import { formatAverage } from './format';
import { actionSet, adaptiveCard, AdaptiveCardJson, container, Element, escapeMarkdown, execute, RichTextBlock, factSet, heading, plainText, subtle, textBlock, truncate } from './card-kit';

const ANSWER_LENGTH = 1200;

/** A published average, or that there were too few answers: never a count beside the figure. */
function energyFact(label: string, e: SummaryView['energyIn'], view: SummaryView, t: Translate) {
  return { title: label, value: e.status === 'published' ? t('summary.energyValue', { average: formatAverage(e.average, view.language) }) : t('summary.energyHidden') };
}

/** Posted when a session ends: answers, the proposal and its validation, the first step, what's next. */
export function sessionSummaryCard(view: SummaryView, groupId: string, t: Translate): AdaptiveCardJson {
  const body: Element[] = [
    heading(view.weekly ? t('summary.weeklyTitle', { group: escapeMarkdown(view.groupName), week: view.weekNumber }) : t('summary.title', { group: escapeMarkdown(view.groupName), week: view.weekNumber, day: view.day, title: view.dayTitle })),
    factSet([
      { title: t(view.weekly ? 'summary.weekAttendees' : 'summary.attendees'), value: String(view.attendeeCount) },
      energyFact(t(view.weekly ? 'summary.weekEnergyIn' : 'summary.energyIn'), view.energyIn, view, t),
      energyFact(t(view.weekly ? 'summary.weekEnergyOut' : 'summary.energyOut'), view.energyOut, view, t),
    ]),
  ];
  const proposalPart: Element[] = [];
  if (view.aiDraft && !view.decision) {
    proposalPart.push(container([textBlock(t('proposal.aiLabel'), { weight: 'Bolder' }), plainText(truncate(view.aiDraft.proposal, ANSWER_LENGTH))], { style: 'warning' }));
  }
  if (view.earlierJudgements) proposalPart.push(subtle(t('summary.earlierJudgements', { count: view.earlierJudgements })));
  if (view.judgements.length) {
    proposalPart.push(
      textBlock(t('validation.judgementsTitle'), { weight: 'Bolder', spacing: 'Medium' }),
      ...view.judgements.map((j): RichTextBlock => ({
        type: 'RichTextBlock',
        inlines: [
          { type: 'TextRun', text: `${j.memberName} · ${t(`opinion.${j.opinion}`)}: `, weight: 'Bolder' },
          { type: 'TextRun', text: truncate(j.reason, 300) },
        ],
      })),
    );
  }
  if (view.decision) {
    const d = view.decision;
    proposalPart.push(
      container(
        [
          textBlock(t('validation.decided', { verdict: t(`verdict.${d.verdict}`) }), { weight: 'Bolder' }),
          ...(d.reason ? [textBlock(t('validation.because'), { weight: 'Bolder', spacing: 'Small' }), plainText(truncate(d.reason, ANSWER_LENGTH))] : []),
          // An AI draft adopted as it is keeps saying it is the AI's text; words the group adapted from it say so.
          ...(d.text ? [textBlock(t(view.aiAdopted ? 'validation.adoptedAi' : view.aiAdapted ? 'validation.adaptedFromAi' : 'validation.adopted'), { weight: 'Bolder', spacing: 'Small' }), plainText(truncate(d.text, ANSWER_LENGTH))] : []),
          ...(d.firstStep ? [textBlock(t('validation.firstStep'), { weight: 'Bolder', spacing: 'Small' }), plainText(truncate(d.firstStep, ANSWER_LENGTH))] : []),
          // An adopted or adapted proposal may go to L&O, on behalf of the group: the press shows what L&O will see first.
          ...(view.shareWithLo ? [actionSet([execute(t('proposalToLo.button'), 'previewProposalToLo', { groupId, proposalId: view.shareWithLo.proposalId }, { associatedInputs: 'none' })])] : []),
        ],
        { style: 'emphasis', spacing: 'Medium' },
      ),
    );
  }
  // The proposal, its judgements and the decision follow the proposal question, before the broader ones.
  let placed = false;
  for (const a of view.answers) {
    if (!placed && view.decisionAfterQuestion !== undefined && a.question.id > view.decisionAfterQuestion) {
      body.push(...proposalPart);
      placed = true;
    }
    body.push(textBlock(t('question.heading', { id: a.question.id, text: a.question.text }), { weight: 'Bolder', spacing: 'Medium' }), plainText(truncate(a.text, ANSWER_LENGTH)), subtle(t('question.contributors', { names: a.contributorNames.map(escapeMarkdown).join(', ') })));
  }
  if (!placed) body.push(...proposalPart);
  if (view.unfinished.length) {
    body.push(textBlock(t('summary.unfinished', { count: view.unfinished.length, questions: view.unfinished.map((q) => q.id).join(', ') }), { color: 'Attention', spacing: 'Medium' }));
  }
  const next =
    view.next.kind === 'day' ? t('summary.nextDay', { day: view.next.day, title: view.next.title }) : view.next.kind === 'resume' ? t('summary.nextResume') : t('summary.nextCycle');
  body.push(textBlock(next, { spacing: 'Medium' }));
  const action = view.next.kind === 'newCycle' ? execute(t('cycle.startNext', { week: view.weekNumber + 1 }), 'startCycle', { groupId, week: view.weekNumber + 1 }, { associatedInputs: 'none' }) : execute(t('session.startNow'), 'startSession', { groupId, cycleId: view.cycleId }, { associatedInputs: 'none' });
  return adaptiveCard(body, [action]);
}
