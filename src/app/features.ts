import { registerFallbacks } from '../teams/features/fallbacks';
import { composePulsePoll } from './features/pulse-poll.feature';
import { composeWeekCycle } from './features/week-cycle.feature';
import { Platform } from './platform';

/**
 * Every feature, in registration order. Routes are matched in this order, so the fallbacks that
 * answer what nobody handled come last.
 */
export function composeFeatures(p: Platform): void {
  composeWeekCycle(p);
  // Mijn verantwoording registers here.
  // B3-spiegel pulse polls register here.
  composePulsePoll(p);
  registerFallbacks(p.app, { translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage });
}
