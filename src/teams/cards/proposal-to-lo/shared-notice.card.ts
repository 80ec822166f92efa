import { SharedProposal } from '../../../domain/proposal/proposal-to-lo';
import { Locale, Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, container, heading, subtle } from '../card-kit';
import { formatDate } from '../verantwoording/format';
import { loViewSection } from './lo-view.section';

const TEXT_SHOWN = 800;

/**
 * In the group's chat, once: the group shared this proposal with L&O on this date, and what L&O
 * sees. It names nobody: it was shared on behalf of the group (the summary card names no one as
 * having decided either).
 */
export function sharedNoticeCard(shared: Pick<SharedProposal, 'groupName' | 'proposal' | 'decidedAt' | 'sharedAt'>, t: Translate, language: Locale, timeZone: string): AdaptiveCardJson {
  return adaptiveCard([
    heading(t('proposalToLo.noticeTitle', { date: formatDate(shared.sharedAt, language, timeZone) })),
    subtle(t('proposalToLo.noticeIntro')),
    container(loViewSection(shared, t, language, timeZone, TEXT_SHOWN), { style: 'emphasis', spacing: 'Medium' }),
  ]);
}
