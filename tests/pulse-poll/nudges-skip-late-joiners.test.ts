import { ConversationSpec, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { inviteeHash } from '../../src/domain/pulse-poll/answer';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { emptyTally } from '../../src/domain/pulse-poll/tally';
import { PulsePollDeps } from '../../src/usecases/pulse-poll/deps';
import { nudgeDue } from '../../src/usecases/pulse-poll/remind';

/**
 * A member who joins the team after its poll went out is not on the poll's invitee list: the app
 * refuses their answer (and, for a private poll, never sent them a card). The reminder's private
 * nudges go only to the team's invitees (the roster at reminder time, less anyone not on the
 * tally's invitee list), and the nudge's guard checks the list again when it is sent; so the
 * newcomer is never told "you have not answered yet; the questions are earlier in this chat" for a
 * poll they cannot answer.
 * Found in review, stop 39.
 */
describe('private nudges and a member who joined after delivery', () => {
  let t: TestApp;
  let d: PulseDriver;
  const x: TestTeam = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 6)]);
  const newbie = user('Nina Nieuw');
  const personal = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  const messagesTo = (userId: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${userId}`);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-nudge-newcomer'.padEnd(40, 'n') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(x);
    await d.say(HR, x, 'peiling start dit team 2026-12-04 privé herinner privé');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('does not nudge someone the poll was never sent to, whose answer it refuses', async () => {
    expect(messagesTo(x.members[1]!.id)).toHaveLength(1);
    expect(messagesTo(newbie.id)).toHaveLength(0);
    // Nina joins the team after the cards went out.
    t.connector.teamRosters.set(x.id, [...x.members, newbie]);

    // Her answer (with the ids of a colleague's card) is refused: she was not asked.
    const { pollId, targetId } = messagesTo(x.members[1]!.id)[0]!.card.refresh.action.data;
    const refused = await d.press(newbie, personal(newbie.id), 'pulse.answer', { pollId, targetId, ...scores(4) });
    expect(cardText(refused.value)).not.toContain('Dank je wel');

    // The first reminder, with private nudges.
    t.clock.set('2026-11-30T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    // The members who were asked and did not answer are nudged (the reminder ran) ...
    expect(messagesTo(x.members[2]!.id).length).toBeGreaterThan(1);
    // ... but Nina should not be: there is no poll card in her chat and no answer she can give.
    const toNina = messagesTo(newbie.id).map((m) => cardText(m.card));
    expect(toNina).toEqual([]);
  }, 60_000);
});

describe('a channel poll\'s private nudges and a member who joined after its card went out', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const newbie = user('Nina Nieuw');
  const messagesTo = (userId: string) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${userId}`);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'nudge-newcomer-channel'.padEnd(40, 'n') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.say(HR, noord, 'peiling start dit team 2026-12-04 herinner privé');
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('nudges the members the card went to, not the newcomer', async () => {
    t.connector.teamRosters.set(noord.id, [...noord.members, newbie]);
    t.clock.set('2026-11-30T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    expect(messagesTo(noord.members[2]!.id).map((m) => cardText(m.card)).join('\n')).toContain('nog niet ingevuld');
    expect(messagesTo(newbie.id)).toEqual([]);
  }, 60_000);
});

describe('the guard of a queued nudge (one queued before nudges were held to the invitee list, say)', () => {
  const key = 'nudge-guard'.padEnd(40, 'g');
  const poll = { id: 'p1', status: 'open', delivery: 'channel', nudgesQueued: [0], targets: [{ id: 't1', delivered: true }] } as unknown as Poll;
  const tally = { ...emptyTally('p1', ['t1']), invitees: { t1: [inviteeHash(key, 'p1', 't1', 'member-1')] } };
  const deps = { polls: { get: async () => poll }, tallies: { get: async () => tally }, hashKey: key } as unknown as PulsePollDeps;

  it('lets it go out only to someone the poll was sent to', async () => {
    expect({ newcomer: await nudgeDue(deps, 'p1', 'newcomer', 0), member: await nudgeDue(deps, 'p1', 'member-1', 0) }).toEqual({ newcomer: false, member: true });
  });
});
