import { DomainError } from '../../../domain/shared/errors';
import { PersonalRecord } from '../../../domain/verantwoording/personal-record';
import { Locale, Translate } from '../../../i18n/i18n';
import { buildOverview } from '../../../usecases/verantwoording/overview';
import { trajectWithProgress } from '../../../usecases/verantwoording/active-weeks';
import { myGroups } from '../../../usecases/verantwoording/search-proposals';
import { AdaptiveCardJson } from '../../cards/card-kit';
import { ownChatOnlyCard } from '../../own-chat';
import { NoteDraft, overviewCard } from '../../cards/verantwoording/overview.card';
import { profTrajectCard, RefusedTraject } from '../../cards/verantwoording/prof-traject.card';
import { storedCard } from '../../cards/verantwoording/stored.card';
import { TimeEditOptions, timeEditCard } from '../../cards/verantwoording/time-edit.card';
import { VerantwoordingFeatureDeps } from './deps';

/**
 * The answer in a 1:1 chat between the person and a colleague, which Teams calls "personal" as
 * well (inChatWithColleague): the colleague reads every message and card in it. Only where Mijn
 * verantwoording opens, and that nothing was saved or shown; nothing of theirs is read for it.
 */
export function ownChatPointer(t: Translate): AdaptiveCardJson {
  return ownChatOnlyCard(t, 'verantwoording.onlyInOwnChat');
}

/**
 * `notice`: why the press answered changed nothing, at the card's top (see `overviewCard`).
 * `records`: all the person's records as they stand, when the turn has just read them (`buildOverview`).
 */
export async function overviewCardFor(deps: VerantwoordingFeatureDeps, userId: string, locale: Locale, draft?: NoteDraft, notice?: string, records?: PersonalRecord[]): Promise<AdaptiveCardJson> {
  return overviewCard(await buildOverview(deps.verantwoording, userId, locale, records ? { records } : {}), deps.translator.t(locale), locale, deps.timeZone, draft, notice);
}

/** The Prof-traject form; `draft`: the new note being typed on the overview it was opened from, carried back there. */
export async function trajectCardFor(deps: VerantwoordingFeatureDeps, userId: string, t: Translate, refused?: RefusedTraject, draft?: string, fresh?: boolean): Promise<AdaptiveCardJson> {
  const v = deps.verantwoording;
  const [{ traject, progress }, groups] = await Promise.all([trajectWithProgress(v, userId), myGroups(v, userId, 5)]);
  return profTrajectCard(traject, t, groups[0]?.plannedWeeks, refused, draft, { ...(progress ? { progress } : {}), ...(fresh ? { fresh } : {}) });
}

/** The time card of one of the person's weeks, with the hours (and their revision) as stored now. */
export async function timeCardFor(deps: VerantwoordingFeatureDeps, ui: { userId: string; locale: Locale; t: Translate }, week: { groupId: string; cycleId: string }, opts?: TimeEditOptions): Promise<AdaptiveCardJson> {
  const entry = (await buildOverview(deps.verantwoording, ui.userId, ui.locale)).cycles.find((c) => c.cycleId === week.cycleId && c.groupId === week.groupId && c.correctable);
  if (!entry) throw new DomainError('notFound', 'cycle');
  return timeEditCard(entry, ui.t, ui.locale, opts);
}

/**
 * The answer once a change is stored: the overview, or, when it cannot be read right now (the
 * store briefly unavailable), that the change is saved. The change happened: an error card
 * would say nothing was stored, and a retry would find it already done. `draft`: the new note
 * that was being typed when the change was made; it stays in the overview's note field.
 * `records`: the person's records as the change left them, when it read them (not read again).
 */
export async function overviewAfterChange(deps: VerantwoordingFeatureDeps, ui: { userId: string; locale: Locale; t: Translate }, change: string, draft?: string, records?: PersonalRecord[]): Promise<AdaptiveCardJson> {
  try {
    return await overviewCardFor(deps, ui.userId, ui.locale, draft ? { text: draft } : undefined, undefined, records);
  } catch (err) {
    deps.logger.warn({ change, err: (err as Error).message }, 'verantwoording change stored; the overview could not be built');
    return storedCard(ui.t, draft);
  }
}
