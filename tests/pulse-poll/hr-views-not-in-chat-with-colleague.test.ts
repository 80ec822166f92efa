/**
 * Found in review, stop 46 (with HR's report in a 1:1 chat with a colleague). Teams calls a 1:1
 * chat between two people "personal" too (its id is a thread's, "19:…"; the bot's own chat's is
 * "a:…"). The poll commands took every "personal" chat for HR's own: `peiling status` and
 * `peiling resultaten` typed in Hanna's 1:1 chat with Bram posted every team's response there,
 * `peiling sluiten` closed the poll from there, and "Status" or "Toon" pressed there on the
 * Action.Submit fallback (which replaces the pressed card in that chat) showed every team's figures.
 *
 * Clock: Monday 23 November 2026. Hanna (HR, in Zorgteam Noord) started an "alle teams" poll that
 * closes on 4 December; one of Zuid's four members has answered.
 * 1. In her 1:1 chat with Bram she types `peiling status`, `peiling resultaten`, `peiling sluiten`
 *    and `peiling start alle teams 2026-12-11`, and presses status and results there.
 * 2. She types `peiling status` in her own chat with the bot.
 * Must hold: every answer in the chat with Bram is only the pointer to her own chat with Lerend
 * Werken, naming no team and no figure; the poll stays open, no other poll is started, nothing is
 * stored. In her own chat the status shows every team as before.
 */
import { message, submit } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const WITH_BRAM = '19:hanna-and-bram@unq.gbl.spaces';
const ELSEWHERE = 'alleen in je eigen chat met Lerend Werken';
/** What Bram must not read: a team's name, its response. */
const LEAKS = /Zorgteam|van 4|van 7/;

describe("HR's poll commands in a 1:1 chat with a colleague", () => {
  let t: TestApp;
  let d: PulseDriver;
  let pollId: string;
  let storedBefore: unknown[];
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4));
  const withBram = () => t.conversation('personal', WITH_BRAM);
  /** A press on the Action.Submit fallback: its answer goes to the presser in their own chat with the bot, never into this chat. */
  const isSubmit = (activity: Record<string, unknown>) => activity.type === 'message' && activity.value !== undefined;
  const ownChatOf = (who: { id: string; aadObjectId: string }) => t.connector.personalChats.get(who.id) ?? t.connector.personalChats.get(who.aadObjectId);
  /** Every poll, answer, job and outbox message the store holds. */
  // Not the messages to HR's own chat (a press's answer goes there): what changes for the poll, never HR's own notes.
  const stored = async () =>
    (await d.everything()).filter((x) => ['polls', 'pollAnswers', 'jobs', 'outbox'].includes(x.container) && !(x.container === 'outbox' && (toHr(x.doc) || x.doc.type === 'personalConversation')));
  // The pointers go to HR's own chat: a private message, which (since stop 62, keyed) names nobody once sent.
  const toHr = (doc: Record<string, unknown>) => {
    const userId = (doc.target as { userId?: string } | undefined)?.userId;
    return userId === HR.id || (doc.keyedKey === true && userId === '~ended');
  };
  /** Sends an activity in the chat with Bram; returns what it put there: how many answers, how many the pointer, what leaked. */
  const inChatWithBram = async (activity: Record<string, unknown>) => {
    const before = t.connector.calls.length;
    const res = await t.send(activity);
    await d.settle();
    const answers = t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === (isSubmit(activity) ? ownChatOf(HR) : WITH_BRAM))
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'));
    return { status: res.status, answers: answers.length, pointers: answers.filter((a) => a.includes(ELSEWHERE)).length, leaked: [...answers.map((a) => LEAKS.exec(a)?.[0]).filter(Boolean), ...(isSubmit(activity) && t.connector.calls.slice(before).some((c) => c.conversationId === WITH_BRAM) ? ['posted in the chat with Bram'] : [])] };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'hr-views-colleague-chat'.padEnd(40, 'k') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(zuid);
    await d.startPoll(noord, 'peiling start alle teams 2026-12-04');
    await d.answerOnCard(zuid, zuid.members[0]!);
    await d.settle();
    pollId = d.pollCard(zuid.id).pollId;
    storedBefore = await stored();
  }, 60_000);
  afterAll(() => t.stop());

  it('answers every HR command and button there only with where to go, and starts, closes or stores nothing', async () => {
    const pressed = (data: Record<string, unknown>) => submit(withBram(), HR, data, 'card-in-chat-with-bram');
    const told = {
      'peiling status': await inChatWithBram(message(withBram(), HR, 'peiling status')),
      'peiling resultaten': await inChatWithBram(message(withBram(), HR, 'peiling resultaten')),
      'peiling sluiten': await inChatWithBram(message(withBram(), HR, 'peiling sluiten')),
      'peiling start': await inChatWithBram(message(withBram(), HR, 'peiling start alle teams 2026-12-11')),
      'pulse.status': await inChatWithBram(pressed({ verb: 'pulse.status', pollId })),
      'pulse.results': await inChatWithBram(pressed({ verb: 'pulse.results', pollId })),
    };
    expect(told).toEqual(Object.fromEntries(Object.keys(told).map((asked) => [asked, { status: 200, answers: 1, pointers: 1, leaked: [] }])));
    expect(await stored()).toEqual(storedBefore);
  }, 60_000);

  it('in her own chat with the bot the status still shows every team', async () => {
    const own = t.conversation('personal', 'a:personal-hanna');
    const before = t.connector.calls.length;
    await t.send(message(own, HR, 'peiling status'));
    await d.settle();
    const text = d.saidSince(before);
    expect({ noord: text.includes('Zorgteam Noord'), zuid: text.includes('Zorgteam Zuid'), zuidResponse: text.includes('1 van 4'), pointer: text.includes(ELSEWHERE) }).toEqual({ noord: true, zuid: true, zuidResponse: true, pointer: false });
  });
});
