import { Application, TurnState } from '../../teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { defaultPeriod, hrReport, HrReportDeps } from '../../../usecases/hr-report/hr-report';
import { postCard } from '../../card-response';
import { errorCard } from '../../cards/error.card';
import { hrReportCard } from '../../cards/hr-report/hr-report.card';
import type { CardActionContext } from '../../card-actions';
import { actorOf, conversationKindOf, tenantOf } from '../../turn';
import { reportPeriod } from './report-period';

export interface HrReportFeatureDeps {
  report: HrReportDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: 'nl' | 'en';
  /** The language of this turn: the group's or channel's where one is set up, else the hint given, else the default. */
  localeFor: CardActionContext['localeFor'];
  /** Signed, short-lived download links for a period. */
  links(tenantId: string, period: { from: string; to: string }, language: 'nl' | 'en'): Promise<{ csv: string; summary: string; minutes: number }>;
}

const COMMAND = /^\s*(rapport|report)\b/i;

/** "rapport [van] [tot]" in a channel or group chat, for HR/L&O only; one date runs to today. */
export function registerHrReport(app: Application<TurnState>, deps: HrReportFeatureDeps): void {
  app.message(
    async (context) => conversationKindOf(context) !== 'personal' && COMMAND.test(context.activity.text ?? ''),
    async (context) => {
      const text = context.activity.text ?? '';
      // With no language stored for this chat, the command word they typed ("report") is the hint.
      const hint = COMMAND.exec(text)?.[1]?.toLowerCase() === 'report' ? 'en' : 'nl';
      const language = await deps.localeFor(context, { language: hint }).catch(() => deps.defaultLanguage);
      const t = deps.translator.t(language);
      const fallback = defaultPeriod(deps.report.clock.now(), deps.report.timeZone);
      const period = reportPeriod(text.replace(COMMAND, ''), fallback.to, fallback);
      if (!period) return void (await context.sendActivity(t('hrReport.usage')));
      try {
        const tenant = tenantOf(context) ?? '';
        const report = await hrReport(deps.report, actorOf(context).id, tenant, period);
        await postCard(context, hrReportCard(report, await deps.links(tenant, period, language), t, language));
      } catch (err) {
        if (!isDomainError(err)) throw err;
        deps.logger.info({ code: err.code }, 'hr report refused');
        if (err.code === 'forbidden') await context.sendActivity(t('hrReport.notHr'));
        else if (err.code === 'invalidInput') await context.sendActivity(t('hrReport.usage'));
        else await postCard(context, errorCard(err, t));
      }
    },
  );
}
