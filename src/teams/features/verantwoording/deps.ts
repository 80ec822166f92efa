import { TurnContext } from 'botbuilder';
import { Locale, Translate, Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { VerantwoordingDeps } from '../../../usecases/verantwoording/deps';
import { preferredLanguage } from '../../../usecases/verantwoording/preferences';
import { actorOf } from '../../turn';

/** What the verantwoording handlers in Teams need. */
export interface VerantwoordingFeatureDeps {
  verantwoording: VerantwoordingDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: Locale;
}

/** The language Teams reports for the user ("en-US", "nl-NL"), as one of ours. */
export function localeFromTag(tag: string | undefined, fallback: Locale): Locale {
  const lower = (tag ?? '').toLowerCase();
  if (lower.startsWith('en')) return 'en';
  if (lower.startsWith('nl')) return 'nl';
  return fallback;
}

/** A person's own choice ("taal en") first, then their Teams language, then the default. */
export async function userLocale(deps: VerantwoordingFeatureDeps, context: TurnContext): Promise<Locale> {
  const chosen = await preferredLanguage(deps.verantwoording, actorOf(context).id).catch(() => undefined);
  return chosen ?? localeFromTag(context.activity.locale, deps.defaultLanguage);
}

export async function userT(deps: VerantwoordingFeatureDeps, context: TurnContext): Promise<{ locale: Locale; t: Translate }> {
  const locale = await userLocale(deps, context);
  return { locale, t: deps.translator.t(locale) };
}
