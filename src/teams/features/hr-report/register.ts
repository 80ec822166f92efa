import { Application, TurnState } from '@microsoft/teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { defaultPeriod, hrReport, HrReportDeps } from '../../../usecases/hr-report/hr-report';
import { postCard } from '../../card-response';
import { errorCard } from '../../cards/error.card';
import { hrReportCard } from '../../cards/hr-report/hr-report.card';
import { actorOf, conversationKindOf, tenantOf } from '../../turn';

export interface HrReportFeatureDeps {
  report: HrReportDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: 'nl' | 'en';
  /** Signed, short-lived download links for a period. */
  links(tenantId: string, period: { from: string; to: string }, language: 'nl' | 'en'): Promise<{ csv: string; summary: string; minutes: number }>;
}

const COMMAND = /^\s*(rapport|report)\b/i;

/** "rapport [van] [tot]" in a channel or group chat, for HR/L&O only. */
export function registerHrReport(app: Application<TurnState>, deps: HrReportFeatureDeps): void {
  app.message(
    async (context) => conversationKindOf(context) !== 'personal' && COMMAND.test(context.activity.text ?? ''),
    async (context) => {
      const language = deps.defaultLanguage;
      const t = deps.translator.t(language);
      const dates = (context.activity.text ?? '').replace(COMMAND, '').match(/\d{4}-\d{2}-\d{2}/g) ?? [];
      const period = dates.length >= 2 ? { from: dates[0]!, to: dates[1]! } : defaultPeriod(deps.report.clock.now(), deps.report.timeZone);
      try {
        const tenant = tenantOf(context) ?? '';
        const report = await hrReport(deps.report, actorOf(context).id, tenant, period);
        await postCard(context, hrReportCard(report, await deps.links(tenant, period, language), t));
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
