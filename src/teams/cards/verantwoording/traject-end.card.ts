import { MAX_NOTE_LENGTH } from '../../../domain/verantwoording/accountability-note';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, holding, textBlock } from '../card-kit';
import { unitCeiling } from '../../../domain/shared/text';

/** What the look-back card at the end of a person's own Prof-traject shows. */
export interface TrajectEndView {
  /** The planned weeks they reached. */
  plannedWeeks: number;
  /**
   * New for each card and sent with the save, so a press Teams delivers twice keeps one note.
   * Queued in the outbox, the card carries PRESS_KEY_WHEN_SENT instead: the key keys the note's
   * words and is never stored, so the outbox mints it when it sends the card (press-keys.ts).
   */
  key: string;
}

/**
 * In the person's 1:1 chat, once their own active weeks reach their Prof-traject's planned weeks:
 * a short look-back that is theirs (kept as a private note in Mijn verantwoording, through the
 * same save as any new note: refused input comes back next to its field, and export and erasure
 * take it with their notes), and how they may go on: more weeks, a new traject, or nothing. It
 * judges nothing and decides nothing. Extending and sketching anew carry what was typed along, as
 * the overview's draft.
 */
export function trajectEndCard(view: TrajectEndView, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('verantwoording.trajectEnd.title', { count: view.plannedWeeks })),
      textBlock(t('verantwoording.trajectEnd.text')),
      { type: 'Input.Text', id: 'text', label: t('verantwoording.trajectEnd.label'), placeholder: t('verantwoording.trajectEnd.placeholder'), isMultiline: true, ...holding(unitCeiling(MAX_NOTE_LENGTH), '') },
      textBlock(t('verantwoording.trajectEnd.private'), { isSubtle: true }),
    ],
    [
      execute(t('verantwoording.trajectEnd.save'), 'addNote', { k: view.key }, { style: 'positive' }),
      execute(t('verantwoording.trajectEnd.extend'), 'openTraject', {}),
      execute(t('verantwoording.trajectEnd.fresh'), 'openTraject', { fresh: true }),
    ],
  );
}
