import { z } from 'zod';
import { DEFAULT_LEARNING_HOURS_PER_WEEK } from '../../domain/talent-review/learning-time';

/**
 * The organisation's grant of learning time: hours per active week. Times the active weeks of
 * a professional's Prof-traject, it is the "granted" in "used of granted" (verantwoording, prep card).
 */
export const learningTimeEnv = {
  LEARNING_HOURS_PER_WEEK: z.coerce
    .number()
    .min(0.5, 'at least half an hour per active week')
    .max(40, 'at most 40 hours per active week')
    .refine((h) => Number.isInteger(h * 2), { message: 'whole or half hours (e.g. 4 or 2.5)' })
    .default(DEFAULT_LEARNING_HOURS_PER_WEEK),
};

export type LearningTimeEnv = z.infer<z.ZodObject<typeof learningTimeEnv>>;

export function learningTimeConfig(env: LearningTimeEnv) {
  return { hoursPerWeek: env.LEARNING_HOURS_PER_WEEK };
}
