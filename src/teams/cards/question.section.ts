import { LEARNING_NEED_QUESTION_ID } from '../../domain/learning-needs/learning-need';
import { MAX_CONTRIBUTION_LENGTH } from '../../domain/week-cycle/session';
import { MAX_PERSONAL_ANSWER_LENGTH } from '../../domain/personal/personal-answer';
import { Translate } from '../../i18n/i18n';
import { AgendaItem, SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, list, plainText, richText, submittedText, subtle, textBlock, textRun, truncate, withFieldError } from './card-kit';
import { unitCeiling } from '../../domain/shared/text';

/** Keeps the card well inside Teams' size limit however much a group writes. */
const SHOWN_CONTRIBUTIONS = 12;
const SHOWN_LENGTH = 600;
const BOLDER = Object.freeze({ weight: 'Bolder' as const });

function contributions(item: AgendaItem, t: Translate): Element[] {
  if (item.contributions.length === 0) return [subtle(t('question.noAnswerYet'))];
  const hidden = item.contributions.length - SHOWN_CONTRIBUTIONS;
  // Built with card-kit's helpers, which leave no allocation site to pretenure (see card-kit).
  const shown: Element[] = item.contributions.slice(-SHOWN_CONTRIBUTIONS).map((c) => richText(textRun(`${c.authorName}: `, BOLDER), textRun(truncate(c.text, SHOWN_LENGTH))));
  // Each shown answer carries its author; the summary, which has no author per answer, lists the contributors.
  return hidden > 0 ? list<Element>(subtle(t('question.earlier', { count: hidden }))).concat(shown) : shown;
}

/** What the member typed for this question when it was refused (and why) or when they refreshed. */
function refusedHere(view: SessionView, item: AgendaItem): { text?: string; error?: string } | undefined {
  const r = view.refused;
  if (!r || Number(r.values.questionId) !== item.question.id) return undefined;
  return { text: submittedText(r.values, 'text'), error: r.errors.text };
}

/** A group question: one shared answer that every member adds to. */
export function groupQuestionSection(view: SessionView, item: AgendaItem, t: Translate): Element[] {
  const open = view.session.status === 'open';
  const section = list<Element>(container(contributions(item, t), { spacing: 'Medium' }));
  if (!open) return section;
  return section.concat(
    withFieldError(
      { type: 'Input.Text', id: 'text', isMultiline: true, maxLength: Math.max(unitCeiling(MAX_CONTRIBUTION_LENGTH), refusedHere(view, item)?.text?.length ?? 0), placeholder: t('question.addPlaceholder'), label: t('question.addLabel'), value: refusedHere(view, item)?.text ?? '' },
      refusedHere(view, item)?.error,
    ),
    actionSet(list(execute(t('question.add'), 'contribute', { groupId: view.groupId, sessionId: view.session.id, questionId: item.question.id, k: view.actionKey }))),
  );
}

/** A personal question: each member's own answer, visible only in their own view of the card. */
export function personalQuestionSection(view: SessionView, item: AgendaItem, t: Translate): Element[] {
  // Shared with her manager (on her overview, the tab): "only you see this" would be untrue over words that reach them.
  const shared = !!view.viewer?.sharedAnswers?.includes(item.question.id);
  const note = shared ? textBlock(t('question.personalNoteShared'), { weight: 'Bolder' }) : subtle(t('question.personalNote'));
  if (!view.viewer) return view.session.status === 'open' ? [note, textBlock(t('question.personalRefresh'), { isSubtle: true })] : [note];
  const own = view.viewer.personalAnswers[item.question.id];
  if (view.session.status !== 'open') return [note, ...(own ? [plainText(own)] : [])];
  return [
    note,
    ...withFieldError({ type: 'Input.Text', id: 'text', isMultiline: true, maxLength: Math.max(unitCeiling(MAX_PERSONAL_ANSWER_LENGTH), (refusedHere(view, item)?.text ?? own ?? '').length), value: refusedHere(view, item)?.text ?? own ?? '', label: t('question.personalLabel') }, refusedHere(view, item)?.error),
    // Saved: say so in words, not only by the button's new title (issue 14: "only the button text changes").
    ...(own && (refusedHere(view, item)?.text ?? own) === own && !refusedHere(view, item)?.error ? [textBlock(t(shared ? 'question.personalSavedShared' : 'question.personalSaved'), { weight: 'Bolder', spacing: 'Small' })] : []),
    actionSet([
      execute(own ? t('question.personalUpdate') : t('question.personalSave'), 'answerPersonal', { groupId: view.groupId, sessionId: view.session.id, questionId: item.question.id, ...(own ? { had: 1 } : {}), k: view.actionKey }),
      // The member's own choice to pass the learning need on to L&O, anonymously (its own card).
      ...(own && item.question.id === LEARNING_NEED_QUESTION_ID
        ? [execute(t('question.learningNeedOpen'), 'openLearningNeed', { groupId: view.groupId, sessionId: view.session.id, questionId: item.question.id }, { associatedInputs: 'none' })]
        : []),
    ]),
  ];
}
