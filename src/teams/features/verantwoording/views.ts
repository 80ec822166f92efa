import { Locale, Translate } from '../../../i18n/i18n';
import { buildOverview } from '../../../usecases/verantwoording/overview';
import { getProfTraject } from '../../../usecases/verantwoording/prof-traject';
import { myGroups } from '../../../usecases/verantwoording/search-proposals';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { NoteDraft, overviewCard } from '../../cards/verantwoording/overview.card';
import { profTrajectCard, RefusedTraject } from '../../cards/verantwoording/prof-traject.card';
import { VerantwoordingFeatureDeps } from './deps';

export async function overviewCardFor(deps: VerantwoordingFeatureDeps, userId: string, locale: Locale, draft?: NoteDraft): Promise<AdaptiveCardJson> {
  return overviewCard(await buildOverview(deps.verantwoording, userId, locale), deps.translator.t(locale), locale, deps.timeZone, draft);
}

export async function trajectCardFor(deps: VerantwoordingFeatureDeps, userId: string, t: Translate, refused?: RefusedTraject): Promise<AdaptiveCardJson> {
  const v = deps.verantwoording;
  const [traject, groups] = await Promise.all([getProfTraject(v, userId), myGroups(v, userId, 5)]);
  return profTrajectCard(traject, t, groups[0]?.plannedWeeks, refused);
}
