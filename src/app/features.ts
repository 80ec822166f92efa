import { registerFallbacks } from '../teams/features/fallbacks';
import { composeTalentReview } from './features/talent-review.feature';
import { composeVerantwoording } from './features/verantwoording.feature';
import { composeWeekCycle } from './features/week-cycle.feature';
import { Platform } from './platform';

/**
 * Every feature, in registration order. Routes are matched in this order, so the fallbacks that
 * answer what nobody handled come last.
 */
export function composeFeatures(p: Platform): void {
  composeWeekCycle(p);
  const verantwoording = composeVerantwoording(p); // Mijn verantwoording
  // B3-spiegel pulse polls register here.
  composeTalentReview(p, { verantwoording, pulse: { latest: async () => ({ status: 'none' }) } });
  registerFallbacks(p.app, { translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage });
}
