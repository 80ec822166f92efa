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

/** An on/off switch: `true` or `false` (empty means false); anything else is refused, not guessed. */
export const flag = z
  .enum(['true', 'false', ''])
  .optional()
  .transform((v) => v === 'true');
