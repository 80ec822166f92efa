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
}

/** Why no draft came back: said plainly to the group, which then continues without AI. */
export type DraftFailure = 'not-configured' | 'rate-limited' | 'timeout' | 'invalid-output' | 'unavailable';

export type DraftResult = { ok: true; draft: ProposalDraft } | { ok: false; reason: DraftFailure };

/** Port: drafts an improvement proposal from the group's answers. Never throws. */
export interface ProposalDrafter {
  readonly enabled: boolean;
  draft(input: ProposalInput, signal?: AbortSignal): Promise<DraftResult>;
}
