import { z } from 'zod';

/**
 * Environment variables of "Mijn verantwoording" (notes, message extension, personal tab).
 * Filled in by that feature; merged into the one config schema in ../config.ts.
 */
export const verantwoordingEnv = {};

export type VerantwoordingEnv = z.infer<z.ZodObject<typeof verantwoordingEnv>>;

export function verantwoordingConfig(_env: VerantwoordingEnv, _bot: { mode: string; tenantId?: string }) {
  return {};
}
