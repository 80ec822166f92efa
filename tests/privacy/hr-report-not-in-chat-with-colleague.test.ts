/**
 * Found in review, stop 46. Teams calls a 1:1 chat between two people "personal" too (its id is a
 * thread's, "19:…"; the bot's own chat's is "a:…"). The HR report's command and its `hrReport.view`
 * action checked only for "personal", so Hanna (HR) typing `rapport` in her 1:1 chat with Bram, or
 * pressing "Toon rapport" there on the Action.Submit fallback (which replaces the pressed card in
 * that chat), put the full report, with its signed download links (bearer tokens), where Bram reads it.
 *
 * Clock: Monday 23 November 2026. Hanna is HR.
 * 1. In her 1:1 chat with Bram she types `rapport 2026-11-01 2026-11-22`.
 * 2. She presses "Toon rapport" there on the Submit fallback.
 * 3. She types the same in her own chat with the bot.
 * Must hold: in the chat with Bram every answer is only the pointer to her own chat with Lerend
 * Werken: no report, no download link. In her own chat the report comes as before, links and all.
 */
import { message, submit, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const hanna = user('Hanna'); // HR/L&O
const WITH_BRAM = '19:hanna-and-bram@unq.gbl.spaces';
const OWN_CHAT = 'a:personal-hanna';
const ELSEWHERE = 'alleen in je eigen chat met Lerend Werken';

describe("HR's report in a 1:1 chat with a colleague", () => {
  let t: TestApp;
  const withBram = () => t.conversation('personal', WITH_BRAM);
  /** Each thing the bot posted to (or put in) a chat since `before`: its text, its cards and their links. */
  const answersIn = (conversationId: string, before: number) =>
    t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === conversationId)
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => `${cardText(a.content)}\n${JSON.stringify(a.content)}`)].join('\n'));
  /** What the chat with Bram got: whether each answer is the pointer, and whether any holds a link. */
  const toldBram = (before: number) => {
    const answers = answersIn(WITH_BRAM, before);
    return { answers: answers.length, pointers: answers.filter((a) => a.includes(ELSEWHERE)).length, links: answers.some((a) => /token=/.test(a)) };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());

  it('typed `rapport` there: only where to go lands in the chat Bram reads, no report and no download link', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(message(withBram(), hanna, 'rapport 2026-11-01 2026-11-22'));
    expect(res.status).toBe(200);
    expect(toldBram(before)).toEqual({ answers: 1, pointers: 1, links: false });
  });

  it('"Toon rapport" on the Submit fallback there: nothing lands in the chat Bram reads; Hanna hears where to go in her own chat', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(submit(withBram(), hanna, { verb: 'hrReport.view', from: '2026-11-01', to: '2026-11-22', language: 'nl' }, 'card-in-chat-with-bram'));
    expect(res.status).toBe(200);
    await t.app.outbox.drain(30_000);
    expect(toldBram(before)).toEqual({ answers: 0, pointers: 0, links: false });
    // A press's answer goes to the presser, as from a group chat: in their own chat with the bot.
    const own = t.connector.personalChats.get(hanna.id) ?? t.connector.personalChats.get(hanna.aadObjectId);
    const toHanna = own ? answersIn(own, before) : [];
    expect({ pointers: toHanna.filter((a) => a.includes(ELSEWHERE)).length, links: toHanna.some((a) => /token=/.test(a)) }).toEqual({ pointers: 1, links: false });
  });

  it('in her own chat with the bot the report still comes, with its download links', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(message(t.conversation('personal', OWN_CHAT), hanna, 'rapport 2026-11-01 2026-11-22'));
    expect(res.status).toBe(200);
    const answers = answersIn(OWN_CHAT, before);
    expect({ answers: answers.length, links: answers.some((a) => /token=/.test(a)), pointer: answers.some((a) => a.includes(ELSEWHERE)) }).toEqual({ answers: 1, links: true, pointer: false });
  });
});
