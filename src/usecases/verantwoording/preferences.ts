import { Language } from '../../domain/framework/framework';
import { knownLanguageIn, preferencesId, UserPreferences, withClientLanguage } from '../../domain/verantwoording/preferences';
import { VerantwoordingDeps } from './deps';
import { openSaveWindow, SaveWindowDeps, withinSaveWindow } from './save-window';

/** What reading a person's languages on their own turn needs: keeping their Teams client's may be a first record, a create. */
export type OwnTurnLanguageDeps = SaveWindowDeps & Pick<VerantwoordingDeps, 'clock' | 'defaultLanguage'>;

/** What they chose (`language`) and what is kept of their Teams client's (`clientLanguage`); one point read. */
export async function preferencesOf(deps: Pick<VerantwoordingDeps, 'records'>, userId: string): Promise<UserPreferences | undefined> {
  const r = await deps.records.get(userId, preferencesId(userId));
  return r?.type === 'preferences' ? r : undefined;
}

/** The language they chose (`taal`), if any. */
export async function preferredLanguage(deps: Pick<VerantwoordingDeps, 'records'>, userId: string): Promise<Language | undefined> {
  return (await preferencesOf(deps, userId))?.language;
}

/** The language of texts sent to them outside their own turns (proactive cards, notices): chosen, else their Teams client's as kept. */
export async function knownLanguage(deps: Pick<VerantwoordingDeps, 'records'>, userId: string): Promise<Language | undefined> {
  return knownLanguageIn(await preferencesOf(deps, userId));
}

/**
 * On the person's own turn, their preferences as read (`language`: chosen; `clientLanguage`: their
 * Teams client's as kept), from the one read such a turn made anyway; and `client`, the language
 * this turn's activity tells, kept when it changes what later texts speak (`withClientLanguage`):
 * once per person in practice, so no other turn pays a request for it.
 */
export async function preferencesOnOwnTurn(deps: OwnTurnLanguageDeps, userId: string, client: Language | undefined): Promise<UserPreferences | undefined> {
  const prefs = await preferencesOf(deps, userId);
  const next = withClientLanguage(prefs, userId, client, deps.defaultLanguage, deps.clock.now());
  // A courtesy for later texts: a failure (the store, an erasure under way) fails no turn; their next turn tries again.
  if (next) await keepClientLanguage(deps, prefs, next).catch(() => undefined);
  return prefs;
}

async function keepClientLanguage(deps: OwnTurnLanguageDeps, found: UserPreferences | undefined, next: UserPreferences): Promise<void> {
  if (found) {
    // Under the ETag of the version it changes: a language chosen meanwhile is never overwritten (decided again on it).
    const now = deps.clock.now();
    await deps.records.update(next.userId, next.id, (current) => (current.type === 'preferences' ? (withClientLanguage(current, next.userId, next.clientLanguage, deps.defaultLanguage, now) ?? current) : current));
    return;
  }
  // A first record: kept to the save window, so none outlives an erasure begun meanwhile (save-window.ts).
  const window = await openSaveWindow(deps, next.userId);
  await window.keep(next, () => deps.records.create(next), (r) => r.created);
}

/** Refused (`erasureUnderway`) while their erasure is unfinished: it would delete the choice after it was confirmed. */
export async function chooseLanguage(deps: VerantwoordingDeps, userId: string, language: Language): Promise<void> {
  // Its upsert keeps to the save window: none outlives an erasure begun meanwhile (save-window.ts).
  deps = await withinSaveWindow(deps, userId);
  await deps.records.upsert({ id: preferencesId(userId), type: 'preferences', userId, language, updatedAt: deps.clock.now().toISOString() });
}
