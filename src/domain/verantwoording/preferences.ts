import { Language } from '../framework/framework';
import { stableId } from '../shared/ids';

/** What a professional chose for their personal chat with the bot. */
export interface UserPreferences {
  id: string;
  type: 'preferences';
  userId: string;
  language: Language;
  updatedAt: string;
}

export function preferencesId(userId: string): string {
  return stableId('pref', userId);
}
