import { TurnContext } from 'botbuilder';
import { Language } from '../../../domain/framework/framework';
import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { Outbox } from '../../../outbox/outbox';
import { TalentReviewDeps } from '../../../usecases/talent-review/deps';
import { knownLanguage, preferencesOf, preferencesOnOwnTurn } from '../../../usecases/verantwoording/preferences';
import { CardActionContext } from '../../card-actions';
import { TeamsMessenger } from '../../messenger';
import { actorOf, teamsLocale } from '../../turn';

export interface TalentReviewFeatureDeps {
  talentReview: TalentReviewDeps;
  translator: Translator;
  logger: Logger;
  messenger: TeamsMessenger;
  /** Where prep cards are rendered when sent (the talent review's PrepCards queue them). */
  outbox: Outbox;
  actions: CardActionContext;
  defaultLanguage: Language;
}

/**
 * The person's chosen language; else, on their own turn, their Teams client's (kept then for the
 * texts sent to them later, `preferencesOnOwnTurn`); else their Teams client's as last kept; else the default.
 */
export async function languageOf(deps: TalentReviewFeatureDeps, userId: string, context?: TurnContext): Promise<Language> {
  const ownTurn = context && actorOf(context).id === userId ? context : undefined;
  if (!ownTurn) return (await knownLanguage(deps.talentReview.verantwoording, userId)) ?? deps.defaultLanguage;
  const prefs = await preferencesOnOwnTurn(deps.talentReview.verantwoording, userId, teamsLocale(ownTurn));
  return prefs?.language ?? teamsLocale(ownTurn) ?? prefs?.clientLanguage ?? deps.defaultLanguage;
}

/**
 * The language of a message rebuilt outside its reader's turn: their chosen one; else the one it
 * was last rendered in (`shownIn`: their Teams client's then), so it does not change under them;
 * else their Teams client's as last kept; else the default.
 */
export async function rebuildLanguageOf(deps: TalentReviewFeatureDeps, userId: string, shownIn: Language | undefined): Promise<Language> {
  const prefs = await preferencesOf(deps.talentReview.verantwoording, userId);
  return prefs?.language ?? shownIn ?? prefs?.clientLanguage ?? deps.defaultLanguage;
}

export async function managerUi(deps: TalentReviewFeatureDeps, context: TurnContext) {
  const managerId = actorOf(context).id;
  const language = await languageOf(deps, managerId, context);
  return { managerId, language, t: deps.translator.t(language) };
}
