import { MAX_NOTE_LENGTH } from '../../domain/verantwoording/accountability-note';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, execute, heading, holding, plainText, textBlock } from './card-kit';
import { unitCeiling } from '../../domain/shared/text';

/**
 * The private invitation, in a member's 1:1 chat with the bot, to look back when their group's
 * planned weeks are over (`leftOpen`: their last week ended with a group question open). What they write becomes a note in Mijn verantwoording, private until
 * they share it; the app counts nothing and judges nothing here. `key` is new for each card and
 * travels with the save, so a press Teams delivers twice keeps one note (queued in the outbox:
 * PRESS_KEY_WHEN_SENT, minted when the card is sent, as the key is never stored). The other buttons carry
 * what was typed along (as the overview's draft), so nothing typed is lost on the way.
 */
export function plannedWeeksEndCard(view: { groupName: string; plannedWeeks: number; key: string; leftOpen?: boolean }, t: Translate): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('weeksEnd.title')),
      // The group's name as a member typed it: a TextRun, never read as Markdown (a link).
      // A week that ended with a group question open: its weeks are over, not "finished".
      plainText(t(view.leftOpen ? 'weeksEnd.textOpen' : 'weeksEnd.text', { group: view.groupName, count: view.plannedWeeks })),
      { type: 'Input.Text', id: 'text', label: t('weeksEnd.label'), placeholder: t('weeksEnd.placeholder'), isMultiline: true, ...holding(unitCeiling(MAX_NOTE_LENGTH), '') },
      textBlock(t('weeksEnd.private'), { isSubtle: true }),
    ],
    [
      execute(t('weeksEnd.save'), 'addNote', { k: view.key }, { style: 'positive' }),
      execute(t('weeksEnd.traject'), 'openTraject', {}),
      execute(t('weeksEnd.conversation'), 'openReviewRequest', {}),
    ],
  );
}
