import { MAX_REQUEST_MESSAGE_LENGTH } from '../../../domain/talent-review/review-request';
import { Locale, Translate } from '../../../i18n/i18n';
import { AskedBefore } from '../../../usecases/talent-review/request-review';
import { adaptiveCard, AdaptiveCardJson, execute, heading, holding, refusalNotice, submittedInput, textBlock, withFieldError } from '../card-kit';
import { errorTitle } from '../error.card';
import { askedBeforeItems, withdrawRequestAction } from './review-request-asked.card';
import { unitCeiling } from '../../../domain/shared/text';

/** A refused request: what was sent, and the reason per input id. */
export interface RefusedRequest {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/**
 * The professional's form to ask their manager for a talentontwikkelgesprek: an optional short
 * message and a send button. `key` is new each time the form is drawn and travels with the press,
 * so Teams delivering it again sends nothing twice; `draft`, the overview's new note, goes along
 * and back. A refused message comes back whole, with the reason next to it. `message`: what was
 * typed after the command (`gesprek aanvragen <boodschap>`), in the field to send or change.
 * `sendFailed`: the request could not be queued, or whether it was is unknown (the store did not
 * answer): an error card with `message` and the same `key`, so a retry sends it once.
 * `erasing`: refused while their erasure is unfinished: nothing sent or kept, `message` below to send later.
 * `withdrawnPress`: the press came again after its request was withdrawn: nothing sent or kept, and
 * `message` below, under a new `key`, to send as a new request if they want.
 * `asked`: their own latest request, unanswered ("Je vroeg ... om een gesprek"), with a button to withdraw it.
 */
export function reviewRequestFormCard(t: Translate, key: string, opts: { draft?: string; refused?: RefusedRequest; message?: string; sendFailed?: boolean; erasing?: boolean; withdrawnPress?: boolean; asked?: { asked: AskedBefore; locale: Locale; timeZone: string } } = {}): AdaptiveCardJson {
  const { refused, draft } = opts;
  const typed = submittedInput(refused?.values, 'text') ?? opts.message ?? '';
  const top = opts.sendFailed
    ? [errorTitle(t), refusalNotice(t('talentReview.request.sendFailedKept'))]
    : opts.erasing
      ? [heading(t('talentReview.request.title')), refusalNotice(t('talentReview.request.erasing'))]
      : opts.withdrawnPress
        ? [heading(t('talentReview.request.title')), refusalNotice(t('talentReview.request.withdrawnPress'))]
        : [heading(t('talentReview.request.title')), ...(opts.asked ? askedBeforeItems(opts.asked.asked, t, opts.asked.locale, opts.asked.timeZone) : []), textBlock(t('talentReview.request.intro')), ...(refused ? [refusalNotice(t('talentReview.request.notSent'))] : [])];
  return adaptiveCard(
    [
      ...top,
      ...withFieldError(
        { type: 'Input.Text', id: 'text', label: t('talentReview.request.messageLabel'), placeholder: t('talentReview.request.messagePlaceholder'), isMultiline: true, ...holding(unitCeiling(MAX_REQUEST_MESSAGE_LENGTH), typed) },
        refused?.errors.text,
      ),
    ],
    [execute(t('talentReview.request.send'), 'sendReviewRequest', { k: key, ...(draft ? { draft } : {}) }, { style: 'positive' }), ...(opts.asked && !opts.sendFailed && !opts.erasing && !opts.withdrawnPress ? [withdrawRequestAction(opts.asked.asked, t, draft)] : [])],
  );
}
