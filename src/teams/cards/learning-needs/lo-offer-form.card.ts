import { LearningTheme } from '../../../domain/learning-needs/learning-need';
import { LoOffer, MAX_LO_OFFER_LINK, MAX_LO_OFFER_TEXT } from '../../../domain/learning-needs/lo-offer';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, execute, heading, holding, refusalNotice, subtle, submittedText, textBlock, withFieldError } from '../card-kit';

/** The form drawn again after a refusal: what was sent, the reason per input id, and whether another save came first. */
export interface RefusedLoOffer {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  changedMeanwhile: boolean;
}

export interface LoOfferFormView {
  theme: LearningTheme;
  /** What is stored for the theme, if anything: it fills the form, its revision travels with the save. */
  offer?: LoOffer;
  /** New each time the form is drawn: Teams delivering the save again stores once. */
  key: string;
  language?: Locale;
  refused?: RefusedLoOffer;
}

/**
 * HR's form for one theme's offer: the words (at most 500 characters) and an optional https link.
 * A refused form keeps both inputs as sent, with the reason under its field; when another save
 * came first, it also says what is stored now, and the save names that revision, so pressing
 * again keeps this input knowingly.
 */
export function loOfferFormCard(vm: LoOfferFormView, t: Translate): AdaptiveCardJson {
  const refused = vm.refused;
  const themeName = t(`verantwoording.learningNeed.theme.${vm.theme}`);
  const text = refused ? (submittedText(refused.values, 'offerText') ?? '') : (vm.offer?.text ?? '');
  const link = refused ? (submittedText(refused.values, 'offerLink') ?? '') : (vm.offer?.link ?? '');
  const showStored = !!refused?.changedMeanwhile;
  const language = vm.language ? { language: vm.language } : {};
  const save = { theme: vm.theme, rev: vm.offer?.revision ?? 0, k: vm.key, ...language };
  const notice = refused ? [refusalNotice(refused.changedMeanwhile ? t('loOffer.changedMeanwhile', { theme: themeName }) : t('loOffer.notSaved'))] : [];
  return adaptiveCard(
    [
      heading(t('loOffer.formTitle', { theme: themeName })),
      textBlock(t('loOffer.formIntro', { max: MAX_LO_OFFER_TEXT })),
      ...notice,
      ...withFieldError({ type: 'Input.Text', id: 'offerText', label: t('loOffer.textLabel'), placeholder: t('loOffer.textPlaceholder'), isMultiline: true, ...holding(MAX_LO_OFFER_TEXT, text) }, refused?.errors.offerText),
      ...(showStored ? [subtle(t('loOffer.stored', { value: vm.offer?.text ?? t('loOffer.none') }))] : []),
      ...withFieldError({ type: 'Input.Text', id: 'offerLink', label: t('loOffer.linkLabel'), placeholder: t('loOffer.linkPlaceholder'), ...holding(MAX_LO_OFFER_LINK, link) }, refused?.errors.offerLink),
      ...(showStored && vm.offer?.link ? [subtle(t('loOffer.storedLink', { value: vm.offer.link }))] : []),
      actionSet([execute(t('loOffer.back'), 'openLoOffers', { ...language }, { associatedInputs: 'none' })]),
    ],
    [
      execute(t('loOffer.save'), 'saveLoOffer', save, { style: 'positive' }),
      ...(vm.offer?.text ? [execute(t('loOffer.clear'), 'saveLoOffer', { ...save, clear: true }, { style: 'destructive', associatedInputs: 'none' })] : []),
    ],
  );
}
