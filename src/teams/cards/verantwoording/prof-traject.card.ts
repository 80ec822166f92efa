import { Translate } from '../../../i18n/i18n';
import { DEFAULT_TRAJECT_WEEKS, MAX_TRAJECT_TEXT, ProfTraject, trajectRev } from '../../../domain/verantwoording/prof-traject';
import { MATURITY_PHASES } from '../../../domain/talent-review/maturity';
import { adaptiveCard, AdaptiveCardJson, container, Element, execute, factSet, heading, plainText, refusalNotice, submittedNumber, submittedText, textBlock, withFieldError } from '../card-kit';
import { TrajectProgress } from '../../../domain/verantwoording/active-weeks';
import { backToOverview, carriedDraft } from './format';
import { unitCeiling } from '../../../domain/shared/text';
import { visibilityRevOf } from '../../../domain/verantwoording/personal-record';

/** A refused Prof-traject: the inputs as they were sent, and the reason per input id. */
export interface RefusedTraject {
  values: Record<string, unknown>;
  errors: Record<string, string>;
  /**
   * Refused because the Prof-traject changed elsewhere (the tab) since this form was opened: the
   * card shows the person's inputs AND the newer stored version, and saving again keeps theirs.
   */
  changedElsewhere?: boolean;
  /** Refused because it was shared with the manager since this form was opened (its text as it was): said so, the inputs kept. */
  sharedSince?: boolean;
}

/** What the Prof-traject form shows besides the traject itself. */
export interface TrajectCardOptions {
  /** Their own active weeks of the planned ones: shown to them alone. */
  progress?: TrajectProgress;
  /** "Nieuw Prof-traject schetsen": an empty form whose save starts counting anew. */
  fresh?: boolean;
}

/** "12 van 20 actieve weken", the person's own count: no judgement, no colour. */
export function progressLine(progress: TrajectProgress, t: Translate): Element {
  return textBlock(t('verantwoording.traject.progress', { active: progress.activeWeeks, count: progress.plannedWeeks }), { spacing: 'Small' });
}

/** The stored version next to a form whose save it beat: read only, for the person to compare. */
function storedVersion(traject: ProfTraject, t: Translate): Element {
  const facts = [{ title: t('verantwoording.traject.plannedWeeks'), value: String(traject.plannedWeeks) }];
  if (traject.maturityPhase) facts.push({ title: t('verantwoording.traject.phase'), value: t(`talentReview.phase.${traject.maturityPhase}.name`) });
  return container(
    [
      textBlock(t('verantwoording.traject.storedNow'), { weight: 'Bolder' }),
      ...(traject.learningNeeds ? [textBlock(t('verantwoording.traject.learningNeeds'), { size: 'Small', weight: 'Bolder' }), plainText(traject.learningNeeds)] : []),
      ...(traject.talents ? [textBlock(t('verantwoording.traject.talents'), { size: 'Small', weight: 'Bolder' }), plainText(traject.talents)] : []),
      factSet(facts),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * Sketches or edits the Prof-traject: learning needs, talents, planned active weeks. The save
 * carries the revision the form was made from, so a newer version saved elsewhere is not undone.
 * `draft`: the new note being typed on the overview the form was opened from; it goes back there.
 */
export function profTrajectCard(traject: ProfTraject | undefined, t: Translate, suggestedWeeks = DEFAULT_TRAJECT_WEEKS, refused?: RefusedTraject, draft?: string, opts: TrajectCardOptions = {}): AdaptiveCardJson {
  // Sketching anew (from the look-back at its end): an empty form whose save counts weeks from now; a refusal keeps the mode.
  const fresh = !!traject && (opts.fresh || refused?.values.fresh === true);
  const text = (id: 'learningNeeds' | 'talents') => (refused ? submittedText(refused.values, id) ?? '' : fresh ? '' : traject?.[id] ?? '');
  // A phase that was not sent was kept as stored, so the form shows the stored one.
  const phase = (refused ? submittedText(refused.values, 'maturityPhase') : undefined) ?? traject?.maturityPhase ?? '';
  const weeks = refused ? submittedNumber(refused.values, 'weeks') : traject?.plannedWeeks ?? suggestedWeeks;
  // After a conflict the person has now seen the stored version: saving again is their choice to keep theirs.
  // A form refused for a field keeps the revision it was made from, so a newer text elsewhere still wins.
  const rev = refused && !refused.changedElsewhere ? submittedNumber(refused.values, 'rev') : trajectRev(traject);
  // Its sharing as the form shows it goes with the save the same way: shared since, nothing new reaches the manager unseen.
  // Sketched anew it is private again (sketchProfTraject), so that form needs none.
  const visibilityRev = fresh ? undefined : refused && !refused.changedElsewhere ? submittedNumber(refused.values, 'visibilityRev') : traject ? visibilityRevOf(traject) : undefined;
  const sharedSince = !!refused?.changedElsewhere && !!refused.sharedSince;
  const conflict = refused?.changedElsewhere && !sharedSince && traject ? traject : undefined;
  const shared = !fresh && traject?.visibility === 'shared';
  const textInput = (id: 'learningNeeds' | 'talents', placeholder: string) =>
    withFieldError(
      { type: 'Input.Text', id, label: t(`verantwoording.traject.${id}`), placeholder, value: text(id), isMultiline: true, maxLength: Math.max(unitCeiling(MAX_TRAJECT_TEXT), text(id).length) },
      refused?.errors[id],
    );
  const progress = !fresh && opts.progress ? [progressLine(opts.progress, t)] : [];
  return adaptiveCard(
    [
      heading(t(fresh ? 'verantwoording.traject.freshTitle' : 'verantwoording.traject.title')),
      ...progress,
      textBlock(t(fresh ? 'verantwoording.traject.freshIntro' : 'verantwoording.traject.formIntro')),
      ...(sharedSince
        ? [refusalNotice(t('verantwoording.editShared.trajectRefused'))]
        : conflict
          ? [refusalNotice(t('verantwoording.traject.changedElsewhere')), storedVersion(conflict, t)]
          : refused
            ? [refusalNotice(t('verantwoording.form.notSaved'))]
            : []),
      ...(shared && !sharedSince ? [textBlock(t('verantwoording.editShared.trajectNotice'), { weight: 'Bolder' })] : []),
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
      execute(t('verantwoording.save'), 'saveTraject', { ...(rev === undefined ? {} : { rev }), ...(visibilityRev === undefined ? {} : { visibilityRev }), ...(fresh ? { fresh: true as const } : {}), ...carriedDraft(draft) }, { style: 'positive' }),
      backToOverview(t, draft),
    ],
  );
}
