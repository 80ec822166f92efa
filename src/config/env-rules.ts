import { z } from 'zod';

/** A comma-separated list; blanks dropped. */
export const csv = z
  .string()
  .optional()
  .transform((v) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** Text where an empty value means "not set". */
export const optionalText = z
  .string()
  .optional()
  .transform((v) => (v && v.trim() !== '' ? v.trim() : undefined));

export const positiveInt = (fallback: number) => z.coerce.number().int().positive().default(fallback);
