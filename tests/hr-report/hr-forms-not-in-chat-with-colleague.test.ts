/**
 * Found in review, stop 46 (with HR's report in a 1:1 chat with a colleague). Teams calls a 1:1
 * chat between two people "personal" too (its id is a thread's, "19:…"; the bot's own chat's is
 * "a:…"). `jaarplan` and `aanbod`, and their buttons, checked only for "personal": in Hanna's 1:1
 * chat with Bram they posted the year's targets and L&O's offer for Bram to read, and a save
 * pressed there (on the Action.Submit fallback, which replaces the pressed card in that chat) was
 * stored, its confirmation or refused form shown to Bram as well.
 *
 * Clock: Monday 23 November 2026. Hanna is HR; in her own chat with the bot she set 40 week cycles
 * as the 2026 target and an offer for the theme "samenwerken".
 * 1. In her 1:1 chat with Bram she types `jaarplan` and `aanbod`, and presses their buttons there:
 *    open, a save with new values, a save refused for its input (Submit fallback), and the form's
 *    open as an Action.Execute.
 * 2. She types `jaarplan` and `aanbod` in her own chat again.
 * Must hold: every answer in the chat with Bram is only the pointer to her own chat with Lerend
 * Werken, with no target, offer or form; the stored plan and offer stay exactly as they were. In
 * her own chat both answer as before.
 */
import { execute, message, submit, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna'); // HR/L&O
const WITH_BRAM = '19:hanna-and-bram@unq.gbl.spaces';
const ELSEWHERE = 'alleen in je eigen chat met Lerend Werken';
const OFFER = 'E-learning Samenwerken in de keten, aanmelden via het leerplatform.';
const LINK = 'https://leren.voorbeeld.nl/samenwerken';
/** What Bram must not read: the plan's form or confirmation, the offer, any input of a form. */
const LEAKS = /Jaarplan|E-learning|leren\.voorbeeld|Nieuw aanbod|"Input\./;

describe("HR's jaarplan and L&O's offer in a 1:1 chat with a colleague", () => {
  let t: TestApp;
  let own: PersonalChat;
  let storedBefore: unknown[];
  const withBram = () => t.conversation('personal', WITH_BRAM);
  /** A press on the Action.Submit fallback: its answer goes to the presser in their own chat with the bot, never into this chat. */
  const isSubmit = (activity: Record<string, unknown>) => activity.type === 'message' && activity.value !== undefined;
  const ownChatOf = (who: { id: string; aadObjectId: string }) => t.connector.personalChats.get(who.id) ?? t.connector.personalChats.get(who.aadObjectId);
  /** The year's plans and the offers, as the store holds them. */
  const stored = async () => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan' OR c.type = 'loOffer'").fetchAll()).resources;
  /** Sends an activity in the chat with Bram; returns what it put there: how many answers, how many the pointer, what leaked. */
  const inChatWithBram = async (activity: Record<string, unknown>) => {
    const before = t.connector.calls.length;
    const res = await t.send(activity);
    await t.app.outbox.drain(30_000);
    const answers = t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === (isSubmit(activity) ? ownChatOf(hanna) : WITH_BRAM))
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => `${cardText(a.content)}\n${JSON.stringify(a.content)}`)].join('\n'));
    // An Action.Execute is answered to the presser alone: its answer counts as what they are shown there.
    if (activity.type === 'invoke') answers.push(`${cardText(res.body?.value)}\n${JSON.stringify(res.body?.value)}`);
    return { status: res.status, answers: answers.length, pointers: answers.filter((a) => a.includes(ELSEWHERE)).length, leaked: [...answers.map((a) => LEAKS.exec(a)?.[0]).filter(Boolean), ...(isSubmit(activity) && t.connector.calls.slice(before).some((c) => c.conversationId === WITH_BRAM) ? ['posted in the chat with Bram'] : [])] };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    own = new PersonalChat(t, hanna);
    const plan = (await own.say('jaarplan')).cards[0];
    expect(cardText(await own.press('jaarplan.save', { ...actionData(plan, 'jaarplan.save'), weekCycles: '40', learningHours: '100', proposalsValidated: '' }))).toContain('opgeslagen');
    const overview = (await own.say('aanbod')).cards[0];
    const form = await own.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
    expect(cardText(await own.press('loOffer.save', { ...actionData(form, 'loOffer.save'), offerText: OFFER, offerLink: LINK }))).toContain('opgeslagen');
    storedBefore = await stored();
    expect(storedBefore).toHaveLength(2);
  }, 120_000);
  afterAll(() => t.stop());

  it('answers every command and button there only with where to go, and stores nothing', async () => {
    const pressed = (data: Record<string, unknown>) => submit(withBram(), hanna, data, 'card-in-chat-with-bram');
    const told = {
      jaarplan: await inChatWithBram(message(withBram(), hanna, 'jaarplan')),
      'jaarplan.open': await inChatWithBram(pressed({ verb: 'jaarplan.open', year: 2026 })),
      'jaarplan.open (Execute)': await inChatWithBram(execute(withBram(), hanna, 'jaarplan.open', { year: 2026 }, 'card-in-chat-with-bram')),
      'jaarplan.save': await inChatWithBram(pressed({ verb: 'jaarplan.save', year: 2026, rev: 1, k: 'in-chat-with-bram', weekCycles: '99', learningHours: '999', proposalsValidated: '9' })),
      'jaarplan.save (refused)': await inChatWithBram(pressed({ verb: 'jaarplan.save', year: 2026, rev: 1, k: 'in-chat-with-bram-2', weekCycles: 'veel', learningHours: '', proposalsValidated: '' })),
      aanbod: await inChatWithBram(message(withBram(), hanna, 'aanbod')),
      'loOffer.list': await inChatWithBram(pressed({ verb: 'loOffer.list' })),
      'loOffer.open': await inChatWithBram(pressed({ verb: 'loOffer.open', theme: 'samenwerken' })),
      'loOffer.save': await inChatWithBram(pressed({ verb: 'loOffer.save', theme: 'samenwerken', rev: 1, k: 'offer-in-chat-with-bram', offerText: 'Nieuw aanbod', offerLink: '' })),
      'loOffer.save (refused)': await inChatWithBram(pressed({ verb: 'loOffer.save', theme: 'samenwerken', rev: 1, k: 'offer-in-chat-with-bram-2', offerText: '', offerLink: 'geen link' })),
    };
    expect(told).toEqual(Object.fromEntries(Object.keys(told).map((asked) => [asked, { status: 200, answers: 1, pointers: 1, leaked: [] }])));
    expect(await stored()).toEqual(storedBefore);
  }, 120_000);

  it('in her own chat with the bot both still answer with the plan and the offer', async () => {
    const plan = await own.say('jaarplan');
    const offers = await own.say('aanbod');
    expect({ plan: cardText(plan.cards[0]).includes('Jaarplan'), offers: offers.cards.length, pointer: [...plan.cards, ...offers.cards].some((c) => cardText(c).includes(ELSEWHERE)) }).toEqual({ plan: true, offers: 1, pointer: false });
  });
});
