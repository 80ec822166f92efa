/** What the AI drafts for question 6: a proposal that shows its own assumptions and weak spots. */
export interface ProposalDraft {
  proposal: string;
  assumptions: string[];
  risks: string[];
  questionsToCheck: string[];
}

/** The group's own answers to the questions before the proposal, in agenda order. */
export interface ProposalInput {
  language: 'nl' | 'en';
  answers: { questionId: number; question: string; answer: string }[];
  /**
   * The names of the group's people (see `draftNamesAPerson`): a draft that names one is not
   * returned (`names-a-person`). Never sent to the model.
   */
  namesNotToShow?: readonly string[];
}

/**
 * Why no draft came back: said plainly to the group (language key `proposal.failed.<reason>`),
 * which then continues with its own proposal.
 * - content-filter: Azure's content filter refused the prompt or stopped the answer;
 * - too-long: the answer was cut off or over the limits (length, number of items);
 * - invalid-output: the answer was no draft at all (not JSON, wrong shape);
 * - refused: the model declined to draft from these answers (it would decline again: not asked again);
 * - names-a-person: the draft named someone of the group (see `draftNamesAPerson`), so it is not shown.
 */
export const DRAFT_FAILURES = ['not-configured', 'rate-limited', 'timeout', 'invalid-output', 'too-long', 'content-filter', 'unavailable', 'refused', 'names-a-person'] as const;
export type DraftFailure = (typeof DRAFT_FAILURES)[number];

export type DraftResult = { ok: true; draft: ProposalDraft } | { ok: false; reason: DraftFailure };

/** Port: drafts an improvement proposal from the group's answers. Never throws. */
export interface ProposalDrafter {
  readonly enabled: boolean;
  draft(input: ProposalInput, signal?: AbortSignal): Promise<DraftResult>;
}
