import { departuresOverLimit } from '../support/departure-log';
import { ConversationSpec } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { randomFaults } from '../support/recording-connector';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Private delivery: the poll in each member's 1:1 chat, nudges reaching non-respondents only, at Teams'
 * real limits with injected 429s and 503s. Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('a B3-spiegel poll delivered privately', () => {
  let t: TestApp;
  let d: PulseDriver;
  const x: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 59)]);
  const personal = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const messagesTo = (userId: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${userId}`);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'another-test-key'.padEnd(40, 'y'), OUTBOX_TENANT_RPS: '50', OUTBOX_CONVERSATION_RPS: '7' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(x);
  });
  afterAll(() => t.stop());

  it('sends the poll to every member\'s 1:1 chat within Teams\' limits, through 429s and 503s', async () => {
    t.connector.limits = { perAppPerSecond: 50, perConversationPerSecond: 7 };
    t.connector.faults = [randomFaults({ rate429: 0.05, rate503: 0.03, seed: 11 })];
    t.connector.blocked.add(x.members[59]!.id);
    await d.say(HR, x, 'peiling start dit team 2026-12-04 privé herinner privé');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('privé, in ieders chat met de bot');
    await d.settle();
    t.connector.faults = [];

    for (const m of x.members.slice(0, 59)) expect(messagesTo(m.id)).toHaveLength(1);
    expect(messagesTo(x.members[59]!.id)).toHaveLength(0);
    // Checked on the calls as they left: the connector stamps arrivals on this test's own event
    // loop, which a busy machine stalls into bunches (it still answers 429 over a limit, as Teams).
    expect(departuresOverLimit(t.departures, { perTenant: 50, perConversation: 7 })).toEqual([]);
    const announcement = t.connector.cards((c) => c.conversationId === x.id).at(-1)!.card;
    expect(cardText(announcement)).toContain('persoonlijke chat');
    expect(cardText(announcement)).not.toContain('Mijn werk boeit mij.');
  }, 120_000);

  it('shows HR the progress, with the messages that could not be delivered, in plain words', async () => {
    await d.say(HR, x, 'peiling status');
    const status = t.connector.cards().at(-1)!.card;
    const text = cardText(status);
    // 59 cards and the channel announcement arrived; the blocked member's card did not.
    expect(text).toContain('60 berichten zijn aangekomen');
    expect(text).toContain('1 bericht kon niet worden bezorgd');
    expect(text).not.toMatch(/wachtrij|onbevestigd/);
    expect(text).toContain('0 van 60');
    expect(text).toContain('open, nog 12 dagen');
    expect(cardProblems(status)).toEqual([]);
    const refused = await d.press(x.members[1]!, d.channel(x), 'pulse.status', { pollId: messagesTo(x.members[1]!.id)[0]!.card.refresh.action.data.pollId }, undefined, x);
    expect(cardText(refused.value)).toContain('Alleen HR');
    await d.say(x.members[1]!, x, 'peiling status');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('Alleen HR');
  });

  it('takes answers in the 1:1 chat, not from a channel', async () => {
    const card = messagesTo(x.members[1]!.id)[0]!;
    const { pollId, targetId } = card.card.refresh.action.data;
    for (const m of x.members.slice(1, 11)) {
      const reply = await d.press(m, personal(m.id), 'pulse.answer', { pollId, targetId, ...scores(4) }, card.call.id);
      expect(cardText(reply.value)).toContain('Dank je wel');
    }
    const fromChannel = await d.press(x.members[20]!, d.channel(x), 'pulse.answer', { pollId, targetId, ...scores(4) }, undefined, x);
    expect(cardText(fromChannel.value)).toContain('hoort bij een ander team');
  });

  it('nudges only those who have not answered, and never someone who answers meanwhile', async () => {
    const before = new Map(x.members.map((m) => [m.id, messagesTo(m.id).length]));
    t.clock.set('2026-11-30T08:00:00Z'); // halfway: the first reminder
    await t.app.scheduler.runDue();
    // Two members answer after the nudges were queued, before they go out.
    const { pollId, targetId } = messagesTo(x.members[30]!.id)[0]!.card.refresh.action.data;
    for (const m of [x.members[30]!, x.members[31]!]) await d.press(m, personal(m.id), 'pulse.answer', { pollId, targetId, ...scores(3) });
    await d.settle();

    const nudged = x.members.filter((m) => messagesTo(m.id).length > before.get(m.id)!);
    const respondents = [...x.members.slice(1, 11), x.members[30]!, x.members[31]!];
    for (const r of respondents) expect(nudged).not.toContainEqual(r);
    const expected = x.members.filter((m, i) => !respondents.includes(m) && i !== 59);
    // Seen twice in CI runs of the whole suite on 1 December (two members not nudged), never alone:
    // on a failure, show what became of the missing nudges' outbox jobs, not only who is missing.
    const missing = expected.filter((m) => !nudged.includes(m)).map((m) => m.id);
    const jobs = missing.length ? (await t.store.container('outbox').items.query("SELECT c.status, c.target, c.attempts, c.result, c.notBefore FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources : [];
    expect({ missing, jobsOfMissing: jobs.filter((j) => missing.some((id) => JSON.stringify(j.target).includes(id))) }).toEqual({ missing: [], jobsOfMissing: [] });
    expect(nudged.map((m) => m.id).sort()).toEqual(expected.map((m) => m.id).sort());
    const nudge = messagesTo(x.members[40]!.id).at(-1)!.card;
    expect(cardText(nudge)).toContain('nog niet ingevuld');
    expect(cardProblems(nudge)).toEqual([]);
    // The reminder in the announcement's thread counts the respondents when it was written.
    const thread = t.connector.cards((c) => c.conversationId.startsWith(`${x.id};messageid=`)).at(-1)!.card;
    expect(cardText(thread)).toContain('10 van 60');
    // Once the nudges went, none of them is kept, sent or skipped. This test used to accept that
    // the records of the sent ones stayed a day: they named the non-respondents, so a database
    // reader had the respondents as the roster minus them (tests/privacy/pulse-poll-nudges.test.ts).
    const { resources } = await t.cosmos.container('outbox').items.query("SELECT * FROM c WHERE IS_DEFINED(c.guard)").fetchAll();
    expect(resources).toEqual([]);
  }, 120_000);

  it('HR closes the poll early; results below the minimum nowhere, the team above it', async () => {
    await d.say(HR, x, 'peiling sluiten');
    expect(t.connector.texts().at(-1)).toContain('gesloten');
    await d.settle();
    const results = await d.press(HR, d.channel(x), 'pulse.results', { pollId: messagesTo(x.members[1]!.id)[0]!.card.refresh.action.data.pollId }, undefined, x);
    expect(cardText(results.value)).toContain('12 van 60 (20%)');
    expect(cardProblems(results.value)).toEqual([]);
    await d.say(HR, x, 'peiling sluiten');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('geen peiling');
  });
});
