import { Translate } from '../../../i18n/i18n';
import { DEFAULT_TRAJECT_WEEKS, MAX_TRAJECT_TEXT, ProfTraject } from '../../../domain/verantwoording/prof-traject';
import { MATURITY_PHASES } from '../../../domain/talent-review/maturity';
import { adaptiveCard, AdaptiveCardJson, execute, heading, refusalNotice, submittedNumber, submittedText, textBlock, withFieldError } from '../card-kit';

/** A refused Prof-traject: the inputs as they were sent, and the reason per input id. */
export interface RefusedTraject {
  values: Record<string, unknown>;
  errors: Record<string, string>;
}

/** Sketches or edits the Prof-traject: learning needs, talents, planned active weeks. */
export function profTrajectCard(traject: ProfTraject | undefined, t: Translate, suggestedWeeks = DEFAULT_TRAJECT_WEEKS, refused?: RefusedTraject): AdaptiveCardJson {
  const text = (id: 'learningNeeds' | 'talents') => (refused ? submittedText(refused.values, id) ?? '' : traject?.[id] ?? '');
  const phase = refused ? submittedText(refused.values, 'maturityPhase') ?? '' : traject?.maturityPhase ?? '';
  const weeks = refused ? submittedNumber(refused.values, 'weeks') : traject?.plannedWeeks ?? suggestedWeeks;
  const textInput = (id: 'learningNeeds' | 'talents', placeholder: string) =>
    withFieldError(
      { type: 'Input.Text', id, label: t(`verantwoording.traject.${id}`), placeholder, value: text(id), isMultiline: true, maxLength: Math.max(MAX_TRAJECT_TEXT, text(id).length) },
      refused?.errors[id],
    );
  return adaptiveCard(
    [
      heading(t('verantwoording.traject.title')),
      textBlock(t('verantwoording.traject.formIntro')),
      ...(refused ? [refusalNotice(t('verantwoording.form.notSaved'))] : []),
      ...textInput('learningNeeds', t('verantwoording.traject.learningNeedsPlaceholder')),
      ...textInput('talents', t('verantwoording.traject.talentsPlaceholder')),
      {
        type: 'Input.ChoiceSet',
        id: 'maturityPhase',
        label: t('verantwoording.traject.phase'),
        choices: MATURITY_PHASES.map((p) => ({ title: `${t(`talentReview.phase.${p}.name`)}: ${t(`talentReview.phase.${p}.description`)}`, value: p })),
        value: (MATURITY_PHASES as readonly string[]).includes(phase) ? phase : '',
        placeholder: t('verantwoording.traject.phasePlaceholder'),
      },
      ...withFieldError(
        { type: 'Input.Number', id: 'weeks', label: t('verantwoording.traject.plannedWeeks'), ...(weeks === undefined ? {} : { value: weeks }), min: 1, max: 52, isRequired: true, errorMessage: t('verantwoording.form.weeks', { min: 1, max: 52 }) },
        refused?.errors.weeks,
      ),
    ],
    [
      execute(t('verantwoording.save'), 'saveTraject', {}, { style: 'positive' }),
      execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
