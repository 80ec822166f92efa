import { Locale, Translate } from '../../../i18n/i18n';
import { ProposalHit } from '../../../usecases/verantwoording/search-proposals';
import { adaptiveCard, AdaptiveCardJson, plainText, subtle } from '../card-kit';
import { formatDate } from './format';
import { proposalTextElements, rejectionLine } from './proposal-summary';

/**
 * A proposal inserted into a conversation from the search: the group's record, no names. An
 * undecided AI draft goes into any chat, so it is titled and labelled as the AI's concept, never
 * as the group's improvement proposal. Never the first step: it names who does what and stays
 * with the group, as on the manager's, L&O's and HR's cards; one line says so.
 */
export function proposalResultCard(p: ProposalHit, t: Translate, locale: Locale, timeZone: string): AdaptiveCardJson {
  const reason = rejectionLine(p, t);
  return adaptiveCard([
    // The group's name is user text: a TextRun, never Markdown.
    plainText(t(p.source === 'aiDraft' ? 'verantwoording.proposalCard.aiTitle' : 'verantwoording.proposalCard.title', { group: p.groupName }), { weight: 'Bolder', size: 'Medium' }),
    subtle(`${t('verantwoording.proposalCard.status', { status: t(`verantwoording.proposal.status.${p.status}`) })} · ${t('verantwoording.proposalCard.date', { date: formatDate(p.createdAt, locale, timeZone) })}`),
    ...proposalTextElements(p, t, 3000),
    ...(reason ? [plainText(reason)] : []),
    ...(p.hasFirstStep ? [subtle(t('verantwoording.proposalCard.firstStepStays'))] : []),
  ]);
}
