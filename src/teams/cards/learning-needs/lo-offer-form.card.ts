import { LEARNING_THEMES, LearningTheme } from '../../../domain/learning-needs/learning-need';
import { LoOffer, MAX_LO_OFFER_LINK, MAX_LO_OFFER_TEXT } from '../../../domain/learning-needs/lo-offer';
import { Locale, Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, Element, execute, heading, holding, plainText, refusalNotice, submittedText, textBlock, withFieldError } from '../card-kit';
import { unitCeiling } from '../../../domain/shared/text';

/** The form drawn again after a refusal: what was sent, the reason per input id, and whether another save came first. */
export interface RefusedLoOffer {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  changedMeanwhile: boolean;
}

export interface LoOfferFormView {
  /** Absent on a refused save whose theme is not (or no longer) in the list: the form asks for one. */
  theme?: LearningTheme;
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
  const themeName = vm.theme ? t(`verantwoording.learningNeed.theme.${vm.theme}`) : undefined;
  const text = refused ? (submittedText(refused.values, 'offerText') ?? '') : (vm.offer?.text ?? '');
  const link = refused ? (submittedText(refused.values, 'offerLink') ?? '') : (vm.offer?.link ?? '');
  const showStored = !!refused?.changedMeanwhile;
  const language = vm.language ? { language: vm.language } : {};
  // Without a theme the choice on the form names it, and nothing stored was shown (revision 0).
  const save = { ...(vm.theme ? { theme: vm.theme } : {}), rev: vm.offer?.revision ?? 0, k: vm.key, ...language };
  const notice = refused ? [refusalNotice(refused.changedMeanwhile && themeName ? t('loOffer.changedMeanwhile', { theme: themeName }) : t('loOffer.notSaved'))] : [];
  return adaptiveCard(
    [
      heading(themeName ? t('loOffer.formTitle', { theme: themeName }) : t('loOffer.title')),
      textBlock(t('loOffer.formIntro', { max: MAX_LO_OFFER_TEXT })),
      ...notice,
      ...(vm.theme ? [] : themeChoice(refused, t)),
      ...withFieldError({ type: 'Input.Text', id: 'offerText', label: t('loOffer.textLabel'), placeholder: t('loOffer.textPlaceholder'), isMultiline: true, ...holding(unitCeiling(MAX_LO_OFFER_TEXT), text) }, refused?.errors.offerText),
      ...(showStored ? [storedLine(t('loOffer.stored', { value: vm.offer?.text ?? t('loOffer.none') }))] : []),
      ...withFieldError({ type: 'Input.Text', id: 'offerLink', label: t('loOffer.linkLabel'), placeholder: t('loOffer.linkPlaceholder'), ...holding(MAX_LO_OFFER_LINK, link) }, refused?.errors.offerLink),
      ...(showStored && vm.offer?.link ? [storedLine(t('loOffer.storedLink', { value: vm.offer.link }))] : []),
      actionSet([execute(t('loOffer.back'), 'openLoOffers', { ...language }, { associatedInputs: 'none' })]),
    ],
    [
      execute(t('loOffer.save'), 'saveLoOffer', save, { style: 'positive' }),
      ...(vm.theme && vm.offer?.text ? [execute(t('loOffer.clear'), 'saveLoOffer', { ...save, theme: vm.theme, clear: true }, { style: 'destructive', associatedInputs: 'none' })] : []),
    ],
  );
}

/**
 * What another save stored, as that person typed it: HR decides on this line whether to keep their
 * own input, so no Markdown acts on it (no bold, no list, no link text pointing elsewhere).
 */
function storedLine(line: string): Element {
  return { ...plainText(line, { isSubtle: true, size: 'Small' }), spacing: 'None' };
}

/** The theme to save for, chosen on the form (none chosen beforehand: a save lands where HR says), with the reason next to it. */
function themeChoice(refused: RefusedLoOffer | undefined, t: Translate): Element[] {
  const choices = LEARNING_THEMES.map((theme) => ({ title: t(`verantwoording.learningNeed.theme.${theme}`), value: theme }));
  return withFieldError({ type: 'Input.ChoiceSet', id: 'theme', label: t('loOffer.chooseTheme'), style: 'compact', value: '', choices }, refused?.errors.theme);
}
