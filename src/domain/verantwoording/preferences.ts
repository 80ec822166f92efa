import { Language } from '../framework/framework';
import { stableId } from '../shared/ids';

/** What a professional chose for their personal chat with the bot, and what their Teams client speaks. */
export interface UserPreferences {
  id: string;
  type: 'preferences';
  userId: string;
  /** Chosen with `taal` / `language`: wins over everything else. */
  language?: Language;
  /**
   * Their Teams client's language, as their own turns last told it (the activity's locale): what
   * texts sent outside their turns speak while they chose none. Kept only when it differs from
   * what was kept before (or from the default), so it is written once per person in practice.
   */
  clientLanguage?: Language;
  updatedAt: string;
}

export function preferencesId(userId: string): string {
  return stableId('pref', userId);
}

/** The language texts sent to them outside their own turns speak: their choice, else their Teams client's as last kept. */
export function knownLanguageIn(prefs: UserPreferences | undefined): Language | undefined {
  return prefs?.language ?? prefs?.clientLanguage;
}

/**
 * Their preferences with their Teams client's language (`client`) kept; undefined when keeping it
 * changes nothing those later texts speak, so nothing is written: a chosen language wins anyway,
 * and a client speaking what is kept already (or, with nothing kept, the default) adds nothing.
 */
export function withClientLanguage(prefs: UserPreferences | undefined, userId: string, client: Language | undefined, defaultLanguage: Language, now: Date): UserPreferences | undefined {
  if (!client || prefs?.language) return undefined;
  if (client === (prefs?.clientLanguage ?? defaultLanguage)) return undefined;
  return { ...(prefs ?? { id: preferencesId(userId), type: 'preferences', userId }), clientLanguage: client, updatedAt: now.toISOString() };
}
