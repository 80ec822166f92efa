import { INTERVENTIONS_PER_PHASE, MATURITY_PHASES, PRECONDITIONS } from '../../../domain/talent-review/maturity';
import { MAX_FACILITATED_LENGTH } from '../../../domain/talent-review/review';
import { Translate } from '../../../i18n/i18n';
import { PrepView } from '../../../usecases/talent-review/prep';
import { actionSet, adaptiveCard, AdaptiveCardJson, container, Element, execute, factSet, heading, plainText, refusalNotice, subtle, textBlock, truncate, withFieldError } from '../card-kit';

const ITEM_LENGTH = 700;

function section(title: string, items: Element[], emptyText: string): Element[] {
  return [textBlock(title, { weight: 'Bolder', spacing: 'Medium', separator: true }), ...(items.length ? items : [subtle(emptyText)])];
}

function pulseLine(view: PrepView, t: Translate): string {
  const p = view.pulse;
  if (p.status === 'none') return t('talentReview.prep.pulseNone');
  if (p.status === 'tooFew') return t('talentReview.prep.pulseTooFew', { closedOn: p.closedOn });
  return t('talentReview.prep.pulseOk', { ...p.scores, respondents: p.respondents, closedOn: p.closedOn });
}

function phaseSection(view: PrepView, t: Translate): Element[] {
  const name = view.review.reportName;
  const { phase, chosenBy } = view.phase;
  const head = textBlock(t('talentReview.prep.phase'), { weight: 'Bolder', spacing: 'Medium', separator: true });
  const picker = (value: string) =>
    container([
      { type: 'Input.ChoiceSet', id: 'phase', value, choices: MATURITY_PHASES.map((p) => ({ title: `${t(`talentReview.phase.${p}.name`)}: ${t(`talentReview.phase.${p}.description`)}`, value: p })) },
      actionSet([execute(t('talentReview.prep.phaseSave'), 'pickReviewPhase', { reviewId: view.review.id }, { associatedInputs: 'auto' })]),
    ]);
  if (!phase) return [head, textBlock(t('talentReview.prep.phaseNone', { name })), picker('')];
  const label = t(`talentReview.phase.${phase}.name`);
  const points = Array.from({ length: INTERVENTIONS_PER_PHASE[phase] }, (_, i) => textBlock(`• ${t(`talentReview.phase.${phase}.interventions.${i + 1}`)}`, { spacing: 'None' }));
  return [
    head,
    textBlock(chosenBy === 'professional' ? t('talentReview.prep.phaseOwn', { phase: label, name }) : t('talentReview.prep.phaseManager', { phase: label })),
    ...(chosenBy === 'manager' ? [picker(phase)] : []),
    textBlock(t('talentReview.prep.talkingPoints'), { weight: 'Bolder' }),
    ...points,
  ];
}

/**
 * The prep card for one direct report: only what they shared, the team's B3 aggregate under the
 * anonymity rule, talking points for their phase, and the manager's own accountability.
 */
export function prepCard(view: PrepView, t: Translate, refusedFacilitated?: { text?: string; error: string }): AdaptiveCardJson {
  const facilitated = refusedFacilitated?.text ?? view.review.facilitated ?? '';
  const name = view.review.reportName;
  const time = view.time.cyclesShared
    ? t('talentReview.prep.timeValue', { used: view.time.hoursUsed, granted: view.time.hoursGranted, sessions: view.time.sessionsAttended, cycles: view.time.cyclesShared })
    : t('talentReview.prep.timeNone');
  const body: Element[] = [
    heading(t('talentReview.prep.title', { name })),
    subtle(t('talentReview.prep.date', { date: view.review.date })),
    subtle(t('talentReview.prep.sharedOnly', { name })),
    ...(view.aiSummary ? [container([textBlock(t('talentReview.prep.aiLabel'), { weight: 'Bolder', color: 'Warning' }), plainText(truncate(view.aiSummary, 1500))], { style: 'warning', spacing: 'Medium' })] : []),
    factSet([{ title: t('talentReview.prep.time'), value: time }]),
    ...section(
      t('talentReview.prep.proposals'),
      view.proposals.flatMap((p) => [
        plainText(`${p.groupName}: ${truncate(p.text, ITEM_LENGTH)}`),
        subtle(`${p.status === 'open' ? t('talentReview.prep.open') : t(`verdict.${p.status}`)}${p.firstStep ? ` · ${t('talentReview.prep.firstStep', { step: truncate(p.firstStep, 300) })}` : ''}`),
      ]),
      t('talentReview.prep.proposalsNone'),
    ),
    ...section(t('talentReview.prep.reflections'), view.reflections.flatMap((r) => [subtle(r.question), plainText(truncate(r.text, ITEM_LENGTH))]), t('talentReview.prep.nothingShared')),
    ...section(t('talentReview.prep.notes'), view.notes.slice(0, 10).map((n) => plainText(`• ${truncate(n, ITEM_LENGTH)}`)), t('talentReview.prep.nothingShared')),
    ...section(
      t('talentReview.prep.traject'),
      view.traject
        ? [
            subtle(t('talentReview.prep.learningNeeds')),
            plainText(truncate(view.traject.learningNeeds, ITEM_LENGTH)),
            subtle(t('talentReview.prep.talents')),
            plainText(truncate(view.traject.talents, ITEM_LENGTH)),
            subtle(t('talentReview.prep.weeks', { weeks: view.traject.plannedWeeks })),
          ]
        : [],
      t('talentReview.prep.nothingShared'),
    ),
    ...section(t('talentReview.prep.pulse'), [textBlock(pulseLine(view, t))], ''),
    ...phaseSection(view, t),
    textBlock(t('talentReview.preconditions.title'), { weight: 'Bolder', spacing: 'Medium' }),
    textBlock(PRECONDITIONS.map((p) => t(`talentReview.preconditions.${p}`)).join(' · '), { spacing: 'None', size: 'Small' }),
    textBlock(t('talentReview.prep.facilitated'), { weight: 'Bolder', spacing: 'Medium', separator: true }),
    subtle(t('talentReview.prep.facilitatedHint')),
    ...(refusedFacilitated ? [refusalNotice(t('talentReview.form.notSaved'))] : []),
    ...withFieldError(
      { type: 'Input.Text', id: 'facilitated', isMultiline: true, maxLength: Math.max(MAX_FACILITATED_LENGTH, facilitated.length), value: facilitated },
      refusedFacilitated?.error,
    ),
    actionSet([execute(t('talentReview.prep.facilitatedSave'), 'saveFacilitated', { reviewId: view.review.id }, { associatedInputs: 'auto' })]),
  ];
  return adaptiveCard(body);
}
