import { DisplayParams, ErrorCode, isPollErrorCode } from '../../domain/shared/errors';
import { Translate } from '../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, plainText, textBlock } from './card-kit';
import { backToOverview } from './verantwoording/format';
import type { TextBlock } from './card-elements';

/**
 * Where a refusal is shown. A chat (group, channel, or a poll anywhere) uses the general words;
 * the verantwoording words its refusals for its owner and offers the way back to the overview;
 * the talent review tells anyone but the direct manager why they may not see a prep.
 */
export type ErrorPlace = 'chat' | 'verantwoording' | 'talentReview' | 'pollInChannel' | 'pollStart';

/** What the card shows: the error's code and display parameters (a DomainError fits as it is). */
export interface ErrorView {
  code: ErrorCode | 'unexpected';
  params?: DisplayParams;
  place?: ErrorPlace;
  /** A new note being typed on the verantwoording overview when the press failed: "Terug" carries it back. */
  draft?: string;
}

interface Wording {
  title: string;
  message: string;
  /** The reassurance under the message; a refused poll answer has none (it was refused whole). */
  nothingLost?: string;
  backToOverview?: boolean;
}

/** The verantwoording's own words; any other code there reads as "check what you entered". */
const VERANTWOORDING_WORDED: readonly string[] = ['invalidInput', 'notFound', 'forbidden', 'conflict', 'unexpected'];

function wordingOf({ code, place = 'chat' }: ErrorView): Wording {
  if (place === 'verantwoording') {
    // A save that outlived its window: nothing kept, and not the input's fault ("check what you
    // entered" would send them looking for a mistake); the general words say to try again.
    if (code === 'saveTooSlow') return { title: 'verantwoording.error.title', message: 'error.saveTooSlow', backToOverview: true };
    const key = VERANTWOORDING_WORDED.includes(code) ? code : 'invalidInput';
    return { title: 'verantwoording.error.title', message: `verantwoording.error.${key}`, nothingLost: 'verantwoording.error.nothingLost', backToOverview: true };
  }
  if (place === 'talentReview' && code === 'forbidden') return { title: 'error.title', message: 'talentReview.prep.notManager' };
  // Another chat than the one the conversation was planned in: only prep cards there are kept up to date.
  if (place === 'talentReview' && code === 'otherGroup') return { title: 'error.title', message: 'talentReview.prep.elsewhere' };
  // Told in the member's 1:1 chat about their press on the poll card in a channel: the answers are not on this card.
  if (place === 'pollInChannel' && code === 'pollBusy') return { title: 'pulse.error.title', message: 'pulse.error.pollBusyInChannel' };
  // HR's start refused for their own erasure, or a store too slow for its save window: said as a start, nothing started.
  if (place === 'pollStart' && code === 'erasureUnderway') return { title: 'pulse.error.title', message: 'pulse.error.startWhileErasing' };
  if (place === 'pollStart' && code === 'saveTooSlow') return { title: 'pulse.error.title', message: 'pulse.error.startTooSlow' };
  if (isPollErrorCode(code)) return { title: 'pulse.error.title', message: `pulse.error.${code}` };
  // Trying again would not help (check-out is not open; the group is full; the session ended): the message says what to do instead.
  if (code === 'checkOutNotOpen' || code === 'notAMember' || code === 'sessionClosed') return { title: 'error.title', message: `error.${code}` };
  return { title: 'error.title', message: `error.${code}`, nothingLost: 'error.nothingLost' };
}

/**
 * The one error card: a refusal, friendly and in the user's language; the original card stays
 * as it was. Display parameters (names the user typed) are shown as plain text, never as Markdown.
 */
/** The error card's title, also on a form that comes back after a failed save (refused-form-fallback.card.ts). */
export function errorTitle(t: Translate, key = 'error.title'): TextBlock {
  return textBlock(t(key), { weight: 'Bolder', color: 'Attention' });
}

/**
 * A poll answer refused on the Submit fallback in a channel, told in the 1:1 chat: nothing was
 * stored, and the channel card's button (`sendLabel`, as that card shows it) sends them again.
 * It holds none of the answers (they stay on the channel's card).
 */
export function pollRefusedInChannelNote(t: Translate, sendLabel: string): AdaptiveCardJson {
  return adaptiveCard([errorTitle(t, 'pulse.error.title'), textBlock(t('pulse.error.refusedInChannel', { button: sendLabel }))]);
}

export function errorCard(error: ErrorView, t: Translate): AdaptiveCardJson {
  const words = wordingOf(error);
  const params = error.params ?? {};
  const message = t(words.message, params);
  return adaptiveCard(
    [
      errorTitle(t, words.title),
      Object.keys(params).length ? plainText(message) : textBlock(message),
      ...(words.nothingLost ? [textBlock(t(words.nothingLost), { isSubtle: true, size: 'Small' })] : []),
    ],
    words.backToOverview ? [backToOverview(t, error.draft)] : undefined,
  );
}
