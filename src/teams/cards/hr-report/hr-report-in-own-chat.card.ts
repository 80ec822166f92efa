import { Language } from '../../../domain/framework/framework';
import { Translate } from '../../../i18n/i18n';
import { actionSet, adaptiveCard, AdaptiveCardJson, escapeMarkdown, execute, heading, textBlock } from '../card-kit';
import { reportDate } from './report-format';

export interface ReportInOwnChatView {
  period: { from: string; to: string };
  language: Language;
}

/**
 * For the asker's 1:1 chat when "Toon rapport" was pressed in a channel or group chat on a client
 * without Action.Execute: there the report has no way to them alone. It waits in the outbox, so it
 * holds only the period, never the report (what managers shared with HR, bearer download links):
 * the button, pressed here in their own chat, or the command it names builds the report then.
 */
export function hrReportInOwnChatCard(vm: ReportInOwnChatView, t: Translate): AdaptiveCardJson {
  const data = { from: vm.period.from, to: vm.period.to, language: vm.language };
  // The dates come from the pressed button's data: shown as they are, never as Markdown.
  const command = escapeMarkdown(`${t('hrReport.ownChat.command')} ${vm.period.from} ${vm.period.to}`);
  return adaptiveCard([
    heading(t('hrReport.restricted.title')),
    textBlock(t('hrReport.ownChat.why', { from: escapeMarkdown(reportDate(vm.period.from, vm.language)), to: escapeMarkdown(reportDate(vm.period.to, vm.language)) })),
    textBlock(t('hrReport.ownChat.how', { command })),
    actionSet([execute(t('hrReport.restricted.show'), 'hrReportView', data)]),
  ]);
}
