import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { MAX_LEARNING_NEED_TEXT, refusedPassOnInputs } from '../../../domain/learning-needs/learning-need';
import { DomainError, isDomainError } from '../../../domain/shared/errors';
import { Locale, Translate, Translator } from '../../../i18n/i18n';
import { offersOnNeedCard } from '../../../usecases/learning-needs/lo-offers';
import { answerIdOn, LearningNeedDeps, myLearningNeed, MyLearningNeed, passOnLearningNeed, withdrawLearningNeed } from '../../../usecases/learning-needs/learning-needs';
import { CardActionContext, drawn, FieldProblem, onCardAction, RefusalForm } from '../../card-actions';
import { AdaptiveCardJson, submittedText } from '../../cards/card-kit';
import { groupCardNote } from '../../cards/group-card-note.card';
import { askedNotice, learningNeedCard, LearningNeedCardView, LearningNeedNotice, learningNeedStoredCard } from '../../cards/learning-needs/learning-need.card';
import { actorOf, teamsLocale, tenantOf } from '../../turn';

export interface LearningNeedFeatureDeps {
  learningNeeds: LearningNeedDeps;
  translator: Translator;
  actions: CardActionContext;
}

type Ids = { groupId: string; sessionId: string; questionId: number };

/**
 * The words next to a refused field of the learning-need form: what is wrong, not the generic
 * sentence. The limit named is the domain's (the payload check only has a generous transport limit).
 */
export function learningNeedReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  if (p.field === 'theme') return t('verantwoording.learningNeed.form.theme');
  if (p.field === 'learningNeedText' && p.rule === 'tooLong') {
    return t('verantwoording.learningNeed.form.textTooLong', { max: MAX_LEARNING_NEED_TEXT, length: p.params.shown ?? p.params.count ?? submittedText(values, p.field)?.length ?? 0 });
  }
  return t(`error.${p.code}`);
}

/**
 * A pass-on refused on the Action.Submit fallback in the group's chat, as the note for the member's
 * own chat (in its language, `t`): why, and nothing they typed (see `onlyInReply` below). The
 * reasons are the domain's, asked again of what the press sent (the refusal's own do not reach this
 * hook). Undefined when the inputs were not at fault (the store failed): the plain error card says
 * that, with nothing typed either.
 */
export function refusedOnGroupCard(pressed: unknown, t: Translate): AdaptiveCardJson | undefined {
  const values = (pressed && typeof pressed === 'object' ? pressed : {}) as Record<string, unknown>;
  const sent = { theme: typeof values.theme === 'string' ? values.theme : undefined, text: typeof values.learningNeedText === 'string' ? values.learningNeedText : undefined };
  const refused = refusedPassOnInputs(sent);
  if (!refused.length) return undefined;
  const problems: FieldProblem[] = refused.map((r) => ({ field: r.field, code: 'invalidInput', rule: r.rule, params: r.params ?? {} }));
  const errors = Object.fromEntries(problems.map((p) => [p.field, learningNeedReason(p, t, {})]));
  // The button is not named: it reads "pass on" or "update" as the member's card showed, unknown here.
  return groupCardNote({ verb: 'learningNeed.pass', values: {}, errors, notice: t('error.groupCardNote.refused') }, t);
}

/**
 * Passing a learning need on to L&O from the member's own view of the session card. Every answer
 * goes to the member alone (a personal card); the ids select among their own answers only.
 */
export function registerLearningNeeds(app: Application<TurnState>, deps: LearningNeedFeatureDeps): void {
  const ln = deps.learningNeeds;
  const card = async (context: TurnContext, ids: Ids, extra: Pick<LearningNeedCardView, 'notice' | 'refused'> = {}): Promise<AdaptiveCardJson> => {
    const userId = actorOf(context).id;
    const answerId = answerIdOn(userId, ids.sessionId, ids.questionId);
    const answer = await ln.records.get(userId, answerId);
    if (answer?.type !== 'personalAnswer' || answer.userId !== userId) throw new DomainError('notFound', 'answer');
    const locale = await deps.actions.localeFor(context, ids);
    const current = await myLearningNeed(ln, userId, answerId);
    // L&O's answer, read by the member for themselves (nobody is told who passed what on), of the
    // tenant the need is stored for. Not reading it leaves the card as it was: the offer is extra,
    // the stored choice is not.
    const offers = await offersOnNeedCard(ln, userId, { id: answerId, groupId: answer.groupId }, current, tenantOf(context)).catch(() => ({ offers: [], all: false }));
    return learningNeedCard({ ...ids, actionKey: randomUUID(), answer: answer.text, current, minimum: ln.minimum, offers: offers.offers, offersAll: offers.all, ...extra }, deps.translator.t(locale));
  };
  const form: RefusalForm = {
    render: async (context, refused) => {
      const ids = { groupId: String(refused.values.groupId ?? ''), sessionId: String(refused.values.sessionId ?? ''), questionId: Number(refused.values.questionId) };
      return card(context, ids, { refused: { theme: submittedText(refused.values, 'theme'), text: submittedText(refused.values, 'learningNeedText'), errors: refused.errors } });
    },
    reason: learningNeedReason,
    inputs: { text: 'learningNeedText' },
    // Every reason at once (a theme missing and a text too long), as the note on the fallback gives them.
    alsoRefused: (values) => refusedPassOnInputs({ theme: submittedText(values, 'theme'), text: submittedText(values, 'learningNeedText') }).map((r) => ({ field: r.field, code: 'invalidInput', rule: r.rule, params: r.params ?? {} })),
    // What was typed comes back only in the direct reply. On the Action.Submit fallback in the
    // group's chat the refusal is queued for the member's own chat, and a job Teams keeps failing
    // holds its card under their name for up to the outbox's day, past a handover that put the
    // corrected words in L&O's anonymous batch (found in review, stop 65). The card they typed in
    // is not redrawn by a refusal: the words stay there to shorten and send again.
    onlyInReply: true,
    notInReply: async (context, { t }) => refusedOnGroupCard(context.activity.value, t),
  };

  /**
   * The weekly handover took it to L&O (its batch was written) while this card was open: nothing
   * can change it any more, and nobody else acted. The member's own card says so, with what they typed to copy.
   */
  const handedOverMeanwhile = async <T>(context: TurnContext, ids: Ids, work: () => Promise<T>, typed?: string, typedTheme?: string): Promise<{ late: AdaptiveCardJson; erasing?: true } | { done: T }> => {
    try {
      return { done: await work() };
    } catch (err) {
      // Their erasure is unfinished: nothing new is kept until it is; what they entered stays on the card.
      if (isDomainError(err) && err.code === 'erasureUnderway') return { late: await card(context, ids, { notice: 'erasing', refused: { theme: typedTheme, text: typed, errors: {} } }), erasing: true };
      if (!(isDomainError(err) && err.code === 'conflict')) throw err;
      return { late: await card(context, ids, { notice: 'handedOverMeanwhile', ...(typed ? { unsaved: typed } : {}) }) };
    }
  };
  /**
   * What stands after the press, said at the top: a press delivered again after a later change says
   * what that change left; one a handover holds the need for, that it was kept for the handover.
   */
  type Stored = Exclude<LearningNeedNotice, 'handedOverMeanwhile' | 'erasing'>;
  const noticeOf = (stands: MyLearningNeed | undefined): Stored => (stands?.asked ? askedNotice(stands.asked) : stands ? 'passed' : 'withdrawn');

  /** The card's language; when it cannot be read now, Teams' or the default, so the member is still told. */
  const languageOf = (context: TurnContext, ids: Ids): Promise<Locale> => deps.actions.localeFor(context, ids).catch(() => teamsLocale(context) ?? deps.actions.defaultLanguage);
  /** A late press's note for the member's own chat: the notice alone, nothing they typed, no button. */
  const ownChatNote = async (context: TurnContext, ids: Ids, verb: 'learningNeed.pass' | 'learningNeed.withdraw', notice: 'handedOverMeanwhile' | 'erasingElsewhere') =>
    drawn(await languageOf(context, ids), (tr) => groupCardNote({ verb, values: {}, errors: {}, notice: tr(`verantwoording.learningNeed.notice.${notice}`), button: false }, tr));

  /** The member's card once their change is stored; when it cannot be read back now, that it is stored. */
  const afterStored = async (context: TurnContext, ids: Ids, notice: Stored): Promise<AdaptiveCardJson> => {
    try {
      return await card(context, ids, { notice });
    } catch (err) {
      if (isDomainError(err)) throw err;
      return learningNeedStoredCard(ids, notice, deps.translator.t(await languageOf(context, ids)));
    }
  };

  onCardAction(app, deps.actions, 'openLearningNeed', async (context, data) => ({ card: await card(context, data), personal: true }));
  onCardAction(
    app,
    deps.actions,
    'passLearningNeed',
    async (context, data) => {
      const userId = actorOf(context).id;
      // For the L&O of the organisation it is passed on in, and no other. The press's key (the
      // card's, else the activity's): Teams delivering an older press again changes nothing.
      const answerId = answerIdOn(userId, data.sessionId, data.questionId);
      const pressed = await handedOverMeanwhile(context, data, () => passOnLearningNeed(ln, userId, answerId, { theme: data.theme, text: data.learningNeedText }, tenantOf(context), data.k ?? context.activity.id), data.learningNeedText, data.theme);
      if ('late' in pressed) {
        // On the Action.Submit fallback in the group's chat the card reaches nobody: what happened is
        // said in their own chat (found in review, stop 52; a handover meanwhile, stop 66), without
        // their words, as every refusal there since stop 66 (see `onlyInReply` below): they stay on the
        // group's card they typed in.
        const privately = await ownChatNote(context, data, 'learningNeed.pass', pressed.erasing ? 'erasingElsewhere' : 'handedOverMeanwhile');
        return { card: pressed.late, personal: true, privately };
      }
      return { card: await afterStored(context, data, noticeOf(pressed.done)), personal: true };
    },
    { form },
  );
  onCardAction(app, deps.actions, 'withdrawLearningNeed', async (context, data) => {
    const userId = actorOf(context).id;
    const answerId = answerIdOn(userId, data.sessionId, data.questionId);
    const pressed = await handedOverMeanwhile(context, data, () => withdrawLearningNeed(ln, userId, answerId, data.k ?? context.activity.id));
    if (!('late' in pressed)) return { card: await afterStored(context, data, noticeOf(pressed.done)), personal: true };
    // On the Action.Submit fallback in the group's chat the card reaches nobody: the handover is said
    // in their own chat, as for a pass-on (found in review, stop 66: they were told nothing).
    return { card: pressed.late, personal: true, privately: await ownChatNote(context, data, 'learningNeed.withdraw', 'handedOverMeanwhile') };
  });
}
