import { z } from 'zod';

/** Environment variables of the Vitale Weekcyclus beyond the time box. */
export const weekCycleEnv = {
  /** Share of the members present whose judgement the group's decision needs (0.5: at least half). */
  DECISION_QUORUM: z.coerce.number().min(0.1).max(1).default(0.5),
};

export type WeekCycleEnv = z.infer<z.ZodObject<typeof weekCycleEnv>>;

export function weekCycleConfig(env: WeekCycleEnv) {
  return { decisionQuorum: env.DECISION_QUORUM };
}
