import { TurnContext } from 'botbuilder';
import { Application, TurnState } from '../../teams-ai';
import { isDomainError } from '../../../domain/shared/errors';
import { Translator } from '../../../i18n/i18n';
import type { Logger } from '../../../log/logger';
import { checkPeriod, defaultPeriod, hrReport, HrReportDeps } from '../../../usecases/hr-report/hr-report';
import { postCard } from '../../card-response';
import { errorCard } from '../../cards/error.card';
import { hrReportCard } from '../../cards/hr-report/hr-report.card';
import { hrReportRestrictedCard } from '../../cards/hr-report/hr-report-restricted.card';
import { hrReportInOwnChatCard } from '../../cards/hr-report/hr-report-in-own-chat.card';
import { adaptiveCard, AdaptiveCardJson, escapeMarkdown, textBlock, truncate } from '../../cards/card-kit';
import { ActionOutcome, CardActionContext, drawn, onCardAction } from '../../card-actions';
import { inChatWithColleague, inOwnChatWithBot, ownChatOnlyCard, ownChatOnlyOutcome } from '../../own-chat';
import { actorOf, conversationKindOf, isInvoke, tenantOf } from '../../turn';
import { commandText, isCommand } from '../language-command';
import { periodRefusal, reportPeriod, unknownPeriodWord } from './report-period';

/** An unknown word is said back as typed, up to this length (a pasted sentence is no word). */
const SAID_WORD_LENGTH = 40;

export interface HrReportFeatureDeps {
  report: HrReportDeps;
  translator: Translator;
  logger: Logger;
  defaultLanguage: 'nl' | 'en';
  /** The language of this turn: the group's or channel's where one is set up, else the hint given, else the default. */
  localeFor: CardActionContext['localeFor'];
  /** For the report's card action (the asker's own view of the card posted in a shared chat). */
  actions: CardActionContext;
  /**
   * Posts the chat's card under a key (the outbox keeps it once): a `rapport` message Teams
   * delivers again finds its card sent and posts no second one. Without it: posted in the turn.
   */
  postOnce?(context: TurnContext, card: AdaptiveCardJson, key: string, about: string[]): Promise<void>;
  /** Signed, short-lived download links for a period. */
  links(tenantId: string, period: { from: string; to: string }, language: 'nl' | 'en'): Promise<{ csv: string; summary: string; minutes: number }>;
}

const COMMAND = /^\s*(rapport|report)\b/i;

/**
 * "rapport [van] [tot]", for HR/L&O only; one date runs to today. The report holds what managers
 * shared with HR alone, learning needs for L&O and bearer download links: it is posted as it is
 * only in the asker's own 1:1 chat with the bot. In a channel or group chat the chat gets a card
 * saying it exists, which the asker's Teams refreshes to the report (hrReport.view); the links are
 * signed only then. In a 1:1 chat with a colleague ("personal" to Teams too, and the colleague
 * reads every card in it) the answer is only where to go: nothing of the report, nothing stored.
 */
export function registerHrReport(app: Application<TurnState>, deps: HrReportFeatureDeps): void {
  /** The full report card: HR is checked again by the use case, and the links signed only after. */
  const fullReport = async (context: TurnContext, period: { from: string; to: string }, language: 'nl' | 'en'): Promise<AdaptiveCardJson> => {
    const tenant = tenantOf(context) ?? '';
    const report = await hrReport(deps.report, actorOf(context).id, tenant, period);
    return hrReportCard(report, await deps.links(tenant, period, language), deps.translator.t(language), language);
  };

  app.message(
    async (context) => isCommand(context.activity.text ?? '', COMMAND),
    async (context) => {
      // As it shows: a zero-width space pasted before the word, or as the gap after it, is no part of the command or its period.
      const text = commandText(context.activity.text ?? '', COMMAND);
      // With no language stored for this chat, the command word they typed is the hint: "report"
      // English; "rapport" Dutch in a shared chat, but in the 1:1 chat no choice (the person's
      // Teams client speaks for them there, as for every other 1:1 text).
      const english = COMMAND.exec(text)?.[1]?.toLowerCase() === 'report';
      const hint = english ? 'en' : conversationKindOf(context) === 'personal' ? undefined : 'nl';
      const language = await deps.localeFor(context, hint ? { language: hint } : {}).catch(() => deps.defaultLanguage);
      const t = deps.translator.t(language);
      // In a 1:1 chat with a colleague, before anything is read: only where to go (the chat is not the asker's own).
      if (inChatWithColleague(context)) return void (await postCard(context, ownChatOnlyCard(t)));
      // The role first: someone else is told the command is not theirs, whatever they typed after
      // it, never coached through its usage (in a shared chat, for everyone to read).
      const actor = actorOf(context);
      if (!(await deps.report.isHr(actor.id))) {
        deps.logger.info({ code: 'forbidden' }, 'hr report refused');
        return void (await context.sendActivity(t('hrReport.notHr')));
      }
      const fallback = defaultPeriod(deps.report.clock.now(), deps.report.timeZone);
      const args = text.replace(COMMAND, '');
      const period = reportPeriod(args, fallback.to, fallback);
      if (!period) {
        // A word the period does not know is named (the usage alone does not show which one);
        // a period of known words in the wrong shape gets the usage, which shows the shape.
        const word = unknownPeriodWord(args);
        const why = word ? `${t('hrReport.unknownWord', { word: escapeMarkdown(truncate(word, SAID_WORD_LENGTH)) })}\n\n` : '';
        return void (await context.sendActivity(`${why}${t('hrReport.usage')}`));
      }
      try {
        if (inOwnChatWithBot(context)) return void (await postCard(context, await fullReport(context, period, language)));
        // HR was checked above, so nobody gets a card for a report they cannot open.
        const checked = checkPeriod(period);
        const restricted = hrReportRestrictedCard({ period: checked, language, refreshUserIds: actor.teamsId ? [actor.teamsId] : [] }, t);
        // The card names no figure and no link: it may wait in the outbox. Its refresh names the asker (`about`).
        if (deps.postOnce && context.activity.id) await deps.postOnce(context, restricted, `hr-report.restricted:${context.activity.conversation.id}:${context.activity.id}`, [actor.id]);
        else await postCard(context, restricted);
      } catch (err) {
        if (!isDomainError(err)) throw err;
        deps.logger.info({ code: err.code }, 'hr report refused');
        if (err.code === 'forbidden') await context.sendActivity(t('hrReport.notHr'));
        else if (err.code === 'invalidInput') {
          // Dates as the usage shows them, refused for their range: why, then the usage.
          const why = periodRefusal(period, fallback.to);
          await context.sendActivity(why ? `${t(`hrReport.periodRefused.${why}`, period)}\n\n${t('hrReport.usage')}` : t('hrReport.usage'));
        }
        else await postCard(context, errorCard(err, t));
      }
    },
  );

  /**
   * "Toon rapport" pressed on the Action.Submit fallback in a channel or group chat: no answer
   * reaches the presser alone there, and the report may not wait in the outbox on its way to their
   * 1:1 chat (what managers shared with HR alone, bearer links). So `privately` tells them in that
   * chat where the report opens, with the period only; nothing of the report is read or signed.
   */
  const toOwnChat = async (context: TurnContext, period: { from: string; to: string }, language: 'nl' | 'en'): Promise<ActionOutcome> => {
    const isHr = await deps.report.isHr(actorOf(context).id);
    if (!isHr) deps.logger.info({ code: 'forbidden' }, 'hr report view refused');
    // In the language of their own chat, where it goes (its button opens the report in that language).
    const note = drawn(language, (t, _card, reader) => (isHr ? hrReportInOwnChatCard({ period, language: reader }, t) : adaptiveCard([textBlock(t('hrReport.notHr'))])));
    return { card: note.draw(deps.translator.t(language), deps.translator.t(language), language), personal: true, privately: note };
  };

  // Answered to the presser alone (the invoke response), never by changing the shared message.
  onCardAction(app, deps.actions, 'hrReportView', async (context, data) => {
    const language = await deps.localeFor(context, data).catch(() => deps.defaultLanguage);
    // In a 1:1 chat with a colleague the Submit fallback replaces the pressed card for both of them:
    // only where the report opens, with nothing read or signed.
    if (inChatWithColleague(context)) return ownChatOnlyOutcome(ownChatOnlyCard(deps.translator.t(language)));
    if (!isInvoke(context) && conversationKindOf(context) !== 'personal') return toOwnChat(context, { from: data.from, to: data.to }, language);
    try {
      return { card: await fullReport(context, { from: data.from, to: data.to }, language), personal: true };
    } catch (err) {
      if (!isDomainError(err) || err.code !== 'forbidden') throw err;
      deps.logger.info({ code: err.code }, 'hr report view refused');
      return { message: drawn(language, (t) => t('hrReport.notHr')) };
    }
  });
}
