import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every answer is one write of one shared document: a whole team pressing "send" at once must
 * all be counted, none twice; and answers racing the closing are either in the final figures or
 * refused, never added afterwards. Clock: Monday 23 November 2026; minimum 5.
 */
describe('many answers at once, and answers racing the closing', () => {
  let t: TestApp;
  let d: PulseDriver;
  const big: TestTeam = team('Zorgteam Groot', 'groot', [HR, ...members('groot', 40)]);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored tally as a database reader sees it
  const tally = async (pollId: string): Promise<any> => (await t.cosmos.container('pollAnswers').item('tally', pollId).read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'concurrency-key'.padEnd(40, 'q'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(big);
    await d.say(HR, big, 'peiling start dit team 2026-12-04');
    await d.settle();
  });
  afterAll(() => t.stop());

  it('counts thirty members who answer at the same moment, each once, redeliveries included', async () => {
    const card = d.pollCard(big.id);
    const who = big.members.slice(1, 31);
    const press = (m: (typeof who)[number]) => d.press(m, d.channel(big), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4) }, card.id, big);
    // Everyone at once, and Teams delivering ten of the presses twice.
    const replies = await Promise.all([...who.map(press), ...who.slice(0, 10).map(press)]);
    expect(replies.filter((r) => cardText(r.value).includes('anoniem opgeslagen'))).toHaveLength(30);
    expect(replies.filter((r) => cardText(r.value).includes('al ingevuld'))).toHaveLength(10);
    const stored = await tally(card.pollId);
    expect(stored.teams[card.targetId].count).toBe(30);
    expect(stored.respondents).toHaveLength(30);
  }, 60_000);

  it('takes answers racing the closing into the figures or refuses them; nothing changes afterwards', async () => {
    const card = d.pollCard(big.id);
    const late = big.members.slice(31, 41);
    const [replies] = await Promise.all([
      Promise.all(late.map((m) => d.press(m, d.channel(big), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(1) }, card.id, big))),
      d.say(HR, big, 'peiling sluiten'),
    ]);
    const stored = replies.filter((r) => cardText(r.value).includes('anoniem opgeslagen')).length;
    const refused = replies.filter((r) => cardText(r.value).includes('niet opgeslagen')).length;
    expect(stored + refused).toBe(10);
    await d.settle();
    const sealed = await tally(card.pollId);
    expect(sealed.sealed).toBeDefined();
    expect(sealed.respondents).toEqual([]);
    expect(sealed.teams[card.targetId].count).toBe(30 + stored);
    // After closing: refused, and the tally stays as it is.
    const after = await d.press(big.members[40]!, d.channel(big), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(1) }, card.id, big);
    expect(cardText(after.value)).toContain('niet opgeslagen');
    const { _etag: before } = sealed;
    expect((await tally(card.pollId))._etag).toBe(before);
    await t.send(message(t.conversation('personal', 'a:hanna'), HR, 'peiling resultaten'));
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain(`${30 + stored} van 41`);
  }, 60_000);
});
