import { Locale, Translate } from '../../../i18n/i18n';
import { ProposalHit } from '../../../usecases/verantwoording/search-proposals';
import { adaptiveCard, AdaptiveCardJson, plainText, subtle, truncate } from '../card-kit';
import { formatDate } from './format';

/** A proposal inserted into a conversation from the search: the group's record, no names. */
export function proposalResultCard(p: ProposalHit, t: Translate, locale: Locale, timeZone: string): AdaptiveCardJson {
  return adaptiveCard([
    // The group's name is user text: a TextRun, never Markdown.
    plainText(t('verantwoording.proposalCard.title', { group: p.groupName }), { weight: 'Bolder', size: 'Medium' }),
    subtle(`${t('verantwoording.proposalCard.status', { status: t(`verantwoording.proposal.status.${p.status}`) })} · ${t('verantwoording.proposalCard.date', { date: formatDate(p.createdAt, locale, timeZone) })}`),
    plainText(truncate(p.text || t('verantwoording.proposal.noText'), 3000)),
    ...(p.firstStep ? [plainText(t('verantwoording.proposal.firstStep', { step: truncate(p.firstStep, 1000) }))] : []),
  ]);
}
