import { textInput } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';


/**
 * A text refused for its length came back in an input whose maxLength was below the text.
 * A client that applies maxLength to the value it is given (Android's LengthFilter does) cuts
 * what was typed to the limit, while the reason next to it says "this is 2,500": the over-limit
 * part is lost. The app's own rule (overview.card.ts, note-edit, prep.card, prof-traject) is
 * maxLength = max(limit, text length), so "a refused text comes back whole". Found in review,
 * stop 37, for the group's answers and the poll's comment; the judgement, decision and look-back
 * fields had the same fault and have the same fix (`holding` in card-kit.ts).
 */
describe('a too-long text comes back in an input that holds it whole', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('a group answer of 2,500 characters', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const long = 'x'.repeat(2500);
    const res = await g.contribute(MEMBERS[1]!, 1, long);
    const text = textInput(res.value, 'text');
    expect(text?.value).toBe(long);
    expect(text?.maxLength ?? Infinity).toBeGreaterThanOrEqual(long.length);
  });

  it('a judgement reason of 1,500 characters', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:long-reason@thread.v2'), MEMBERS.slice(0, 4));
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel']);
    const long = 'z'.repeat(1500);
    const res = await g.press(MEMBERS[1]!, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: long });
    const reason = textInput(res.value, 'reason');
    expect(reason?.value).toBe(long);
    expect(reason?.maxLength ?? Infinity).toBeGreaterThanOrEqual(long.length);
  });

  it('a poll comment of 1,500 characters', async () => {
    const d = new PulseDriver(t);
    const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
    const poll = d.pollCard(noord.id);
    const long = 'y'.repeat(1500);
    const res = await d.press(noord.members[1]!, d.channel(noord), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...scores(4), open: long }, poll.id, noord);
    const open = textInput(res.value, 'open');
    expect(open?.value).toBe(long);
    expect(open?.maxLength ?? Infinity).toBeGreaterThanOrEqual(long.length);
  });
});
