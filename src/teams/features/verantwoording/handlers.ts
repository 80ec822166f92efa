import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { DomainError, isDomainError } from '../../../domain/shared/errors';
import { Locale, Translate } from '../../../i18n/i18n';
import { erasureReceiptExists, keptSinceErasure } from '../../../usecases/verantwoording/erasure-receipt';
import { tryEraseMyData } from '../../../usecases/verantwoording/my-data';
import { addNote, deleteNote, editNote, getNote } from '../../../usecases/verantwoording/notes';
import { saveProfTraject } from '../../../usecases/verantwoording/prof-traject';
import { correctTimeUsed } from '../../../usecases/verantwoording/time-used';
import { setVisibility } from '../../../usecases/verantwoording/visibility';
import { SHARED_SINCE_SHOWN, TEXT_CHANGED_SINCE_SHOWN } from '../../../domain/verantwoording/personal-record';
import { ActionOutcome, CardActionContext, onCardAction, RefusalForm } from '../../card-actions';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { eraseConfirmCard, erasedCard, erasedEarlierCard, erasureUnfinishedCard, myDataCard } from '../../cards/verantwoording/my-data.card';
import { deletedNoteCard, noteEditCard } from '../../cards/verantwoording/note-edit.card';
import { errorCard } from '../../cards/error.card';
import { inChatWithColleague, inOwnChatWithBot } from '../../own-chat';
import { actorOf, tenantOf } from '../../turn';
import { VerbData, VerbName } from '../../verbs';
import { userLocale, VerantwoordingFeatureDeps } from './deps';
import { overviewAfterChange, overviewCardFor, ownChatPointer, timeCardFor, trajectCardFor } from './views';
import { verantwoordingForms } from './refusal-forms';
import { lookBackIfDue } from './traject-end';

type Ui = { userId: string; locale: Locale; t: Translate };

/** The erasure's own presses: they keep no client language (see userLocale). */
const ERASURE_VERBS: ReadonlySet<VerbName> = new Set<VerbName>(['askErase', 'confirmErase']);

/**
 * The card actions of Mijn verantwoording. They work only in the person's own chat with the bot
 * (a card there is seen by its owner alone), on the caller's own records. In a 1:1 chat with a
 * colleague, "personal" to Teams as well, every one answers only where to go (ownChatPointer),
 * before anything is read or stored; in a group chat or channel, that it is not for there. A
 * refused input comes back in its own form with the reason next to the field (refusal-forms.ts,
 * held to the same place); any other refusal as a card with the way back to the overview.
 */
export function registerVerantwoordingActions(app: Application<TurnState>, deps: VerantwoordingFeatureDeps): void {
  const v = deps.verantwoording;
  const ctx: CardActionContext = { logger: deps.logger, translator: deps.translator, defaultLanguage: deps.defaultLanguage, localeFor: (context) => userLocale(deps, context, undefined, false) };

  const forms = verantwoordingForms(deps);
  /**
   * What was typed as a new note when the press was refused: the draft a card carried from the
   * overview, else the overview's own field (`text`; on "Notitie toevoegen" and a note edit, the
   * words pressed with), so the error card's "Terug" loses none of it.
   */
  const typedOnOverview = (data: unknown): string | undefined => {
    const d = data as { draft?: unknown; text?: unknown };
    const typed = typeof d.draft === 'string' && d.draft ? d.draft : d.text;
    return typeof typed === 'string' && typed.trim() ? typed : undefined;
  };
  const on = <V extends VerbName>(name: V, handler: (ui: Ui, data: VerbData<V>, context: TurnContext) => Promise<AdaptiveCardJson>) => {
    const form = (forms as Partial<Record<VerbName, RefusalForm>>)[name];
    onCardAction(
      app,
      ctx,
      name,
      async (context, data): Promise<ActionOutcome> => {
        const locale = await userLocale(deps, context, undefined, !ERASURE_VERBS.has(name));
        const t = deps.translator.t(locale);
        try {
          // The pressed card becomes the pointer (on the Submit fallback it may show what was posted
          // there before), and the presser hears it in their own chat too.
          if (inChatWithColleague(context)) return { card: ownChatPointer(t), privately: ownChatPointer(t) };
          if (!inOwnChatWithBot(context)) throw new DomainError('forbidden', 'verantwoording outside the personal chat');
          return { card: await handler({ userId: actorOf(context).id, locale, t }, data, context) };
        } catch (err) {
          if (!isDomainError(err)) throw err;
          // A refused input goes back in its form (onCardAction renders it with the reason).
          if (form && err.input) throw err;
          deps.logger.info({ verb: name, code: err.code, detail: err.detail }, 'verantwoording action refused');
          // Their erasure is unfinished, so nothing was stored: the way to finish it (whether its resume job runs is not known here).
          if (err.code === 'erasureUnderway') return { card: erasureUnfinishedCard(t, { started: true, resumes: false }) };
          return { card: errorCard({ code: err.code, params: err.params, place: 'verantwoording', draft: typedOnOverview(data) }, t) };
        }
      },
      { form },
    );
  };
  // `draft` in each: the new note being typed on the overview (sent along by its buttons, or carried
  // through a card opened from it); the answer shows it again, so pressing a button loses nothing.
  const overview = (ui: Ui, draft?: string) => overviewCardFor(deps, ui.userId, ui.locale, draft ? { text: draft } : undefined);
  const afterChange = (ui: Ui, verb: VerbName, draft: string | undefined): Promise<AdaptiveCardJson> => overviewAfterChange(deps, ui, verb, draft);
  /**
   * A note edit that lost to a change elsewhere: the typed text stays on the card, next to the
   * newer stored text; if the note was deleted meanwhile, with the offer to keep it as a new note.
   */
  const keepTypedNote = async (ui: Ui, noteId: string, text: string, draft: string | undefined, sharedSince = false): Promise<AdaptiveCardJson> => {
    const note = await getNote(v, ui.userId, noteId).catch((err: unknown) => {
      if (isDomainError(err) && err.code === 'notFound') return undefined;
      throw err;
    });
    return note ? noteEditCard(note, ui.t, { changedElsewhere: { text, sharedSince }, draft }) : deletedNoteCard({ text, key: randomUUID(), draft }, ui.t);
  };

  on('showVerantwoording', async (ui, data) => overview(ui, data.text));
  on('addNote', async (ui, data, context) => {
    // The card's own key (set when it was rendered): a press that arrives twice saves one note.
    try {
      await addNote(v, ui.userId, { key: data.k ?? context.activity.id ?? `${ui.userId}:${v.clock.now().getTime()}`, text: data.text });
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'notFound') throw err;
      // This press's note was deleted since (the press delivered again): nothing added; the overview as it stands.
      return overview(ui, data.draft);
    }
    return afterChange(ui, 'addNote', data.draft);
  });
  on('openNote', async (ui, data) => noteEditCard(await getNote(v, ui.userId, data.noteId), ui.t, { draft: data.text }));
  on('saveNote', async (ui, data) => {
    try {
      await editNote(v, ui.userId, data.noteId, { text: data.text, rev: data.rev, visibilityRev: data.visibilityRev });
    } catch (err) {
      if (!isDomainError(err) || (err.code !== 'conflict' && err.code !== 'notFound')) throw err;
      // Shared since the card was opened: the typed text stays, and the card says who would read it.
      return keepTypedNote(ui, data.noteId, data.text, data.draft, err.detail === SHARED_SINCE_SHOWN);
    }
    return afterChange(ui, 'saveNote', data.draft);
  });
  on('deleteNote', async (ui, data) => {
    try {
      await deleteNote(v, ui.userId, data.noteId, data.rev);
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'conflict') throw err;
      // Pressed on a card older than the note's text: the newest text to decide on, and its delete.
      return noteEditCard(await getNote(v, ui.userId, data.noteId), ui.t, { deleteRefused: true, draft: data.text });
    }
    return afterChange(ui, 'deleteNote', data.text);
  });
  on('setVisibility', async (ui, data) => {
    // Pressed on a card older than the entry's last sharing change, nothing changes: the overview shows how it stands.
    try {
      await setVisibility(v, ui.userId, { kind: data.kind, id: data.id, groupId: data.groupId, visibility: data.visibility, visibilityRev: data.visibilityRev, rev: data.rev });
    } catch (err) {
      if (!isDomainError(err) || err.detail !== TEXT_CHANGED_SINCE_SHOWN) throw err;
      // "Delen" on a card older than the text (or one from before cards sent its revision): nothing
      // shared. The overview with the newest text, and why nothing was shared, to share again from.
      const why = ui.t(data.rev === undefined ? 'verantwoording.shareRefused.oldCard' : 'verantwoording.shareRefused.textChanged');
      return overviewCardFor(deps, ui.userId, ui.locale, data.text ? { text: data.text } : undefined, why);
    }
    return afterChange(ui, 'setVisibility', data.text);
  });
  on('openTime', async (ui, data) => timeCardFor(deps, ui, data, { draft: data.text }));
  on('saveTime', async (ui, data, context) => {
    try {
      await correctTimeUsed(v, ui.userId, data.groupId, data.cycleId, data.hours, data.rev);
      // Time recorded may make the week that reaches their Prof-traject's planned weeks: its look-back, once.
      await lookBackIfDue(deps, ui.userId, context, ui.locale);
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'conflict') throw err;
      // Corrected elsewhere (the tab) since the card was opened: the typed figure stays, next to the stored one.
      return timeCardFor(deps, ui, data, { changedElsewhere: { hours: data.hours }, draft: data.draft });
    }
    return afterChange(ui, 'saveTime', data.draft);
  });
  on('openTraject', async (ui, data) => trajectCardFor(deps, ui.userId, ui.t, undefined, data.text, data.fresh));
  on('saveTraject', async (ui, data) => {
    // The form's phase comes as sent: left out keeps the stored one, '' (none picked) clears it.
    const input = { learningNeeds: data.learningNeeds, talents: data.talents, plannedWeeks: data.weeks, maturityPhase: data.maturityPhase, rev: data.rev, visibilityRev: data.visibilityRev };
    try {
      await saveProfTraject(v, ui.userId, input, { fresh: data.fresh });
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'conflict') throw err;
      // Saved elsewhere (the tab) since the form was opened, or shared since: the form again with what was entered, and why.
      return trajectCardFor(deps, ui.userId, ui.t, { values: { ...data }, errors: {}, changedElsewhere: true, sharedSince: err.detail === SHARED_SINCE_SHOWN }, data.draft);
    }
    return afterChange(ui, 'saveTraject', data.draft);
  });
  on('openMyData', async (ui, data) => myDataCard(ui.t, data.text));
  on('askErase', async (ui, data) => eraseConfirmCard(ui.t, data.text));
  on('confirmErase', async (ui, data, context) => {
    // This card's erasure finished already: Teams delivered the press again (the card itself shows
    // "erased" since), or the person pressed it on purpose; the app cannot tell which. Erasing again
    // would delete what the person wrote since, so nothing is, and the answer says what is true:
    // erased, when nothing is there; else erased earlier, what came since kept, and how to erase it.
    if (data.k && (await erasureReceiptExists(v, data.k))) return (await keptSinceErasure(v, ui.userId)) ? erasedEarlierCard(ui.t) : erasedCard(ui.t);
    // The chat knows the person's Teams id and tenant: the outbox forgets their private messages by them.
    // The card's key goes along: the finished erasure leaves its receipt, also when its resume job finishes it.
    const outcome = await tryEraseMyData(v, ui.userId, { platformId: actorOf(context).teamsId, tenantId: tenantOf(context), ...(data.k ? { confirmKey: data.k } : {}) });
    if (outcome.done) {
      deps.logger.info({ ...outcome.report }, 'professional erased their data');
      return erasedCard(ui.t);
    }
    // Never the "nothing was lost" card: once begun, part of it is done. The way to finish it comes along.
    deps.logger.warn({ err: (outcome.error as Error)?.message, started: outcome.started, resumes: outcome.resumes }, 'erasure did not finish');
    return erasureUnfinishedCard(ui.t, outcome, data.k);
  });
}
