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

/** The professional's own choice wins; otherwise the manager's pick on the card; otherwise none yet. */
export function effectivePhase(own: MaturityPhase | undefined, managerPick: MaturityPhase | undefined): { phase?: MaturityPhase; chosenBy?: 'professional' | 'manager' } {
  if (own) return { phase: own, chosenBy: 'professional' };
  if (managerPick) return { phase: managerPick, chosenBy: 'manager' };
  return {};
}
