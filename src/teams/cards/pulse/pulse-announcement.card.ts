import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, escapeMarkdown, heading, subtle, textBlock } from '../card-kit';

/** Private delivery: the note in the team channel; its thread takes the reminders. */
export function pollAnnouncementCard(vm: { teamName: string; closesLabel: string; anonymity: string }, t: Translate): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('pulse.announcement.title', { team: escapeMarkdown(vm.teamName) })),
    textBlock(t('pulse.announcement.body')),
    container([textBlock(`🔒 ${vm.anonymity}`, { size: 'Small' })], { style: 'emphasis' }),
    subtle(t('pulse.announcement.closes', { date: vm.closesLabel })),
  ]);
}
