import { randomUUID } from 'node:crypto';
import { TurnContext } from 'botbuilder';
import { isDomainError } from '../../../domain/shared/errors';
import { MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { MAX_TRAJECT_TEXT } from '../../../domain/verantwoording/prof-traject';
import { MAX_HOURS_PER_CYCLE } from '../../../domain/verantwoording/time-used';
import { Translate } from '../../../i18n/i18n';
import { getNote } from '../../../usecases/verantwoording/notes';
import { FieldProblem, RefusalForm, RefusedInput } from '../../card-actions';
import { AdaptiveCardJson, submittedNumber, submittedText, typedNumber } from '../../cards/card-kit';
import { deletedNoteCard, noteEditCard } from '../../cards/verantwoording/note-edit.card';
import { inChatWithColleague, inOwnChatWithBot } from '../../own-chat';
import { actorOf } from '../../turn';
import { errorCard } from '../../cards/error.card';
import { VerantwoordingFeatureDeps } from './deps';
import { overviewCardFor, ownChatPointer, timeCardFor, trajectCardFor } from './views';

/** The words next to a refused field of a verantwoording form, with the real limits. */
export function verantwoordingReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  const length = p.params.shown ?? p.params.count ?? submittedText(values, p.field)?.length ?? 0;
  switch (p.field) {
    case 'text':
      return p.rule === 'required' ? t('verantwoording.form.noteRequired') : t('verantwoording.form.noteTooLong', { max: MAX_NOTE_LENGTH, length });
    case 'hours':
      // In range but not whole or half hours: the rule itself, since the figure is not rounded for them.
      return p.rule === 'format' && p.params.step !== undefined ? t('verantwoording.form.halfHours') : t('verantwoording.form.hours', { min: 0, max: MAX_HOURS_PER_CYCLE });
    case 'learningNeeds':
    case 'talents':
      return p.rule === 'tooLong' ? t('verantwoording.form.trajectTooLong', { max: MAX_TRAJECT_TEXT, length }) : t('verantwoording.form.trajectRequired');
    case 'weeks':
      return t('verantwoording.form.weeks', { min: 1, max: 52 });
    default:
      return t('verantwoording.error.invalidInput');
  }
}

/**
 * A form of Mijn verantwoording comes back only in the person's own chat with the bot: each shows
 * their notes or hours, which have no place on a card in a group chat, even one only they see,
 * nor in a 1:1 chat with a colleague (who reads it): there only where to go, nothing read.
 */
const inOwnChatOnly = async (context: TurnContext, r: RefusedInput, render: RefusalForm['render']): Promise<AdaptiveCardJson | undefined> => {
  if (inOwnChatWithBot(context)) return render(context, r);
  return inChatWithColleague(context) ? ownChatPointer(r.t) : errorCard({ code: 'forbidden', place: 'verantwoording' }, r.t);
};
const form = (render: RefusalForm['render'], inputs?: Record<string, string>): RefusalForm => ({
  render: (context, r) => inOwnChatOnly(context, r, render),
  reason: verantwoordingReason,
  ...(inputs ? { inputs } : {}),
});

/**
 * The forms of Mijn verantwoording, rendered again after a refused input: a new note (on the
 * overview), a note edit, a time correction and the Prof-traject.
 */
export function verantwoordingForms(deps: VerantwoordingFeatureDeps) {
  const v = deps.verantwoording;
  const userOf = (context: TurnContext) => actorOf(context).id;
  return {
    addNote: form(async (context, r) => overviewCardFor(deps, userOf(context), r.locale, { text: submittedText(r.values, 'text'), error: r.errors.text })),
    saveNote: form(async (context, r) => {
      const text = submittedText(r.values, 'text');
      const draft = submittedText(r.values, 'draft');
      const error = r.errors.text ?? r.t('verantwoording.error.invalidInput');
      const note = await getNote(v, userOf(context), String(r.values.noteId ?? '')).catch((err: unknown) => {
        if (isDomainError(err) && err.code === 'notFound') return undefined;
        throw err;
      });
      // Deleted meanwhile (in the tab): the text stays, to be kept as a new note once it fits.
      if (!note) return deletedNoteCard({ text: text ?? '', key: randomUUID(), error, draft }, r.t);
      return noteEditCard(note, r.t, { refused: { text, rev: submittedNumber(r.values, 'rev'), visibilityRev: submittedNumber(r.values, 'visibilityRev'), error }, draft });
    }),
    saveTime: form(async (context, r) => {
      // "1,25" (not whole or half hours) comes back as 1.25, next to the rule it breaks.
      const refused = { hours: typedNumber(r.values, 'hours'), rev: submittedNumber(r.values, 'rev'), error: r.errors.hours ?? r.t('verantwoording.error.invalidInput') };
      const week = { groupId: String(r.values.groupId ?? ''), cycleId: String(r.values.cycleId ?? '') };
      return timeCardFor(deps, { userId: userOf(context), locale: r.locale, t: r.t }, week, { refused, draft: submittedText(r.values, 'draft') });
    }),
    saveTraject: form(async (context, r) => trajectCardFor(deps, userOf(context), r.t, { values: r.values, errors: r.errors }, submittedText(r.values, 'draft')), { plannedWeeks: 'weeks' }),
  };
}
