import { z } from 'zod';

/**
 * Thrown for a job whose payload its handler cannot read (a shape an older version stored, or a
 * job scheduled wrongly): no retry can change what is stored, so the job fails at once rather
 * than being retried for a day (see CosmosJobScheduler).
 */
export class UnreadablePayload extends Error {
  override name = 'UnreadablePayload';
}

/** The job's payload as `schema` reads it; an UnreadablePayload when it does not fit. */
export function readPayload<T>(schema: z.ZodType<T>, payload: Record<string, unknown>): T {
  const read = schema.safeParse(payload);
  if (!read.success) throw new UnreadablePayload(`payload does not fit: ${read.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`).join('; ')}`);
  return read.data;
}
