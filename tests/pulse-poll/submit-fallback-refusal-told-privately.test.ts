import { submit } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review (member's side). A member answers the channel poll card on a client without
 * Action.Execute: Teams sends the Action.Submit fallback (a message in the channel with the
 * inputs). The tally stays busy beyond its budget (an "alle teams" poll, everyone pressing at
 * once), so nothing is stored. With Action.Execute the member gets the form back with "busy,
 * nothing was stored" (busy-tally.e2e.test.ts). On the fallback that form, meant for them alone,
 * had no way to them: nothing reached the channel nor their 1:1 chat, so they believed they had
 * answered and dropped out. The same held for an answer sent after the poll had closed.
 *
 * What must hold: a refused fallback answer is told in the member's 1:1 chat, in the poll's
 * language, saying it was not stored and why, with none of their scores; nothing in the channel
 * changes. A stored answer queues nothing under the member's name: next to the tally write, a note
 * waiting in the outbox would tell a database reader whose answer that write was.
 */
describe('a poll answer sent with the Action.Submit fallback in a channel', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const tally = async (pollId: string) => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;

  /** Sends `who`'s fallback answer (every statement `score`) and returns what reached them or the channel after it. */
  const answerOnFallback = async (who: TestTeam['members'][number], score: number) => {
    const card = d.pollCard(noord.id);
    const callsBefore = t.connector.calls.length;
    const res = await t.send(d.inTeam(submit(d.channel(noord), who, { verb: 'pulse.answer', pollId: card.pollId, targetId: card.targetId, ...scores(score) }, card.id), noord));
    expect(res.status).toBe(200);
    await d.settle();
    const after = t.connector.calls.slice(callsBefore).filter((c) => c.activity?.type !== 'typing'); // (typing indicators say nothing)
    const toMember = after.filter((c) => c.conversationId === `a:1on1-${who.id}`);
    return {
      card,
      toMember: toMember.map((c) => ({ text: [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join(' '), json: JSON.stringify(c.activity) })),
      inChannel: after.filter((c) => c.conversationId?.startsWith(noord.id) || c.id === card.id),
    };
  };

  beforeAll(async () => {
    // A busy tally gives up after one second, not production's eight: this looks at how the refusal is
    // told (busy-tally.e2e.test.ts keeps production's budget).
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'fallback-refusal-told'.padEnd(40, 'b'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true, tallyWriteBudgetMs: 1_000 });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
  }, 60_000);
  afterAll(() => t.stop());

  it('tells the member privately that a busy tally stored nothing, without their scores', async () => {
    const who = noord.members[3]!;
    const pollId = d.pollCard(noord.id).pollId;
    const before = JSON.stringify(await tally(pollId));
    // Every write to the tally loses the race, for as long as the answer keeps trying.
    t.proxy!.faults = (r) => (r.kind === 'replace' && r.container === 'pollAnswers' ? { kind: 'status', status: 412 } : undefined);
    let seen: Awaited<ReturnType<typeof answerOnFallback>>;
    try {
      seen = await answerOnFallback(who, 2);
    } finally {
      t.proxy!.faults = undefined;
    }
    expect(JSON.stringify(await tally(pollId))).toBe(before);
    expect(seen.toMember).toHaveLength(1);
    expect(seen.toMember[0]!.text).toContain('niet opgeslagen');
    expect(seen.toMember[0]!.text).toContain('nog eens');
    expect(seen.toMember[0]!.json).not.toMatch(/item_|Input\./);
    expect(seen.inChannel).toEqual([]);
  }, 60_000);

  it('stores an answer and queues nothing under the member\'s name', async () => {
    const who = noord.members[4]!;
    const seen = await answerOnFallback(who, 4);
    expect((await tally(seen.card.pollId)).teams[seen.card.targetId].count).toBe(1);
    expect(seen.toMember).toEqual([]);
    expect(seen.inChannel).toEqual([]);
    const queued = (await d.everything()).filter(({ container, doc }) => container === 'outbox' && JSON.stringify(doc).includes(who.id));
    expect(queued).toEqual([]);
  }, 60_000);

  it('tells the member privately that an answer after closing was not stored, without their scores', async () => {
    const who = noord.members[5]!;
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const pollId = d.pollCard(noord.id).pollId;
    const before = JSON.stringify(await tally(pollId));
    const seen = await answerOnFallback(who, 1);
    expect(JSON.stringify(await tally(pollId))).toBe(before);
    expect(seen.toMember).toHaveLength(1);
    expect(seen.toMember[0]!.text).toContain('gesloten');
    expect(seen.toMember[0]!.text).toContain('niet opgeslagen');
    expect(seen.toMember[0]!.json).not.toMatch(/item_|Input\./);
    expect(seen.inChannel).toEqual([]);
  }, 60_000);
});
