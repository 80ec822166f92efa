import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 46. An English group on day 1 with the agenda 1,2,3: question 6 is not
 * on it, no proposal was drafted or written. Anna, Bram and Cem press "judge" (their presses name
 * no proposal) and Dewi presses "decide". The three judgements used to be stored without an error,
 * and the day-1, day-2, day-3 and week summaries each listed "Judgements: Anna · agree: Good" as if
 * the group had judged a proposal; Dewi got "Not saved yet: see the note next to the field" on a
 * card that shows no decision field.
 * Must hold: a judgement needs a text to judge (the group's own proposal, or an AI draft). Each
 * judgement press stores nothing (no judgement, no proposal record) and its member hears, in
 * English, that there is no proposal to judge yet; the decide press likewise hears what is missing.
 * No summary of the week lists a judgement.
 */
describe('judgements and a decision pressed where there is no proposal', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('stores nothing, says in the group\'s language what is missing, and no summary lists them', async () => {
    const four = ['Anna', 'Bram', 'Cem', 'Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
    const [anna, bram, cem, dewi] = four;
    const g = new GroupDriver(t, t.conversation('groupChat', '19:judge-no-proposal@thread.v2'), four);
    await g.setUp('en');
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3', day2: '4,5', day3: '6,7', day4: '8,9,10' }, 'cycle-card');
    await g.startSession();
    await g.contribute(anna, 1, 'Handover');

    for (const who of [anna, bram, cem]) {
      const judged = await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Good' });
      expect(judged.type).toBe('application/vnd.microsoft.activity.message');
      expect(judged.value).toBe('There is no proposal to judge yet: nothing has been written or drafted at question 6. Your judgement was not saved.');
    }
    const decided = await g.press(dewi, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Fine', adoptedText: '', firstStep: 'Start' });
    expect(decided.type).toBe('application/vnd.microsoft.activity.message');
    expect(decided.value).toBe('There is no proposal to decide on yet: nothing has been written or drafted at question 6, and the group judges it before deciding. Your decision was not saved.');

    const stored = (type: string) =>
      t.store.container('sessions').items.query({ query: 'SELECT * FROM c WHERE c.type = @type AND c.groupId = @g', parameters: [{ name: '@type', value: type }, { name: '@g', value: g.groupId }] }).fetchAll().then((r) => r.resources);
    expect(await stored('judgement')).toEqual([]);
    // Not even the proposal record: day 1 does not work on the proposal.
    expect(await stored('proposal')).toEqual([]);

    const summaries: string[] = [];
    for (let day = 1; day <= 4; day++) {
      if (day > 1) {
        t.clock.advanceMinutes(24 * 60);
        await g.startSession();
      }
      if (day === 3) {
        // At question 7, nothing written at 6: the card offers no judgement or decision form, only where to write it.
        // Day 3 also carries questions 2-5 over (nothing was answered): question 7 is the sixth on its list.
        await g.goTo(anna, 5);
        const card = (await g.press(anna, 'session.refresh', g.ids())).value;
        expect(cardText(card)).toContain('Question 7 ·');
        expect(cardText(card)).toContain('There is no proposal yet. Write it at question 6; then the group judges it here.');
        expect(JSON.stringify(card)).not.toMatch(/"verb":"proposal\.(judge|decide)"/);
      }
      const before = t.connector.calls.length;
      await g.end(anna);
      await t.app.outbox.drain(30_000);
      summaries.push(
        ...t.connector.calls
          .slice(before)
          .filter((c) => c.method === 'POST' && c.conversationId === g.conv.id)
          .map((c) => cardText(c.activity.attachments?.[0]?.content ?? {}))
          .filter((text) => text.includes('Summary Team Zorg') || text.includes('Week overview Team Zorg')),
      );
    }
    expect(summaries).toHaveLength(4);
    expect(summaries[3]).toContain('Week overview Team Zorg');
    for (const summary of summaries) {
      expect(summary).not.toContain('Judgements');
      expect(summary).not.toContain('· agree');
    }
    expect(await stored('judgement')).toEqual([]);
  }, 60_000);
});
