import { registerFallbacks } from '../teams/features/fallbacks';
import { b3History } from '../usecases/pulse-poll/b3-history';
import { isHr } from '../usecases/pulse-poll/access';
import { composeHrReport } from './features/hr-report.feature';
import { composePulsePoll } from './features/pulse-poll.feature';
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
  const verantwoording = composeVerantwoording(p);
  const pulse = composePulsePoll(p);
  const history = b3History(pulse);
  composeTalentReview(p, { verantwoording, pulse: history });
  composeHrReport(p, { isHr: (userId) => isHr(pulse, userId), b3: history });
  registerFallbacks(p.app, { translator: p.translator, logger: p.logger, defaultLanguage: p.config.defaultLanguage });
}
