import { z } from 'zod';
import { optionalText } from '../env-rules';

/** Environment variables of the talentontwikkelgesprek prep cards and the HR report. */
export const talentReviewEnv = {
  DIRECTORY_FILE: optionalText,
  PREP_DAYS_BEFORE: z.coerce.number().int().min(0).max(30).default(3),
  REPORT_LINK_SECRET: optionalText,
  REPORT_LINK_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
};

export type TalentReviewEnv = z.infer<z.ZodObject<typeof talentReviewEnv>>;

export function talentReviewConfig(env: TalentReviewEnv) {
  return {
    /** A JSON file with who manages whom (local use); in Azure the Graph directory is used. */
    directoryFile: env.DIRECTORY_FILE,
    prepDaysBefore: env.PREP_DAYS_BEFORE,
    /** Signs the HR report's download links; a random per-process key when unset (one instance only). */
    reportLinkSecret: env.REPORT_LINK_SECRET,
    reportLinkMinutes: env.REPORT_LINK_MINUTES,
  };
}
