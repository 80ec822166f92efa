/**
 * The learning maturity model (TNO, see DOMAIN.md): where a professional stands, and what a
 * manager can do at that phase. The texts live in the language files; these are the keys.
 */
export const MATURITY_PHASES = ['onbewust', 'overwegen', 'actie', 'toepassen', 'continu'] as const;
export type MaturityPhase = (typeof MATURITY_PHASES)[number];

/** How many interventions each phase has in the language files (talentReview.phase.<id>.interventions). */
export const INTERVENTIONS_PER_PHASE: Record<MaturityPhase, number> = {
  onbewust: 3,
  overwegen: 3,
  actie: 3,
  toepassen: 2,
  continu: 3,
};

/** Preconditions worth naming on every prep card (talentReview.preconditions.<id>). */
export const PRECONDITIONS = ['workFloor', 'sharedVision', 'readiness', 'psychologicalSafety', 'workload'] as const;

export function isMaturityPhase(value: unknown): value is MaturityPhase {
  return typeof value === 'string' && (MATURITY_PHASES as readonly string[]).includes(value);
}

/**
 * The phase the conversation's talking points follow: the professional's own choice; only where
 * they chose none, the manager's proposal (labelled as such on the card). The proposal never
 * replaces the professional's choice.
 */
export function phaseForConversation(own: MaturityPhase | undefined, proposed: MaturityPhase | undefined): { own?: MaturityPhase; proposed?: MaturityPhase; talkingPoints?: MaturityPhase } {
  const talkingPoints = own ?? proposed;
  return { ...(own ? { own } : {}), ...(proposed ? { proposed } : {}), ...(talkingPoints ? { talkingPoints } : {}) };
}
