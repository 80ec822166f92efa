/**
 * The help cards list exactly the text commands that work where they are shown (from the English
 * newcomer's review, stop 48: the personal help left out `aanbod`/`offer` and `peiling`, the group
 * help every HR/L&O command that works in a chat or channel).
 *
 * Derived from what the app registers, so the help cannot drift:
 * 1. every text command the app registers (each `app.message` route, recorded as it is composed)
 *    takes at least one command some help card names: a new command without a help line fails;
 * 2. every command any help card names, typed as written there (placeholders left out, the first
 *    of "a / b"), in Dutch and English, by HR in their own 1:1 chat, a group chat and a channel,
 *    works there (an answer, never "I don't understand" nor "only in your own chat") exactly when
 *    that place's help lists it.
 */
import { TurnContext } from 'botbuilder';
import { createTranslator, Locale } from '../../src/i18n/i18n';
import { helpCard } from '../../src/teams/cards/help.card';
import { Application } from '../../src/teams/teams-ai';
import { ConversationShape, message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and route selectors under test */

type Scope = 'personal' | 'group';
const LOCALES: Locale[] = ['en', 'nl'];
const PLACES: { shape: ConversationShape; scope: Scope }[] = [
  { shape: 'personal', scope: 'personal' },
  { shape: 'groupChat', scope: 'group' },
  { shape: 'channel', scope: 'group' },
];
const translator = createTranslator();

/** The command names a help card lists (the FactSet titles). */
function commandNames(card: any): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (Array.isArray(n)) return n.forEach(walk);
    if (n && typeof n === 'object') {
      const o = n as Record<string, any>;
      if (o.type === 'FactSet') out.push(...o.facts.map((f: { title: string }) => f.title));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return out;
}

/** As a person would type it: "note <text>" -> "note", "language en / language nl" -> "language en", "report [from] [to]" -> "report". */
const typed = (name: string) => name.split(' / ')[0]!.replace(/<[^>]*>|\[[^\]]*\]/g, '').replace(/\s+/g, ' ').trim();
const listed = (language: Locale, scope: Scope) => [...new Set(commandNames(helpCard(translator.t(language), scope)).map(typed))];
/** Every command any help card names, per language. */
const everyListed = (language: Locale) => [...new Set([...listed(language, 'personal'), ...listed(language, 'group')])];

/** Answers that mean "not here": the command is not understood, or works only in the own chat with the bot. */
const NOT_HERE_KEYS = ['unknownCommand', 'error.onlyInOwnChat', 'talentReview.onlyInOwnChat', 'verantwoording.onlyInOwnChat', 'proposalToLo.inOwnChat', 'loOffer.inOwnChat', 'jaarplan.inOwnChat'];
const NOT_HERE = LOCALES.flatMap((l) => NOT_HERE_KEYS.map((k) => translator.t(l)(k)));

/** Dutch words that no English text of the app uses. */
const DUTCH = /\b(het|een|niet|jouw|jij|jullie|voor|naar|wordt|groep|voorstel(len)?|gedeeld|antwoord|bewaard|opslaan|versturen|geen|deze|dit|nog|wat|wie|met|zijn|heeft|ook|gegevens|gesprek|leidinggevende|notitie|wissen|terug|bekijk|typ)\b/i;

describe('the help lists exactly the commands that work where it is shown', () => {
  const selectors: ((context: TurnContext) => Promise<boolean> | boolean)[] = [];
  let t: TestApp;
  const hr = Array.from({ length: 400 }, (_, i) => user(`Hr${i}`));
  let next = 0;

  beforeAll(async () => {
    // Every text route the app registers, as it registers it.
    const original = Application.prototype.message;
    const spy = jest.spyOn(Application.prototype, 'message').mockImplementation(function (this: Application<any>, keyword: any, handler: any) {
      for (const k of Array.isArray(keyword) ? keyword : [keyword]) {
        selectors.push(typeof k === 'function' ? k : (c: TurnContext) => (typeof k === 'string' ? (c.activity.text ?? '').trim().toLowerCase() === k.toLowerCase() : k.test(c.activity.text ?? '')));
      }
      return original.call(this, keyword, handler);
    });
    try {
      // Each case types as its own HR person: a `language` typed in one case changes no other case's answer.
      t = await startTestApp({ HR_USER_IDS: hr.map((u) => u.aadObjectId).join(',') }, '2026-11-23T08:00:00Z');
    } finally {
      spy.mockRestore();
    }
  }, 60_000);
  afterAll(() => t?.stop());

  it('gives every registered text command a line in a help card', async () => {
    expect(selectors.length).toBeGreaterThan(10);
    const candidates = LOCALES.flatMap(everyListed);
    const fake = (text: string, shape: ConversationShape) =>
      ({ activity: { type: 'message', text, locale: 'en-GB', from: { id: '29:x', aadObjectId: 'aad-x' }, recipient: { id: 'bot' }, channelData: {}, conversation: { id: shape === 'personal' ? 'a:x' : '19:x@thread.v2', conversationType: shape } } }) as unknown as TurnContext;
    const unlisted: string[] = [];
    for (const selector of selectors) {
      let takes = false;
      for (const text of candidates) for (const { shape } of PLACES) takes ||= Boolean(await selector(fake(text, shape)));
      if (!takes) unlisted.push(selector.toString().slice(0, 200));
    }
    expect(unlisted).toEqual([]);
  });

  it('lists HR/L&O\'s commands: `aanbod` and `peiling` in the 1:1 chat; `peiling`, `rapport` and `jaarplan` in a group chat or channel', () => {
    expect(listed('en', 'personal')).toEqual(expect.arrayContaining(['offer', 'poll', 'report', 'annual plan', 'proposals']));
    expect(listed('nl', 'personal')).toEqual(expect.arrayContaining(['aanbod', 'peiling', 'rapport', 'jaarplan', 'voorstellen']));
    expect(listed('en', 'group')).toEqual(expect.arrayContaining(['poll', 'report', 'annual plan']));
    expect(listed('nl', 'group')).toEqual(expect.arrayContaining(['peiling', 'rapport', 'jaarplan']));
    for (const language of LOCALES) for (const scope of ['personal', 'group'] as const) expect(cardProblems(helpCard(translator.t(language), scope))).toEqual([]);
  });

  const cases = LOCALES.flatMap((language) => PLACES.flatMap(({ shape, scope }) => everyListed(language).map((command) => ({ language, shape, scope, command, isListed: listed(language, scope).includes(command) }))));

  it.each(cases)('$language, $shape: "$command" works there exactly when its help lists it ($isListed)', async ({ language, shape, command, isListed }) => {
    const who = hr[next++]!;
    const conv = t.conversation(shape, shape === 'personal' ? `a:help-${who.id}` : `19:help-${who.id.replace(/\W/g, '-')}@thread.v2`);
    const before = t.connector.calls.length;
    const res = await t.send({ ...message(conv, who, command), locale: language === 'en' ? 'en-GB' : 'nl-NL' });
    expect(res.status).toBe(200);
    await t.app.outbox.drain(10_000);
    const replies = t.connector.calls.slice(before).filter((c) => c.conversationId === conv.id && c.activity?.type === 'message');
    const texts = replies.flatMap((r) => [r.activity.text ?? '', ...(r.activity.attachments ?? []).map((a: any) => cardText(a.content))]).filter(Boolean);
    const works = texts.length > 0 && !texts.some((x) => NOT_HERE.some((n) => x.includes(n)));
    expect({ command, works, said: works === isListed ? '' : texts.join(' | ').slice(0, 300) }).toEqual({ command, works: isListed, said: '' });
    // In their own chat in English (a client in English, the command typed in English), no Dutch reaches them.
    if (language === 'en' && shape === 'personal' && works) expect(texts.filter((x) => DUTCH.test(x)).map((x) => x.slice(0, 200))).toEqual([]);
  }, 30_000);
});
