import { StartProblem } from '../../../domain/pulse-poll/poll-command';
import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, Element, heading, plainText, textBlock } from '../card-kit';

export type UsageProblem = StartProblem;

/** A command and what it does. The syntax is a TextRun: never read as Markdown or HTML, so "<sluitdatum>" stays visible. */
function command(syntax: string, help: string): Element[] {
  return [plainText(syntax, { weight: 'Bolder', fontType: 'Monospace' }), textBlock(help, { spacing: 'None', isSubtle: true })];
}

/** The poll commands and their syntax, with what went wrong when a command could not be read. */
export function pollHelpCard(t: Translate, problem?: { kind: UsageProblem; words?: string }): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.help.title')),
    ...(problem ? [plainText(t(`pulse.help.${problem.kind}`, { words: problem.words ?? '' }), { color: 'Attention', weight: 'Bolder' })] : [textBlock(t('pulse.help.intro'))]),
    ...command(t('pulse.help.start'), t('pulse.help.startHelp')),
    plainText(t('pulse.help.example'), { isSubtle: true, size: 'Small' }),
    ...command(t('pulse.help.status'), t('pulse.help.statusHelp')),
    ...command(t('pulse.help.close'), t('pulse.help.closeHelp')),
    ...command(t('pulse.help.results'), t('pulse.help.resultsHelp')),
  ]);
}
