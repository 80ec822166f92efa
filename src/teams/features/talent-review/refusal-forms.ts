import { TurnContext } from 'botbuilder';
import { MAX_FACILITATED_LENGTH } from '../../../domain/talent-review/review';
import { Translate } from '../../../i18n/i18n';
import { buildPrep } from '../../../usecases/talent-review/prep';
import { FieldProblem, RefusalForm } from '../../card-actions';
import { AdaptiveCardJson, submittedText } from '../../cards/card-kit';
import { RefusedPlan } from '../../cards/talent-review/plan-review.card';
import { prepCard } from '../../cards/talent-review/prep.card';
import { managerUi, TalentReviewFeatureDeps } from './deps';

/** The words next to a refused field of a talent-review form. */
export function talentReviewReason(p: FieldProblem, t: Translate, values: Record<string, unknown>): string {
  switch (p.field) {
    case 'reportId':
      return t('talentReview.form.report');
    case 'date':
      return t(p.rule === 'range' ? 'talentReview.form.dateRange' : 'talentReview.form.dateFormat');
    case 'timeZone':
      return t('talentReview.form.timeZone');
    case 'prepDays':
      return t('talentReview.form.prepDays', { min: 0, max: 30 });
    case 'facilitated':
      return p.rule === 'tooLong'
        ? t('talentReview.form.facilitatedTooLong', { max: MAX_FACILITATED_LENGTH, length: p.params.count ?? submittedText(values, 'facilitated')?.length ?? 0 })
        : t('talentReview.form.facilitatedRequired');
    default:
      return t('error.invalidInput');
  }
}

/** The manager's forms, rendered again after a refused input: planning a conversation, and "what did I facilitate?". */
export function talentReviewForms(deps: TalentReviewFeatureDeps, planCard: (context: TurnContext, refused: RefusedPlan) => Promise<AdaptiveCardJson>): { planReview: RefusalForm; saveFacilitated: RefusalForm } {
  return {
    planReview: { render: (context, r) => planCard(context, { values: r.values, errors: r.errors }), reason: talentReviewReason, inputs: { prepDaysBefore: 'prepDays' } },
    saveFacilitated: {
      reason: talentReviewReason,
      render: async (context, r) => {
        const ui = await managerUi(deps, context);
        const view = await buildPrep(deps.talentReview, ui.managerId, String(r.values.reviewId ?? ''), ui.language);
        return prepCard(view, ui.t, ui.language, { text: submittedText(r.values, 'facilitated'), share: r.values.shareFacilitation === true || r.values.shareFacilitation === 'true', error: r.errors.facilitated ?? ui.t('error.invalidInput') });
      },
    },
  };
}
