import { TurnContext } from 'botbuilder';
import { Locale, Translate } from '../../../i18n/i18n';
import { Application, TurnState } from '../../teams-ai';
import { MAX_OPEN_ANSWER, scoreInput, unscoredItems } from '../../../domain/pulse-poll/answer';
import { closePoll, findTarget, isOpenAt, Poll } from '../../../domain/pulse-poll/poll';
import { isDomainError } from '../../../domain/shared/errors';
import { overLimit, trimText } from '../../../domain/shared/text';
import { AnswerPlace, AnswerView, newerOpenPoll, submitAnswer, viewFor } from '../../../usecases/pulse-poll/answer-poll';
import { isHr } from '../../../usecases/pulse-poll/access';
import { resultsFor } from '../../../usecases/pulse-poll/poll-results';
import { pollSeenBy, pollStatus, PollViewer } from '../../../usecases/pulse-poll/poll-status';
import { ActionOutcome, CardActionContext, CardActionOptions, Drawn, drawn, onCardAction } from '../../card-actions';
import { AdaptiveCardJson, heading } from '../../cards/card-kit';
import { errorCard, pollRefusedInChannelNote } from '../../cards/error.card';
import { pollAnsweredCard } from '../../cards/pulse/pulse-answered.card';
import { pollClosedCard } from '../../cards/pulse/pulse-closed.card';
import { pollNotInvitedCard } from '../../cards/pulse/pulse-not-invited.card';
import { closedAs, displayDate } from '../../cards/pulse/pulse-format';
import { inChatWithColleague, inOwnChatWithBot, ownChatOnlyCard, ownChatOnlyOutcome } from '../../own-chat';
import { actorOf, conversationKindOf, isInvoke, tenantOf } from '../../turn';
import { inStandardChannel, teamChannelOf } from '../week-cycle/roster';
import { PulseTeamsDeps } from './pulse-deps';
import { resultsViewCard, statusCard } from './results-cards';

/**
 * The team whose own channel this is, as Teams says in the activity (never taken from card data):
 * a standard channel, read by the team's members. Teams names the host team in a shared or private
 * channel too, but other people than the team read there (a partner organisation, part of the
 * team): nobody there counts as the team for its B3 figures, as the week cycle holds (teamChannelOf).
 */
export function channelTeamOf(context: TurnContext): string | undefined {
  if (conversationKindOf(context) !== 'channel') return undefined;
  return teamChannelOf(context);
}

/** A shared or private channel: a team's figures are not shown there, HR's go to HR alone. */
export function inSharedOrPrivateChannel(context: TurnContext): boolean {
  return conversationKindOf(context) === 'channel' && !inStandardChannel(context);
}

/** Refusals of what the member filled in on the poll card (a statement without a score, a comment too long). */
const INPUT_REFUSALS: ReadonlySet<string> = new Set(['incompleteAnswer', 'invalidInput']);

/**
 * Who asks, and from which organisation: the poll id on a card is data anyone can send, so the
 * poll is held to the tenant Teams names in the activity. No tenant means no poll of anyone's.
 */
function viewerOf(context: TurnContext): PollViewer {
  return { userId: actorOf(context).id, tenantId: tenantOf(context) ?? '' };
}

/**
 * Where the answer was given, as Teams says. Only the member's own chat with the bot counts as
 * "personal": a 1:1 chat with a colleague (a "19:" id) is no place to answer a private poll in,
 * and no team's channel either (the handlers point the presser away before this is asked).
 */
function placeOf(context: TurnContext): AnswerPlace {
  if (inOwnChatWithBot(context)) return { kind: 'personal' };
  return { kind: 'channel', teamId: (context.activity.channelData as { team?: { id?: string } } | undefined)?.team?.id };
}

/**
 * The poll's card actions. Every answer goes only to the person who acted (the invoke response);
 * the shared message is never changed by an answer, so nobody sees what anyone else entered.
 */
export function registerPollCardActions(app: Application<TurnState>, deps: PulseTeamsDeps): void {
  const { pulse, translator, instruments } = deps;
  const personal = (card: AdaptiveCardJson): ActionOutcome => ({ card, personal: true });
  /**
   * An answer refused with nothing stored. On the Action.Submit fallback in a channel the member's
   * own card has no way to them alone, so `privately` tells them in their 1:1 chat, or they would
   * believe they answered. It holds none of their answers: it waits in the outbox under their name.
   * Only refusals get it: next to a tally write, a note queued for a named member would tell a
   * database reader whose answer that write was. So a stored answer (or one that may have been
   * stored as the poll closed or in a network blip, or a second try of someone who had answered)
   * stays without a note.
   * The note is drawn in the language of that chat (their chosen one, else the poll's); the
   * channel card's title and button it names stay as that card shows them.
   */
  const refused = (card: AdaptiveCardJson, privately: Drawn<AdaptiveCardJson>): ActionOutcome => ({ card, personal: true, privately });

  /** The busy refusal for the 1:1 chat: where to send the answer again (the channel card's button), without the answer. */
  const busyNote = (poll: Poll) =>
    drawn(poll.language, (t, card) => {
      const note = errorCard({ code: 'pollBusy', place: 'pollInChannel', params: { button: card('pulse.form.send') } }, t);
      return { ...note, body: [heading(instruments[poll.language].title), ...note.body] };
    });

  /**
   * The closed card, pointing to the team's newer poll where one is open: drawn in any language
   * after one read, its day too (`language` is `t`'s: "Monday 23 November" in an English note
   * about a Dutch poll, found in review, stop 58); the title stays the instrument's, as the poll.
   */
  const closedViewIn = async (poll: Poll, targetId: string, pressedInTeam: string | undefined, late?: boolean | 'unknown') => {
    const newer = await newerOpenPoll(pulse, poll, targetId, pressedInTeam);
    return (t: Translate, language: Locale) => pollClosedCard({ title: instruments[poll.language].title, closed: closedAs({ ...poll, language }), late, ...(newer ? { newer } : {}) }, t);
  };
  const closedView = async (poll: Poll, targetId: string, pressedInTeam: string | undefined, late?: boolean | 'unknown') =>
    (await closedViewIn(poll, targetId, pressedInTeam, late))(translator.t(poll.language), poll.language);

  /**
   * An answer that may or may not be stored (its write's reply and the read-back were both lost):
   * the form again, every choice kept, saying so and that sending it again shows which (already
   * answered, or stored now; never counted twice). Never an error card, which would say nothing was
   * stored, and no note for the 1:1 chat on the Submit fallback in a channel (see `refused`): the
   * channel card keeps their inputs there, to send again.
   */
  const unconfirmedForm = (poll: Poll, targetId: string, values: Record<string, unknown>, refreshId: string | undefined) =>
    deps.notifier.formCard(poll, findTarget(poll, targetId), refreshId ? [refreshId] : [], { values, errors: {}, notice: translator.t(poll.language)('pulse.form.unconfirmed') });

  /**
   * A refused answer on the Submit fallback in a channel (a statement without a score, a comment
   * too long): the card there keeps the answers, which never go into a queued card. So the note
   * for the 1:1 chat says only that nothing was stored and where to send them again: the channel
   * card's button, as that card shows it.
   */
  const refusedInChannelNote = (t: Translate, card: Translate): AdaptiveCardJson => pollRefusedInChannelNote(t, card('pulse.form.send'));

  const myView = async (poll: Poll, targetId: string, view: AnswerView, refreshId: string | undefined, extra: { state?: 'stored' | 'already'; commentLost?: boolean; late?: boolean | 'unknown'; pressedInTeam?: string; refused?: boolean } = {}) => {
    const t = translator.t(poll.language);
    const closesLabel = displayDate(poll.closesOn, poll.language);
    const target = findTarget(poll, targetId);
    const refreshUserIds = refreshId ? [refreshId] : [];
    if (view === 'answered') {
      return pollAnsweredCard({ pollId: poll.id, targetId, title: instruments[poll.language].title, closesLabel, state: extra.state ?? 'stored', commentLost: extra.commentLost, refreshUserIds }, t);
    }
    if (view === 'closed') return closedView(poll, targetId, extra.pressedInTeam, extra.late);
    if (view === 'notInvited') {
      return pollNotInvitedCard({ pollId: poll.id, targetId, title: instruments[poll.language].title, teamName: target.teamName, refused: extra.refused, refreshUserIds }, t);
    }
    return deps.notifier.formCard(poll, target, refreshUserIds);
  };

  /**
   * The poll as closed, when it no longer takes answers; else undefined. Read fresh, on a refusal
   * only (a normal answer costs its two requests). The tally is sealed before the poll says closed,
   * so an open poll's seal is checked too; then the poll is shown as it is being closed.
   */
  const closedMeanwhile = async (poll: Poll): Promise<Poll | undefined> => {
    const now = pulse.clock.now();
    if (!isOpenAt(poll, now)) return poll;
    const tally = await pulse.tallies.get(poll.id);
    return tally?.sealed ? closePoll(poll, now, pulse.timeZone) : undefined;
  };

  // A poll's refusals read in the poll's language (the actions name a poll, not a group).
  const actions: CardActionContext = {
    ...deps.actions,
    localeFor: async (context, data) => {
      // In a 1:1 chat with a colleague no poll is looked up (only where to answer, see pointToOwnCard).
      const found = typeof data.pollId === 'string' && !inChatWithColleague(context) ? await pulse.polls.get(data.pollId).catch(() => undefined) : undefined;
      // Another organisation's poll lends no language: it would tell that the id is real.
      const poll = found?.tenantId === tenantOf(context) ? found : undefined;
      return poll?.language ?? deps.actions.localeFor(context, data);
    },
  };

  /**
   * A poll card's button pressed in a 1:1 chat with a colleague (a card forwarded there, or a press
   * naming that chat): the answer is given privately on the member's own card, in their own chat
   * with the bot or their team's channel, never in a chat another person reads. Nothing is read or
   * stored, before the poll is even looked up (so a made-up id tells nothing either): only where to
   * answer, in words that name no poll, to the presser alone (the invoke's reply; on the Submit
   * fallback queued for their own chat, once per press). Storing it there and confirming it
   * elsewhere would need a note queued under their name next to the tally write, which says whose
   * answer that write was (see `refused`).
   */
  const ownCardPointer = async (context: TurnContext) => ownChatOnlyCard(translator.t(await actions.localeFor(context, {}).catch(() => deps.defaultLanguage)), 'pulse.answerOnOwnCardOnly');
  const pointToOwnCard = async (context: TurnContext) => ownChatOnlyOutcome(await ownCardPointer(context));

  /**
   * A refused answer (a statement without a score, a comment too long) comes back as the form,
   * with what was chosen and written kept and the reason next to the field, never a dead end.
   * onCardAction gives it to the person who answered only: it holds their scores. Only in the
   * direct reply (`onlyInReply`): a card with a named person's B3 answer is never queued (a
   * database reader could read it while it waits) nor rebuilt from the inputs on a render error.
   * A failed save (the tally write did not reach the store) comes back the same way, every score
   * kept, with the line that nothing was stored, as a busy tally does (`keepsOnFailedSave`).
   */
  const answerForm: CardActionOptions = {
    form: {
      onlyInReply: true,
      // A refused payload on the Submit fallback in a 1:1 chat with a colleague: the same pointer a
      // valid press there gets, in their own chat (nothing read or stored; none of the inputs, so
      // the comment is echoed nowhere). In a channel, a refused input: where to send the answers
      // again, none of them in it; any other refusal: the plain error card (see render).
      notInReply: async (context, { t, card, code }) =>
        inChatWithColleague(context) ? ownCardPointer(context) : conversationKindOf(context) === 'channel' && INPUT_REFUSALS.has(code) ? refusedInChannelNote(t, card) : undefined,
      keepsOnFailedSave: true,
      reason: (p, t) =>
        p.field === 'open' && p.rule === 'tooLong'
          ? t('pulse.form.tooLong', { max: MAX_OPEN_ANSWER, length: p.params.shown ?? p.params.count ?? 0 })
          : p.field.startsWith('item_') ? t('pulse.form.required') : t(`error.${p.code}`),
      render: async (context, r) => {
        // A refused payload pressed in a 1:1 chat with a colleague: where to answer, as the answer itself gets.
        if (inChatWithColleague(context)) return ownChatOnlyCard(r.t, 'pulse.answerOnOwnCardOnly');
        // Submit fallback in a channel: the refusal would go to the 1:1 chat, where a channel poll's
        // form cannot be answered. The channel card still holds their inputs, so the plain error card it is.
        if (!isInvoke(context) && conversationKindOf(context) !== 'personal') return undefined;
        // Held to the asker's organisation, as the answer itself is: another's form would show its team names.
        const poll = await pollSeenBy(pulse, viewerOf(context), String(r.values.pollId ?? ''));
        // Closed meanwhile (the answer read a poll remembered as open): the form again would be a dead
        // end, refused as closed once completed. The closed card it is, as for a complete late answer.
        const closed = await closedMeanwhile(poll);
        if (closed) return closedView(closed, String(r.values.targetId ?? ''), channelTeamOf(context), true);
        // Every fault at once, not one per try: a missing score is refused before the comment is read.
        const missing = unscoredItems(r.values);
        const comment = typeof r.values.open === 'string' ? trimText(r.values.open) : '';
        const commentOver = overLimit(comment, MAX_OPEN_ANSWER);
        const errors = {
          ...Object.fromEntries(missing.map((id) => [scoreInput(id), r.t('pulse.form.required')])),
          ...(commentOver ? { open: r.t('pulse.form.tooLong', { max: MAX_OPEN_ANSWER, length: commentOver }) } : {}),
          ...r.errors,
        };
        const notice = r.t(r.failed ? 'pulse.form.saveFailed' : missing.length ? 'pulse.error.incompleteAnswer' : 'pulse.form.refused');
        const target = findTarget(poll, String(r.values.targetId ?? ''));
        const refresh = actorOf(context).teamsId;
        return deps.notifier.formCard(poll, target, refresh ? [refresh] : [], { values: r.values, errors, notice });
      },
    },
  };

  onCardAction(app, actions, 'pulseAnswer', async (context, data) => {
    if (inChatWithColleague(context)) return pointToOwnCard(context);
    const actor = actorOf(context);
    const { pollId, targetId, ...values } = data;
    let outcome: Awaited<ReturnType<typeof submitAnswer>>;
    try {
      outcome = await submitAnswer(pulse, { pollId, targetId, userId: actor.id, tenantId: viewerOf(context).tenantId, place: placeOf(context), values });
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'pollBusy') throw err;
      // Nothing was stored: the form comes back with the answers kept, to send again in a moment.
      const poll = await pollSeenBy(pulse, viewerOf(context), pollId).catch(() => undefined);
      if (!poll) throw err;
      const kept = { values: { pollId, targetId, ...values }, errors: {}, notice: translator.t(poll.language)('pulse.error.pollBusy') };
      return refused(deps.notifier.formCard(poll, findTarget(poll, targetId), actor.teamsId ? [actor.teamsId] : [], kept), busyNote(poll));
    }
    if (outcome.commentLost) deps.logger.warn({ pollId }, 'poll comment could not be stored; scores kept');
    // The closed card holds no answers: it is the note as it is.
    if (outcome.result === 'closed') {
      const closed = await closedViewIn(outcome.poll, targetId, channelTeamOf(context), true);
      return refused(closed(translator.t(outcome.poll.language), outcome.poll.language), drawn(outcome.poll.language, (t, _card, language) => closed(t, language)));
    }
    if (outcome.result === 'unconfirmed') return personal(unconfirmedForm(outcome.poll, targetId, { pollId, targetId, ...values }, actor.teamsId));
    if (outcome.result === 'closedUnknown') return personal(await myView(outcome.poll, targetId, 'closed', actor.teamsId, { late: 'unknown', pressedInTeam: channelTeamOf(context) }));
    if (outcome.result === 'notInvited') {
      // The note without the card's refresh for them: refreshed in their 1:1 chat, it would lose "not stored".
      const { poll } = outcome;
      const notInvited = (refreshId: string | undefined, t: Translate) =>
        pollNotInvitedCard({ pollId: poll.id, targetId, title: instruments[poll.language].title, teamName: findTarget(poll, targetId).teamName, refused: true, refreshUserIds: refreshId ? [refreshId] : [] }, t);
      return refused(notInvited(actor.teamsId, translator.t(poll.language)), drawn(poll.language, (t) => notInvited(undefined, t)));
    }
    return personal(await myView(outcome.poll, targetId, 'answered', actor.teamsId, { state: outcome.result === 'stored' ? 'stored' : 'already', commentLost: outcome.commentLost }));
  }, answerForm);

  // Refreshed in a 1:1 chat with a colleague, the card shows where to answer: no form to fill in
  // there, nor whether the member answered.
  onCardAction(app, actions, 'pulseView', async (context, data) => {
    if (inChatWithColleague(context)) return pointToOwnCard(context);
    const actor = actorOf(context);
    const { poll, view } = await viewFor(pulse, data.pollId, data.targetId, viewerOf(context));
    return personal(await myView(poll, data.targetId, view, actor.teamsId, { pressedInTeam: channelTeamOf(context) }));
  });

  /** In the presser's 1:1 chat, the language they chose there (as the card it answers); elsewhere the poll's. */
  const readerLanguage = async (context: TurnContext) =>
    conversationKindOf(context) === 'personal' ? await deps.actions.localeFor(context, {}).catch(() => undefined) : undefined;

  /**
   * Results and status pressed in a 1:1 chat with a colleague: the Submit fallback there replaces
   * the pressed card for both of them. Only where to go, before any poll is read.
   */
  const pointToOwnChat = async (context: TurnContext) =>
    ownChatOnlyOutcome(ownChatOnlyCard(translator.t(await actions.localeFor(context, {}).catch(() => deps.defaultLanguage))));

  // The invoke answer reaches only the person who pressed, so HR gets the full results here.
  onCardAction(app, actions, 'pulseResults', async (context, data) => {
    if (inChatWithColleague(context)) return pointToOwnChat(context);
    // HR's card in a shared or private channel (its Toon button): no team's figures there for anyone else.
    if (inSharedOrPrivateChannel(context) && !(await isHr(pulse, actorOf(context).id))) {
      return { message: drawn(await actions.localeFor(context, data), (t) => t('pulse.results.inOwnChannelOnly')) };
    }
    return personal(resultsViewCard(deps, await resultsFor(pulse, viewerOf(context), data.pollId, { teamId: channelTeamOf(context) }), undefined, await readerLanguage(context), data.comments));
  });

  onCardAction(app, actions, 'pulseStatus', async (context, data) =>
    inChatWithColleague(context)
      ? pointToOwnChat(context)
      : personal(statusCard(deps, await pollStatus(pulse, viewerOf(context), data.pollId), await deps.actions.localeFor(context, {}).catch(() => deps.defaultLanguage))),
  );
}
