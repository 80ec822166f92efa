import { z } from 'zod';
import { DEFAULT_HOLIDAY_REGION, isKnownHolidayRegion } from '../../domain/week-cycle/holidays';

/** Environment variables of the rhythm of the year: the planned weeks and their reminders. */
export const rhythmEnv = {
  HOLIDAY_REGION: z
    .string()
    .optional()
    .transform((v) => (v && v.trim() ? v.trim().toUpperCase() : DEFAULT_HOLIDAY_REGION))
    .refine(isKnownHolidayRegion, { message: 'unknown holiday region: use a country code such as NL or BE, optionally with a state (DE-BY)' }),
  SESSION_REMINDER_MINUTES: z.coerce.number().int().min(1).max(24 * 60).default(15),
};

export type RhythmEnv = z.infer<z.ZodObject<typeof rhythmEnv>>;

export function rhythmConfig(env: RhythmEnv) {
  return {
    /** Public holidays of this region are never session days (date-holidays: country, or country-state). */
    holidayRegion: env.HOLIDAY_REGION,
    /** How long before a planned session the group's chat gets a reminder. */
    reminderMinutes: env.SESSION_REMINDER_MINUTES,
  };
}
