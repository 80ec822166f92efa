import { ConversationSpec, execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { addInvitees, emptyTally, MAX_INVITEES, mayAnswerFor } from '../../src/domain/pulse-poll/tally';

/**
 * Attack: padding a team of a private "alle teams" poll before it is delivered, from outside it.
 * Only the members a private poll was sent to for a team may answer for that team (the tally's
 * invitee list), or anyone could pad the team past the minimum with scores they know and subtract
 * them from its figures. A team whose delivery has not happened yet (its roster could not be read;
 * delivery waits for the safety-net job) used to keep no list, read as "anyone may answer". Its
 * target id is stableId('pt', tenant, teamId) and the poll id is on every member's card, so a
 * member of another team of the poll, or a user of another tenant, could answer for it.
 *
 * Attack: probing another organisation's poll. An answer from another tenant must learn nothing:
 * not that the poll id is real (a "wrong place" refusal said so), not its team names or language
 * (the refused form was rendered from the other organisation's poll). It is refused exactly as an
 * unknown poll id is.
 */

const WRONG_PLACE = 'Deze kaart hoort bij een ander team of een andere chat.';

describe('a private poll\'s team that is not delivered yet', () => {
  let t: TestApp;
  let d: PulseDriver;
  const aardbei: TestTeam = team('Aardbei', 'aardbei', [HR, ...members('aardbei', 6)]);
  const zwaluw: TestTeam = team('Zwaluw', 'zwaluw', members('zwaluw', 6));
  const outsider = user('Olaf'); // a member of Aardbei, not of Zwaluw
  const personal = (userId: string, tenantId = 'tenant-1'): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId, serviceUrl: t.connector.url });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored tally as a database reader sees it
  const tally = async (pollId: string): Promise<any> => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;
  let pollId = '';
  const zwaluwTarget = stableId('pt', 'tenant-1', zwaluw.id);
  const aardbeiTarget = stableId('pt', 'tenant-1', aardbei.id);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, ALLOWED_TENANT_IDS: 'tenant-1,tenant-2', POLL_HASH_KEY: 'undelivered-team'.padEnd(40, 'u'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    aardbei.members.push(outsider);
    await d.install(aardbei);
    await d.install(zwaluw);
    // Zwaluw's roster cannot be read (Teams refuses it for now): its delivery waits for the retry job.
    t.connector.faults = [(req) => (req.method === 'GET' && req.path.includes(zwaluw.id) && /members/.test(req.path) ? { status: 403 } : undefined)];
    await d.say(HR, aardbei, 'peiling start alle teams 2026-12-04 privé');
    await d.settle();
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${outsider.id}`)[0];
    if (!card) throw new Error('Aardbei was not delivered');
    pollId = card.card.refresh.action.data.pollId;
    const poll = (await t.store.container('polls').item(pollId, pollId).read()).resource;
    expect(poll.targets.map((x: { id: string; delivered: boolean }) => [x.id, x.delivered])).toContainEqual([zwaluwTarget, false]);
  }, 120_000);
  afterAll(() => t.stop());

  it('refuses an answer for the undelivered team from a member of another team of the poll', async () => {
    const reply = await d.press(outsider, personal(outsider.id), 'pulse.answer', { pollId, targetId: zwaluwTarget, ...scores(3) });
    const stored = await tally(pollId);
    expect({ reply: cardText(reply.value).includes(WRONG_PLACE), zwaluwCount: stored.teams[zwaluwTarget].count }).toEqual({ reply: true, zwaluwCount: 0 });
  });

  it('refuses an answer for the undelivered team from a user of another tenant, as for an unknown poll', async () => {
    const stranger = user('Stranger');
    const res = await t.send(execute(personal(stranger.id, 'tenant-2'), stranger, 'pulse.answer', { pollId, targetId: zwaluwTarget, ...scores(3) }));
    const stored = await tally(pollId);
    const unknown = await t.send(execute(personal(stranger.id, 'tenant-2'), stranger, 'pulse.answer', { pollId: 'poll_never-was', targetId: zwaluwTarget, ...scores(3) }));
    expect({ zwaluwCount: stored.teams[zwaluwTarget].count, sameAsUnknownPoll: cardText(res.body.value) === cardText(unknown.body.value) }).toEqual({ zwaluwCount: 0, sameAsUnknownPoll: true });
  });

  it('refuses a delivered team\'s answer from a user of another tenant, as for an unknown poll', async () => {
    const stranger = user('Stranger3');
    const res = await t.send(execute(personal(stranger.id, 'tenant-2'), stranger, 'pulse.answer', { pollId, targetId: aardbeiTarget, ...scores(3) }));
    const unknown = await t.send(execute(personal(stranger.id, 'tenant-2'), stranger, 'pulse.answer', { pollId: 'poll_never-was', targetId: aardbeiTarget, ...scores(3) }));
    expect({ aardbeiCount: (await tally(pollId)).teams[aardbeiTarget].count, sameAsUnknownPoll: cardText(res.body.value) === cardText(unknown.body.value) }).toEqual({ aardbeiCount: 0, sameAsUnknownPoll: true });
  });

  it('shows a user of another tenant nothing of the poll for an incomplete answer (form with team names, language)', async () => {
    const stranger = user('Stranger2');
    const partial = { ...scores(3) };
    delete partial.item_behouden;
    const real = await t.send(execute(personal(stranger.id, 'tenant-2'), stranger, 'pulse.answer', { pollId, targetId: aardbeiTarget, ...partial }));
    const unknown = await t.send(execute(personal(stranger.id, 'tenant-2'), stranger, 'pulse.answer', { pollId: 'poll_never-was', targetId: aardbeiTarget, ...partial }));
    const text = cardText(real.body.value);
    expect({ namesTeam: text.includes('Aardbei'), sameAsUnknownPoll: text === cardText(unknown.body.value) }).toEqual({ namesTeam: false, sameAsUnknownPoll: true });
  });

  it('lets the team\'s own members answer once it is delivered, and still nobody else', async () => {
    t.connector.faults = [];
    t.clock.set('2026-11-23T08:10:00Z'); // past the safety-net delivery job
    await t.app.scheduler.runDue();
    await d.settle();
    const member = zwaluw.members[1]!;
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${member.id}`)[0];
    expect(card?.card.refresh.action.data).toEqual(expect.objectContaining({ pollId, targetId: zwaluwTarget }));
    const own = await d.press(member, personal(member.id), 'pulse.answer', { pollId, targetId: zwaluwTarget, ...scores(4) });
    const other = await d.press(outsider, personal(outsider.id), 'pulse.answer', { pollId, targetId: zwaluwTarget, ...scores(3) });
    expect({ own: cardText(own.value).includes('anoniem opgeslagen'), other: cardText(other.value).includes(WRONG_PLACE), zwaluwCount: (await tally(pollId)).teams[zwaluwTarget].count }).toEqual({ own: true, other: true, zwaluwCount: 1 });
  });
});

/**
 * The same attack on a poll in flight when this was deployed: its tally was stored without an
 * invitee list for a team not delivered yet (and, from before invitee lists, without any for the
 * teams delivered). The undelivered team takes no answer until its delivery lists its members;
 * a team delivered back then keeps taking its members' answers, as before.
 */
describe('a private poll whose tally was stored without invitee lists', () => {
  let t: TestApp;
  let d: PulseDriver;
  const appel: TestTeam = team('Appel', 'appel', [HR, ...members('appel', 6)]);
  const mees: TestTeam = team('Mees', 'mees', members('mees', 6));
  const outsider = user('Otto'); // a member of Appel, not of Mees
  const personal = (userId: string): ConversationSpec => ({ id: `a:1on1-${userId}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored tally as a database reader sees it
  const tally = async (pollId: string): Promise<any> => (await t.store.container('pollAnswers').item('tally', pollId).read()).resource;
  let pollId = '';
  const appelTarget = stableId('pt', 'tenant-1', appel.id);
  const meesTarget = stableId('pt', 'tenant-1', mees.id);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'unlisted-tally'.padEnd(40, 'n'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    appel.members.push(outsider);
    await d.install(appel);
    await d.install(mees);
    t.connector.faults = [(req) => (req.method === 'GET' && req.path.includes(mees.id) && /members/.test(req.path) ? { status: 403 } : undefined)];
    await d.say(HR, appel, 'peiling start alle teams 2026-12-04 privé');
    await d.settle();
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${outsider.id}`)[0];
    if (!card) throw new Error('Appel was not delivered');
    pollId = card.card.refresh.action.data.pollId;
    // As a tally written before lists came with the poll's start.
    const { invitees: _lists, ...unlisted } = await tally(pollId);
    await t.store.container('pollAnswers').item('tally', pollId).replace(unlisted);
    expect((await tally(pollId)).invitees).toBeUndefined();
  }, 120_000);
  afterAll(() => t.stop());

  it('takes no answer for the undelivered team, and keeps taking the delivered team\'s', async () => {
    const padding = await d.press(outsider, personal(outsider.id), 'pulse.answer', { pollId, targetId: meesTarget, ...scores(3) });
    const member = appel.members[2]!;
    const own = await d.press(member, personal(member.id), 'pulse.answer', { pollId, targetId: appelTarget, ...scores(4) });
    const stored = await tally(pollId);
    expect({
      padding: cardText(padding.value).includes(WRONG_PLACE),
      own: cardText(own.value).includes('anoniem opgeslagen'),
      counts: [stored.teams[meesTarget].count, stored.teams[appelTarget].count],
    }).toEqual({ padding: true, own: true, counts: [0, 1] });
  });

  it('lists the team at its delivery: its members answer, others still do not', async () => {
    t.connector.faults = [];
    t.clock.set('2026-11-23T08:10:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const member = mees.members[0]!;
    const own = await d.press(member, personal(member.id), 'pulse.answer', { pollId, targetId: meesTarget, ...scores(4) });
    const other = await d.press(outsider, personal(outsider.id), 'pulse.answer', { pollId, targetId: meesTarget, ...scores(3) });
    const stored = await tally(pollId);
    expect({ own: cardText(own.value).includes('anoniem opgeslagen'), other: cardText(other.value).includes(WRONG_PLACE), listed: stored.invitees?.[meesTarget]?.length, count: stored.teams[meesTarget].count }).toEqual({
      own: true,
      other: true,
      listed: 6,
      count: 1,
    });
  });
});

/**
 * A private team too large for the tally's invitee lists used to be left open to anyone with its
 * card. It is now refused as a whole: nobody is listed for it, so nobody can answer for it, and
 * its delivery sends nothing (it shows as not delivered).
 */
describe('a private team too large to list', () => {
  const markers = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => `${prefix}${String(i).padStart(15, '0')}`);

  it('starts every team closed and refuses a team past the bound without opening it', () => {
    const start = emptyTally('p', ['a', 'b'], { invitees: true });
    expect([mayAnswerFor(start, 'a', 'a000000000000001'), mayAnswerFor(start, 'b', 'b000000000000001')]).toEqual([false, false]);
    const a = addInvitees(start, 'a', markers('a', MAX_INVITEES - 10));
    expect(a.outcome).toBe('invited');
    const b = addInvitees(a.tally, 'b', markers('b', 11));
    expect({ outcome: b.outcome, unchanged: b.tally === a.tally, listed: b.tally.invitees?.b, mayAnswer: mayAnswerFor(b.tally, 'b', 'b000000000000001') }).toEqual({
      outcome: 'tooMany',
      unchanged: true,
      listed: [],
      mayAnswer: false,
    });
    expect(addInvitees(a.tally, 'b', markers('b', 10)).outcome).toBe('invited');
  });
});
