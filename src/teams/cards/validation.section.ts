import { adaptedAiDraft, adoptedAiDraft, Judgement, judgementsOfText, MAX_PROPOSAL_LENGTH, MAX_REASON_LENGTH, OPINIONS, textFingerprint, Verdict, VERDICTS } from '../../domain/proposal/proposal';
import { offersShareWithLo } from '../../domain/proposal/proposal-to-lo';
import { Translate } from '../../i18n/i18n';
import { SessionView } from '../../usecases/week-cycle/session-view';
import { actionSet, container, Element, execute, holding, plainText, submittedText, subtle, textBlock, truncate, withFieldError } from './card-kit';
import { cutWhole, unitCeiling, visibleLength } from '../../domain/shared/text';

type ProposalView = NonNullable<SessionView['proposal']>;

/** "5 aanwezigen", "1 aanwezige": the members present, for the judgement counts. */
function present(p: ProposalView, t: Translate): string {
  return t('validation.present', { count: p.present });
}

/**
 * The text the group judges as the card shows it, with its fingerprint (which the judge and
 * decide buttons carry), and the judgements split into those of this text (they count) and those
 * given for an earlier one (a line added since, an AI draft that landed after).
 */
interface UnderJudgement {
  text: string;
  fingerprint: string;
  current: Judgement[];
  earlier: Judgement[];
}

function underJudgement(p: ProposalView): UnderJudgement {
  const text = p.ai.status === 'drafted' ? p.ai.draft.proposal : p.ownProposal;
  const fingerprint = textFingerprint(text);
  return { text, fingerprint, ...judgementsOfText(p.id, p.judgements, fingerprint) };
}

/**
 * How much of the proposal's text the live card shows, step by step (`sessionCard` takes the first
 * whose card fits). Without an AI draft the text is everything written at the proposal question,
 * joined: eight members adding 2000 characters each, more than once, make a card Teams refuses
 * (over about 100 KB), for every member and for the shared card, and the group could not decide.
 * The text stays stored whole; the judgements and the decision are of the whole text.
 */
export const PROPOSAL_LENGTHS: readonly number[] = [Infinity, 16_000, 8_000, 4_000, 1_500];

/**
 * Up to this length (the most an AI draft or the group's own words can be) the card is far within
 * the size Teams delivers: it is built once, not measured.
 */
export const PROPOSAL_ALWAYS_FITS = MAX_PROPOSAL_LENGTH;

/** The length of the text this section shows that may be shortened: the text under judgement, or the one decided on. */
export function validationTextLength(view: SessionView): number {
  const p = view.proposal;
  if (!p) return 0;
  if (p.decision) return p.decision.text?.length ?? 0;
  return (p.ai.status === 'drafted' ? p.ai.draft.proposal : p.ownProposal).length;
}

/**
 * A text cut to `length` (code units: it is the card's size that is bounded), between whole
 * characters (never inside an emoji, nor an accent from its letter), the cut marked with "…", and
 * above it a line that says so and how much is not shown: nobody should take the part shown for all
 * the group wrote. How much is said in characters as a reader sees them, as every count of the app
 * (`visibleLength`): a family emoji is one, not eight.
 */
function shownText(text: string, length: number, note: (counts: { shown: number; total: number }) => string): Element[] {
  if (text.length <= length) return [plainText(text)];
  const cut = cutWhole(text, length - 1);
  return [textBlock(note({ shown: visibleLength(cut), total: totalLength(text) }), { color: 'Warning', weight: 'Bolder', size: 'Small', spacing: 'Small' }), plainText(`${cut}…`)];
}

/**
 * The whole text's `visibleLength`, remembered for the last text: the card is built once per
 * shortening step until one fits (`PROPOSAL_LENGTHS`), each with the same text, and a long text of
 * emoji takes the segmenter some 30 ms per count.
 */
let lastCounted: { text: string; length: number } | undefined;
function totalLength(text: string): number {
  if (lastCounted?.text !== text) lastCounted = { text, length: visibleLength(text) };
  return lastCounted.length;
}

/** The proposal as it stands, labelled as the AI's or the group's own: what the members judge and the group decides on. */
function theProposal(p: ProposalView, u: UnderJudgement, t: Translate, length: number): Element[] {
  return [
    textBlock(p.ai.status === 'drafted' ? t('validation.theProposalAi') : t('validation.theProposalOwn'), { weight: 'Bolder', spacing: 'Small' }),
    ...(u.text ? shownText(u.text, length, (counts) => t('validation.proposalShortened', counts)) : [subtle(t('validation.noProposalText'))]),
  ];
}

/**
 * How much of each reason the live card shows. Eight members' reasons in full (1000 characters
 * each) next to a long proposal make a wall of text, and bring the card near the size Microsoft
 * advises for a bot message (80 KB in UTF-16). About two lines each still reads as a reason; the
 * author has theirs in full in their own form, and the summary shows more of each.
 */
export const LIVE_REASON_LENGTH = 160;

function judgementList(judgements: Judgement[], t: Translate): Element[] {
  if (!judgements.length) return [subtle(t('validation.noJudgements'))];
  const list: Element[] = judgements.map((j) => ({
    type: 'RichTextBlock',
    inlines: [
      { type: 'TextRun', text: `${j.memberName} · ${t(`opinion.${j.opinion}`)}: `, weight: 'Bolder' },
      { type: 'TextRun', text: truncate(j.reason, LIVE_REASON_LENGTH) },
    ],
  }));
  // Said once, so a reason that stops at "…" is not mistaken for all its author wrote.
  const shortened = judgements.some((j) => j.reason.length > LIVE_REASON_LENGTH);
  return shortened ? [...list, subtle(t('validation.reasonsShortened'))] : list;
}

/**
 * The decision as recorded: what, why, the first step, and how the members had judged. No one is
 * named as its maker. An adopted or adapted proposal may go to L&O on behalf of the group: the same
 * button as the session summary's (the press shows what L&O will see first, to the presser alone).
 */
function decided(view: SessionView, p: ProposalView, t: Translate, length: number): Element {
  const d = p.decision!;
  return container(
    [
      textBlock(t('validation.decided', { verdict: t(`verdict.${d.verdict}`) }), { weight: 'Bolder' }),
      ...(d.reason ? [textBlock(t('validation.because'), { weight: 'Bolder', spacing: 'Small' }), plainText(d.reason)] : []),
      // An AI draft adopted as it is keeps saying it is the AI's text; words the group adapted from it say so.
      ...(d.text ? [textBlock(t(adoptedAiDraft(p) ? 'validation.adoptedAi' : adaptedAiDraft(p) ? 'validation.adaptedFromAi' : 'validation.adopted'), { weight: 'Bolder', spacing: 'Small' }), ...shownText(d.text, length, (counts) => t('validation.decidedShortened', counts))] : []),
      ...(d.firstStep ? [textBlock(t('validation.firstStep'), { weight: 'Bolder', spacing: 'Small' }), plainText(d.firstStep)] : []),
      subtle(t('validation.judgedAtDecision', { agree: d.judged?.agree ?? 0, doubt: d.judged?.doubt ?? 0, disagree: d.judged?.disagree ?? 0 })),
      // From the decision the card already holds: whether it was shared already is read only when pressed.
      // The session travels along, so the presser's preview has a way back to this card.
      ...(offersShareWithLo(d) ? [actionSet([execute(t('proposalToLo.button'), 'previewProposalToLo', { groupId: view.groupId, proposalId: p.id, sessionId: view.session.id }, { associatedInputs: 'none' })])] : []),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/** Judgements given for an earlier text: shown, so nobody's word disappears, but not counted. */
function earlierJudgements(u: UnderJudgement, t: Translate): Element[] {
  if (!u.earlier.length) return [];
  return [textBlock(t('validation.earlierJudgements', { count: u.earlier.length }), { weight: 'Bolder', spacing: 'Small', size: 'Small' }), ...judgementList(u.earlier, t)];
}

/** A refused judgement or decision keeps what the member entered, with the reason next to it. */
function kept(view: SessionView, id: string, fallback = ''): string {
  return submittedText(view.refused?.values, id) ?? fallback;
}

/**
 * A decision of this member that was not stored, where the form to change it is not shown (the
 * group decided by another member's press, or the judgements are not enough for the text as it
 * now stands): the reason, and what they entered, so nothing they wrote is lost.
 */
function unsavedDecision(view: SessionView, t: Translate): Element[] {
  const error = view.refused?.errors.decision;
  if (!error) return [];
  const verdict = kept(view, 'decision');
  const entered: [string, string][] = [
    [t('validation.decision'), (VERDICTS as readonly string[]).includes(verdict) ? t(`validation.choice.${verdict as Verdict}`) : ''],
    [t('validation.decisionReason'), kept(view, 'decisionReason')],
    [t('validation.ownWords'), kept(view, 'adoptedText')],
    [t('validation.firstStepLabel'), kept(view, 'firstStep')],
  ];
  const lines = entered.filter(([, value]) => value.trim());
  return [
    container(
      [
        textBlock(error, { color: 'Attention', weight: 'Bolder', size: 'Small' }),
        ...(lines.length ? [textBlock(t('validation.yourEntry'), { weight: 'Bolder', spacing: 'Small' }), ...lines.flatMap(([label, value]) => [subtle(label), plainText(value)])] : []),
      ],
      { spacing: 'Medium' },
    ),
  ];
}

/**
 * A judgement of this member that was not stored because the group decided before it (another
 * member's press), or a judgement draft refused after the group moved on: the reason, and what
 * they entered in the inputs they typed it in, so nothing they wrote is lost. No button: once the
 * group decided, judging is over.
 */
function unsavedJudgement(view: SessionView, t: Translate): Element[] {
  const errors = view.refused?.errors ?? {};
  if (!view.viewer || !(errors.opinion || errors.reason)) return [];
  return [
    container(
      [
        textBlock(t('validation.yourJudgement'), { weight: 'Bolder' }),
        ...(errors.opinion ? [textBlock(errors.opinion, { color: 'Attention', weight: 'Bolder', size: 'Small' })] : []),
        subtle(t('validation.yourEntry')),
        { type: 'Input.ChoiceSet', id: 'opinion', style: 'expanded', label: t('validation.opinion'), choices: OPINIONS.map((o) => ({ title: t(`opinion.${o}`), value: o })), value: kept(view, 'opinion') },
        ...withFieldError({ type: 'Input.Text', id: 'reason', label: t('validation.reason'), isMultiline: true, ...holding(unitCeiling(MAX_REASON_LENGTH), kept(view, 'reason')) }, errors.reason),
      ],
      { spacing: 'Medium' },
    ),
  ];
}

function judgementForm(view: SessionView, p: ProposalView, u: UnderJudgement, t: Translate): Element {
  const own = view.viewer?.judgement;
  const errors = view.refused?.errors ?? {};
  return container(
    [
      textBlock(t('validation.yourJudgement'), { weight: 'Bolder' }),
      ...withFieldError(
        { type: 'Input.ChoiceSet', id: 'opinion', style: 'expanded', label: t('validation.opinion'), choices: OPINIONS.map((o) => ({ title: t(`opinion.${o}`), value: o })), value: kept(view, 'opinion', own?.opinion ?? '') },
        errors.opinion,
      ),
      ...withFieldError({ type: 'Input.Text', id: 'reason', label: t('validation.reason'), isMultiline: true, ...holding(unitCeiling(MAX_REASON_LENGTH), kept(view, 'reason', own?.reason ?? '')) }, errors.reason),
      // Of an earlier text, the member's judgement is theirs to give again for this one.
      ...(own && u.earlier.some((j) => j.id === own.id) ? [subtle(t('validation.judgeAgain'))] : []),
      actionSet([
        execute(t(own ? 'validation.updateJudgement' : 'validation.saveJudgement'), 'judgeProposal', { groupId: view.groupId, sessionId: view.session.id, proposalId: p.id, textFingerprint: u.fingerprint, k: view.actionKey }),
      ]),
    ],
    { style: 'emphasis', spacing: 'Medium' },
  );
}

/**
 * The group's decision: only once enough of those present judged the text as it stands, with no
 * choice made in advance and the AI's text never offered as the group's words. The proposal is
 * shown above, as it stands; adapting means writing it in the group's own words. The button
 * carries the fingerprint of that text: "aannemen" adopts it, or nothing when it changed since.
 */
function decisionForm(view: SessionView, p: ProposalView, u: UnderJudgement, t: Translate): Element[] {
  const missing = p.needed - u.current.length;
  const errors = view.refused?.errors ?? {};
  if (missing > 0) {
    // Fewer present than a group's decision needs (two at least): the share of those present would read "2 of the 1".
    const quorum = p.needed > p.present ? t('validation.quorumAtLeast', { count: p.needed }) : t('validation.quorum', { count: p.needed, present: present(p, t) });
    return [subtle(t('validation.waitingForJudgements', { quorum, count: missing })), ...unsavedDecision(view, t)];
  }
  return [
    container(
      [
        textBlock(t('validation.groupDecision'), { weight: 'Bolder' }),
        subtle(t('validation.decisionIntro', { count: u.current.length })),
        ...withFieldError(
          { type: 'Input.ChoiceSet', id: 'decision', style: 'expanded', label: t('validation.decision'), choices: VERDICTS.map((v) => ({ title: t(`validation.choice.${v}`), value: v })), value: kept(view, 'decision') },
          errors.decision,
        ),
        ...withFieldError({ type: 'Input.Text', id: 'decisionReason', label: t('validation.decisionReason'), isMultiline: true, ...holding(unitCeiling(MAX_REASON_LENGTH), kept(view, 'decisionReason')) }, errors.decisionReason),
        ...withFieldError({ type: 'Input.Text', id: 'adoptedText', label: t('validation.ownWords'), isMultiline: true, ...holding(unitCeiling(MAX_PROPOSAL_LENGTH), kept(view, 'adoptedText')) }, errors.adoptedText),
        ...withFieldError({ type: 'Input.Text', id: 'firstStep', label: t('validation.firstStepLabel'), isMultiline: true, ...holding(unitCeiling(MAX_REASON_LENGTH), kept(view, 'firstStep')) }, errors.firstStep),
        actionSet([
          execute(t('validation.decide'), 'decideProposal', { groupId: view.groupId, sessionId: view.session.id, proposalId: p.id, textFingerprint: u.fingerprint, k: view.actionKey }, { style: 'positive' }),
        ]),
      ],
      { spacing: 'Medium', separator: true },
    ),
  ];
}

/**
 * Question 7: the proposal as it stands, each member's judgement of it (agree, doubt, disagree,
 * with a reason), then the group's explicit decision. Once decided, a member whose own different
 * decision, or whose judgement pressed just after it, was not stored sees that, with what they entered.
 * `proposalLength`: how much of the proposal's (or the decided) text it shows (see `PROPOSAL_LENGTHS`).
 */
export function validationSection(view: SessionView, t: Translate, proposalLength = Infinity): Element[] {
  const p = view.proposal;
  if (!p) return [textBlock(t('validation.noProposal'))];
  if (p.decision) {
    // The judgements of the text decided on; one given for an earlier text is shown as such, as before the decision.
    const u = { ...underJudgement(p), ...(p.decision.textFingerprint ? judgementsOfText(p.id, p.judgements, p.decision.textFingerprint) : {}) };
    return [
      textBlock(t('validation.judgementsTitle'), { weight: 'Bolder' }),
      subtle(t('validation.judgedOf', { count: u.current.length, present: present(p, t) })),
      ...judgementList(u.current, t),
      ...earlierJudgements(u, t),
      decided(view, p, t, proposalLength),
      ...unsavedJudgement(view, t),
      ...unsavedDecision(view, t),
    ];
  }
  const u = underJudgement(p);
  const out: Element[] = [
    ...theProposal(p, u, t, proposalLength),
    textBlock(t('validation.judgementsTitle'), { weight: 'Bolder', spacing: 'Medium' }),
    subtle(t('validation.judgedOf', { count: u.current.length, present: present(p, t) })),
    ...judgementList(u.current, t),
    ...earlierJudgements(u, t),
  ];
  // No text yet (no AI draft, nothing written at the proposal question): nothing to judge or decide
  // on, and a press would store nothing (see proposal-actions' missingProposal), so no forms.
  if (view.session.status !== 'open' || !u.text.trim()) return out;
  out.push(view.viewer ? judgementForm(view, p, u, t) : subtle(t('question.personalRefresh')));
  return [...out, ...decisionForm(view, p, u, t)];
}
