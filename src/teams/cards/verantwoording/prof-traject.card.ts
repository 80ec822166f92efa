import { Translate } from '../../../i18n/i18n';
import { DEFAULT_TRAJECT_WEEKS, MAX_TRAJECT_TEXT, ProfTraject } from '../../../domain/verantwoording/prof-traject';
import { MATURITY_PHASES } from '../../../domain/talent-review/maturity';
import { adaptiveCard, AdaptiveCardJson, execute, heading, textBlock } from '../card-kit';

/** Sketches or edits the Prof-traject: learning needs, talents, planned active weeks. */
export function profTrajectCard(traject: ProfTraject | undefined, t: Translate, suggestedWeeks = DEFAULT_TRAJECT_WEEKS): AdaptiveCardJson {
  return adaptiveCard(
    [
      heading(t('verantwoording.traject.title')),
      textBlock(t('verantwoording.traject.formIntro')),
      { type: 'Input.Text', id: 'learningNeeds', label: t('verantwoording.traject.learningNeeds'), placeholder: t('verantwoording.traject.learningNeedsPlaceholder'), value: traject?.learningNeeds ?? '', isMultiline: true, maxLength: MAX_TRAJECT_TEXT },
      { type: 'Input.Text', id: 'talents', label: t('verantwoording.traject.talents'), placeholder: t('verantwoording.traject.talentsPlaceholder'), value: traject?.talents ?? '', isMultiline: true, maxLength: MAX_TRAJECT_TEXT },
      {
        type: 'Input.ChoiceSet',
        id: 'maturityPhase',
        label: t('verantwoording.traject.phase'),
        choices: MATURITY_PHASES.map((p) => ({ title: `${t(`talentReview.phase.${p}.name`)}: ${t(`talentReview.phase.${p}.description`)}`, value: p })),
        value: traject?.maturityPhase ?? '',
        placeholder: t('verantwoording.traject.phasePlaceholder'),
      },
      { type: 'Input.Number', id: 'weeks', label: t('verantwoording.traject.plannedWeeks'), value: traject?.plannedWeeks ?? suggestedWeeks, min: 1, max: 52, isRequired: true, errorMessage: t('verantwoording.error.invalidInput') },
    ],
    [
      execute(t('verantwoording.save'), 'saveTraject', {}, { style: 'positive' }),
      execute(t('verantwoording.back'), 'showVerantwoording', {}, { associatedInputs: 'none' }),
    ],
  );
}
