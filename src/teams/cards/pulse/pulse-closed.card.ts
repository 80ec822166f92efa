import { Translate } from '../../../i18n/i18n';
import { adaptiveCard, AdaptiveCardJson, heading, textBlock } from '../card-kit';

/** The poll card once the poll has closed: no questions, no figures. */
export function pollClosedCard(vm: { title: string; closesLabel: string }, t: Translate): AdaptiveCardJson {
  return adaptiveCard([heading(vm.title), textBlock(t('pulse.closed.title'), { weight: 'Bolder' }), textBlock(t('pulse.closed.body', { date: vm.closesLabel }))]);
}
