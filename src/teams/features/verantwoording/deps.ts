import { TurnContext } from 'botbuilder';
import { Locale, Translate, Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { VerantwoordingDeps } from '../../../usecases/verantwoording/deps';
import { preferencesOf, preferencesOnOwnTurn } from '../../../usecases/verantwoording/preferences';
import { actorOf, teamsLocale } from '../../turn';
import type { TeamsMessenger } from '../../messenger';

export { teamsLocale };

/** What the verantwoording handlers in Teams need. */
export interface VerantwoordingFeatureDeps {
  verantwoording: VerantwoordingDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: Locale;
  /** The organisation's time zone (ORG_TIME_ZONE), for the dates on the cards. */
  timeZone: string;
  /** Proactive cards in a person's 1:1 chat (the look-back at their Prof-traject's end); absent: none sent from a turn. */
  messenger?: Pick<TeamsMessenger, 'toPerson'>;
}

/**
 * A person's own choice ("taal en") wins; else the language of their Teams client, as the
 * manifest and the tab already follow it (an English Teams would otherwise open an English
 * command into a Dutch dialog); only then the app's default. `worded`: the language of the
 * command they typed, where it tells one (`language` English, `taal` Dutch): before their Teams
 * client's, as the group chat reads it. Their Teams client's language is kept from this turn for
 * the texts sent to them later, outside their turns (`preferencesOnOwnTurn`); it answers this one
 * only when the activity tells none. `keep: false` only reads: an erasure's own presses keep
 * nothing, so one Teams delivers again after "gewist" writes no record of them (own review, stop 68).
 */
export async function userLocale(deps: VerantwoordingFeatureDeps, context: TurnContext, worded?: Locale, keep = true): Promise<Locale> {
  const userId = actorOf(context).id;
  const prefs = await (keep ? preferencesOnOwnTurn(deps.verantwoording, userId, teamsLocale(context)) : preferencesOf(deps.verantwoording, userId)).catch(() => undefined);
  return prefs?.language ?? worded ?? teamsLocale(context) ?? prefs?.clientLanguage ?? deps.defaultLanguage;
}

export async function userT(deps: VerantwoordingFeatureDeps, context: TurnContext, worded?: Locale): Promise<{ locale: Locale; t: Translate }> {
  const locale = await userLocale(deps, context, worded);
  return { locale, t: deps.translator.t(locale) };
}
