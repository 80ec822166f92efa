import { TurnContext } from 'botbuilder';
import { MATURITY_PHASES, MaturityPhase } from '../../../domain/talent-review/maturity';
import { MAX_FACILITATED_LENGTH } from '../../../domain/talent-review/review';
import { Translate } from '../../../i18n/i18n';
import { buildPrep, prepShowableIn } from '../../../usecases/talent-review/prep';
import { FieldProblem, RefusalForm } from '../../card-actions';
import { AdaptiveCardJson, submittedInput, submittedText } from '../../cards/card-kit';
import { errorCard } from '../../cards/error.card';
import { RefusedPlan } from '../../cards/talent-review/plan-review.card';
import { RefusedMove } from '../../cards/talent-review/change-review.card';
import { notSavedPrepCard } from '../../cards/talent-review/prep-not-saved.card';
import { prepCard, PrepInputs, prepWithdrawnCard } from '../../cards/talent-review/prep.card';
import { postCard } from '../../card-response';
import { isInvoke } from '../../turn';
import { managerUi, TalentReviewFeatureDeps } from './deps';
import { prepMessageOf } from './prep-cards';

/** The words next to a refused field of a talent-review form. */
export function talentReviewReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  switch (p.field) {
    case 'reportId':
      return t(p.code === 'forbidden' ? 'talentReview.form.reportNotTheirs' : 'talentReview.form.report');
    case 'date':
      if (p.params.taken) return t('talentReview.form.dateTaken');
      if (p.params.held) return t('talentReview.form.dateHeld');
      return t(p.rule === 'range' ? 'talentReview.form.dateRange' : 'talentReview.form.dateFormat');
    case 'timeZone':
      return t('talentReview.form.timeZone');
    case 'prepDays':
      return t('talentReview.form.prepDays', { min: 0, max: 30 });
    case 'phase':
      return t('talentReview.form.phaseRequired');
    case 'facilitated':
      return p.rule === 'tooLong'
        ? t('talentReview.form.facilitatedTooLong', { max: MAX_FACILITATED_LENGTH, length: p.params.shown ?? p.params.count ?? submittedText(values, 'facilitated')?.length ?? 0 })
        : t('talentReview.form.facilitatedRequired');
    default:
      return t('error.invalidInput');
  }
}

/**
 * The words next to a refused field of the move card: it has no list of reports to choose from, so
 * a report who moved to another manager means the conversation can only be cancelled now.
 */
function moveReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  return p.field === 'reportId' && p.code === 'forbidden' ? t('talentReview.change.reportNotTheirs') : talentReviewReason(p, t, values);
}

/**
 * The prep card's inputs as the manager sent them (each of its buttons sends them all), to show
 * back as typed; an input the press did not carry is left to the stored value.
 */
export function typedPrepInputs(values: Record<string, unknown>): PrepInputs {
  const share = values.shareFacilitation;
  const phase = values.phase;
  const facilitated = submittedInput(values, 'facilitated');
  return {
    ...(facilitated !== undefined ? { facilitated } : {}),
    ...(share !== undefined ? { shareFacilitation: share === true || share === 'true' } : {}),
    // A value that is no phase (a stale or tampered card) shows as "none picked".
    ...(typeof phase === 'string' ? { phase: MATURITY_PHASES.includes(phase as MaturityPhase) ? (phase as MaturityPhase) : ('' as const) } : {}),
  };
}

/**
 * The prep card again after a refused press, everything typed kept and the reason next to `field`,
 * the input the button is about: a problem with anything else (the card's own data) is said there
 * too, so the card never comes back without a reason.
 */
function prepRefusal(deps: TalentReviewFeatureDeps, field: 'phase' | 'facilitated'): RefusalForm {
  return {
    reason: talentReviewReason,
    render: async (context, r) => {
      // The report moved to another manager: no prep card is theirs to show any more, what they typed is.
      if (r.problems.some((p) => p.field === 'reportId' && p.code === 'forbidden')) {
        const typed = notSavedPrepCard(r.values, r.t);
        // The pressed message showed a prep that is no longer theirs, and the daily check will
        // withdraw it: what they typed goes in a message of its own, which nothing overwrites.
        if (!isInvoke(context) || !typed.hasText) return typed.card;
        await postCard(context, typed.card);
        return prepWithdrawnCard(r.t, 'notManager');
      }
      // The Submit fallback would post the card as a new message, which nothing remembers or rebuilds: the plain refusal instead.
      if (!isInvoke(context)) throw new Error('no prep card outside the message it replaces');
      const ui = await managerUi(deps, context);
      const reviewId = String(r.values.reviewId ?? '');
      const shownIn = prepMessageOf(context);
      if (!(await prepShowableIn(deps.talentReview, ui.managerId, reviewId, shownIn))) return errorCard({ code: 'otherGroup', place: 'talentReview' }, ui.t);
      const view = await buildPrep(deps.talentReview, ui.managerId, reviewId, ui.language, shownIn);
      return prepCard(view, ui.t, ui.language, { ...typedPrepInputs(r.values), errors: { [field]: r.errors[field] ?? ui.t('error.invalidInput') } });
    },
  };
}

/** The manager's forms, rendered again after a refused input: planning a conversation, moving one, proposing a phase, and "what did I facilitate?". */
export function talentReviewForms(
  deps: TalentReviewFeatureDeps,
  planCard: (context: TurnContext, refused: RefusedPlan) => Promise<AdaptiveCardJson>,
  changeCard: (context: TurnContext, reviewId: string, refused: RefusedMove) => Promise<AdaptiveCardJson>,
): { planReview: RefusalForm; moveReview: RefusalForm; proposePhase: RefusalForm; saveFacilitated: RefusalForm } {
  return {
    planReview: { render: (context, r) => planCard(context, { values: r.values, errors: r.errors }), reason: talentReviewReason, inputs: { prepDaysBefore: 'prepDays' } },
    moveReview: { render: (context, r) => changeCard(context, String(r.values.reviewId ?? ''), { values: r.values, errors: r.errors }), reason: moveReason },
    proposePhase: prepRefusal(deps, 'phase'),
    saveFacilitated: prepRefusal(deps, 'facilitated'),
  };
}
