import { z } from 'zod';

/**
 * Environment variables of the B3-spiegel pulse polls and the outbox.
 * Filled in by that feature; merged into the one config schema in ../config.ts.
 */
export const pulsePollEnv = {};

export type PulsePollEnv = z.infer<z.ZodObject<typeof pulsePollEnv>>;

export function pulsePollConfig(_env: PulsePollEnv) {
  return {};
}
