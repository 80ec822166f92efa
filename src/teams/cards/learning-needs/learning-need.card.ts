import { LEARNING_THEMES, MAX_LEARNING_NEED_TEXT } from '../../../domain/learning-needs/learning-need';
import { Translate } from '../../../i18n/i18n';
import { CurrentLoOffer } from '../../../domain/learning-needs/lo-offer';
import { MyLearningNeed } from '../../../usecases/learning-needs/learning-needs';
import { actionSet, adaptiveCard, AdaptiveCardJson, Element, execute, heading, holding, plainText, refusalNotice, subtle, textBlock, withFieldError } from '../card-kit';
import { loOfferSection } from './lo-offer.section';
import { unitCeiling } from '../../../domain/shared/text';

/** What a press did: stored, withdrawn, kept for the handover that holds the need right now, or too late. */
/** `erasing`: refused, their erasure is unfinished; shown as a refusal, with what they entered kept (`refused` without errors). */
export type LearningNeedNotice = 'passed' | 'withdrawn' | 'withdrawNoted' | 'changeNoted' | 'handedOverMeanwhile' | 'erasing';

/** The notice for a withdrawal or change kept on a need a handover holds (`AskedWhileHeld`). */
export function askedNotice(asked: NonNullable<MyLearningNeed['asked']>): 'withdrawNoted' | 'changeNoted' {
  return asked.kind === 'withdraw' ? 'withdrawNoted' : 'changeNoted';
}

export interface LearningNeedCardView {
  groupId: string;
  sessionId: string;
  questionId: number;
  /**
   * This rendering's key, sent with its "pass on" and "withdraw" presses: one delivered again after
   * a later change changes nothing. Without it, the press's activity id stands in.
   */
  actionKey?: string;
  /** The member's own answer to question 9 (it stays private whatever they choose). */
  answer: string;
  current?: MyLearningNeed;
  minimum: number;
  /** What just happened, said at the top. */
  notice?: LearningNeedNotice;
  /** A change typed on a card from before the weekly handover: not saved, shown to copy. */
  unsaved?: string;
  /** A refused form: what the member entered, and the reason per input. */
  refused?: { theme?: string; text?: string; errors: Record<string, string> };
  /**
   * L&O's current offer for the theme passed on (its tenant's); once handed over, when the theme is
   * no longer kept with the member, every theme's current offer (`offersAll`).
   */
  offers?: readonly Pick<CurrentLoOffer, 'theme' | 'text' | 'link'>[];
  offersAll?: boolean;
}

/**
 * The member's own choice to pass a learning need on to L&O, anonymously: shown only to them
 * (the answer to their press on the session card), with the way back to the session.
 */
export function learningNeedCard(v: LearningNeedCardView, t: Translate): AdaptiveCardJson {
  const ids = { groupId: v.groupId, sessionId: v.sessionId, questionId: v.questionId };
  const pressIds = { ...ids, ...(v.actionKey ? { k: v.actionKey } : {}) };
  const status = v.current?.status;
  // Only a need whose batch was written is handed over; one a handover holds right now still takes presses (kept for it).
  const open = status !== 'handedOver';
  const asked = v.current?.asked;
  const askedChange = asked?.kind === 'change' ? asked : undefined;
  const body: Element[] = [
    heading(t('verantwoording.learningNeed.title')),
    ...(v.refused && Object.keys(v.refused.errors).length ? [refusalNotice(t('verantwoording.learningNeed.refused'))] : []),
    ...(v.notice === 'erasing' ? [refusalNotice(t('verantwoording.learningNeed.notice.erasing'))] : v.notice ? [textBlock(t(`verantwoording.learningNeed.notice.${v.notice}`), { weight: 'Bolder' })] : []),
    subtle(t('verantwoording.learningNeed.yourAnswer')),
    plainText(v.answer),
    // What counts where, as the report rules it (domain/learning-needs/report.ts): a need whose theme
    // too few chose counts in the total only when enough others' needs are in that rest too.
    textBlock(t('question.learningNeedExplain', { min: v.minimum }), { spacing: 'Medium' }),
    textBlock(t('verantwoording.learningNeed.withdrawRule', { min: v.minimum }), { isSubtle: true, size: 'Small' }),
  ];
  if (!open) {
    body.push(textBlock(t('verantwoording.learningNeed.status.handedOver'), { weight: 'Bolder', spacing: 'Medium' }));
    if (v.unsaved?.trim()) body.push({ type: 'Input.Text', id: 'notSaved.learningNeedText', label: t('verantwoording.learningNeed.unsaved'), isMultiline: true, value: v.unsaved });
  } else {
    if (status === 'pending') body.push(textBlock(t('verantwoording.learningNeed.status.pending', { theme: t(`verantwoording.learningNeed.theme.${v.current!.theme}`) }), { weight: 'Bolder', spacing: 'Medium' }));
    if (status === 'sealing') body.push(textBlock(t('verantwoording.learningNeed.status.sealing', { theme: t(`verantwoording.learningNeed.theme.${v.current!.theme}`) }), { weight: 'Bolder', spacing: 'Medium' }));
    // Said once: at the top when just pressed, else here.
    if (asked && !v.notice) body.push(textBlock(t(`verantwoording.learningNeed.notice.${askedNotice(asked)}`)));
    body.push(
      ...withFieldError(
        {
          type: 'Input.ChoiceSet',
          id: 'theme',
          label: t('verantwoording.learningNeed.themeLabel'),
          value: v.refused?.theme ?? askedChange?.theme ?? v.current?.theme ?? '',
          choices: LEARNING_THEMES.map((theme) => ({ title: t(`verantwoording.learningNeed.theme.${theme}`), value: theme })),
        },
        v.refused?.errors.theme,
      ),
      ...withFieldError(
        {
          type: 'Input.Text',
          id: 'learningNeedText',
          label: t('verantwoording.learningNeed.textLabel'),
          placeholder: t('verantwoording.learningNeed.textPlaceholder'),
          isMultiline: true,
          ...holding(unitCeiling(MAX_LEARNING_NEED_TEXT), v.refused?.text ?? (askedChange ? (askedChange.text ?? '') : (v.current?.text ?? ''))),
        },
        v.refused?.errors.learningNeedText,
      ),
      actionSet([
        execute(t(status ? 'verantwoording.learningNeed.update' : 'verantwoording.learningNeed.pass'), 'passLearningNeed', pressIds, { style: 'positive' }),
        ...(status ? [execute(t('verantwoording.learningNeed.withdraw'), 'withdrawLearningNeed', pressIds, { associatedInputs: 'none' })] : []),
      ]),
    );
  }
  body.push(...loOfferSection(v.offers ?? [], t, v.offersAll));
  body.push(actionSet([execute(t('verantwoording.learningNeed.back'), 'refreshSession', { groupId: v.groupId, sessionId: v.sessionId }, { associatedInputs: 'none' })], { spacing: 'Medium' }));
  return adaptiveCard(body);
}

/**
 * The member's pass-on or withdrawal is stored, and their card cannot be read back right now
 * (the store briefly unavailable): an error card would say nothing happened. The button opens it.
 */
export function learningNeedStoredCard(ids: { groupId: string; sessionId: string; questionId: number }, notice: Exclude<LearningNeedNotice, 'handedOverMeanwhile' | 'erasing'>, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('verantwoording.learningNeed.title')),
    textBlock(t(`verantwoording.learningNeed.notice.${notice}`), { weight: 'Bolder' }),
    textBlock(t('verantwoording.learningNeed.cardLater')),
    actionSet([execute(t('question.learningNeedOpen'), 'openLearningNeed', ids, { associatedInputs: 'none' })]),
  ]);
}
