import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { Action, adaptiveCard, AdaptiveCardJson, container, Element, escapeMarkdown, execute, extended, heading, list, refreshFor, refusalNotice, subtle, textBlock } from './card-kit';
import { energySection } from './energy.section';
import { lookBackSection } from './look-back.section';
import { teamMirrorSection } from './team-mirror.section';
import { notSavedSection } from './not-saved.section';
import { proposalSection } from './proposal.section';
import { groupQuestionSection, personalQuestionSection } from './question.section';
import { firstCardThatFits } from './card-size';
import { PROPOSAL_ALWAYS_FITS, PROPOSAL_LENGTHS, validationSection, validationTextLength } from './validation.section';

function header(view: SessionView, t: Translate): Element[] {
  const status =
    view.session.status === 'closed'
      ? t('session.closed')
      : view.session.warned
        ? t('session.warned', { count: view.minutesLeft })
        : t('session.minutesLeft', { count: view.minutesLeft });
  // Lists and elements without allocation sites: see card-kit.
  const elements = list<Element>(
    heading(t('session.title', { group: escapeMarkdown(view.groupName), week: view.weekNumber, day: view.session.day, title: view.dayTitle })),
    textBlock(status, { color: view.session.warned && view.session.status === 'open' ? 'Warning' : 'Default', weight: 'Bolder', spacing: 'None' }),
  );
  if (view.session.carriedOver.length) elements.push(subtle(t('session.carriedOver', { count: view.session.carriedOver.length, questions: view.session.carriedOver.join(', ') })));
  return elements;
}

function agendaOverview(view: SessionView, t: Translate): Element {
  return container(
    view.agenda.map((a) =>
      textBlock(`${a.index === view.session.currentIndex ? '▶' : a.answered ? '✓' : '○'} ${a.question.id}. ${a.question.text}${a.question.scope === 'personal' ? ` (${t('session.personal')})` : ''}`, {
        size: 'Small',
        spacing: 'None',
        weight: a.index === view.session.currentIndex ? 'Bolder' : 'Default',
      }),
    ),
    { spacing: 'Medium' },
  );
}

function currentQuestion(view: SessionView, t: Translate, proposalLength: number): Element[] {
  const item = view.current;
  if (!item) return [textBlock(t('session.emptyAgenda'))];
  const q = item.question;
  const intro = list<Element>(textBlock(t('question.heading', { id: q.id, text: q.text }), { size: 'Medium', weight: 'Bolder', spacing: 'Large', separator: true }), subtle(q.intent));
  if (q.kind === 'aiProposal') return intro.concat(proposalSection(view, item, t));
  if (q.kind === 'validation') return intro.concat(validationSection(view, t, proposalLength));
  if (q.scope === 'personal') return intro.concat(personalQuestionSection(view, item, t));
  return intro.concat(groupQuestionSection(view, item, t));
}

function navigation(view: SessionView, t: Translate): Action[] {
  if (view.session.status !== 'open') return [];
  const ids = sessionIds(view) as ReturnType<typeof sessionIds> & { k: string };
  ids.k = view.actionKey;
  const i = view.session.currentIndex;
  // Hosts that don't refresh automatically (more than 60 members, older clients) need a way in.
  // On their own view, a member sees the others' latest additions when they choose to (answers do
  // not edit the shared card under anyone's typing); what they typed comes along and stays.
  const current = view.current?.question.id;
  const actions = list<Action>(
    view.viewer
      ? execute(t('session.refresh'), 'refreshSession', current === undefined ? ids : extended(ids, { questionId: current }), { associatedInputs: 'auto' })
      : execute(t('session.myView'), 'refreshSession', ids, { associatedInputs: 'none' }),
  );
  // Each step names the question it starts from: pressed on a card the group has moved past, it moves nothing.
  if (i > 0) actions.push(execute(t('session.previous'), 'goTo', extended(ids, { index: i - 1, from: i }), { associatedInputs: 'none' }));
  if (i < view.agenda.length - 1) actions.push(execute(t('session.next'), 'goTo', extended(ids, { index: i + 1, from: i }), { associatedInputs: 'none', style: 'positive' }));
  actions.push(execute(t('session.end'), 'endSession', ids, { associatedInputs: 'none', style: 'destructive' }));
  return actions;
}

/** The group's and session's ids, as the actions carry them (built as card-kit builds elements). */
function sessionIds(view: SessionView): { groupId: string; sessionId: string } {
  const ids = {} as { groupId: string; sessionId: string };
  ids.groupId = view.groupId;
  ids.sessionId = view.session.id;
  return ids;
}

/**
 * The session card, shared in the chat and refreshed per member. Without `view.viewer` it is the
 * neutral version everyone may see; with it, it adds that member's own inputs and private state.
 */
export function sessionCard(view: SessionView, t: Translate): AdaptiveCardJson {
  // The rare large path only: a proposal longer than any AI draft or own words can be (everything
  // written at the proposal question, joined) is shown as long as the card stays within what Teams
  // delivers, and shortened, saying so, beyond it. Any other card is built once, not measured.
  const length = view.current?.question.kind === 'validation' ? validationTextLength(view) : 0;
  if (length <= PROPOSAL_ALWAYS_FITS) return sessionCardAs(view, t, Infinity);
  return firstCardThatFits([Infinity, ...PROPOSAL_LENGTHS.filter((l) => l < length)], (shown) => sessionCardAs(view, t, shown)).card;
}

/** The session card showing at most `proposalLength` characters of the proposal at question 7. */
function sessionCardAs(view: SessionView, t: Translate, proposalLength: number): AdaptiveCardJson {
  // Closed: what the member sent is shown to copy, not said to be "still there" in a form.
  const notSaved = notSavedSection(view, t);
  const refused = !notSaved.length && view.refused && Object.keys(view.refused.errors).length ? [refusalNotice(t('weekCycleForm.notice'))] : [];
  const movedOn = view.groupAt !== undefined && view.current ? [refusalNotice(t('weekCycleForm.groupMovedOn', { group: view.groupAt, mine: view.current.question.id }))] : [];
  // concat, not a literal with spreads: the body is a list without an allocation site (see card-kit).
  const body = notSaved.concat(refused, movedOn, header(view, t), lookBackSection(view, t), teamMirrorSection(view, t), energySection(view, t), agendaOverview(view, t), currentQuestion(view, t, proposalLength));
  const card = adaptiveCard(body, navigation(view, t));
  if (view.session.status === 'open') card.refresh = refreshFor('refreshSession', sessionIds(view), view.memberTeamsIds);
  return card;
}
