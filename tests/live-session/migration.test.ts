import { groupIdFor } from '../../src/usecases/week-cycle/set-up-group';
import { message } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { exportOf } from './support';

const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const CONVERSATION = '19:groupchat-1@thread.v2';
const GROUP = groupIdFor(CONVERSATION);
const at = '2026-11-23T08:05:00.000Z';
const members = [anna, bram, cem, dewi].map((m) => ({ id: m.aadObjectId, name: m.name, teamsId: m.id }));

/** A group as the previous version stored it: group and proposal in their own containers, every answer inside the session. */
async function seedLegacy(cosmos: TestApp['cosmos']): Promise<void> {
  await cosmos.container('groups').items.create({
    id: GROUP, tenantId: 'tenant-1', conversationId: CONVERSATION, conversationKind: 'groupChat', name: 'Team Oud', members,
    schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' }, language: 'nl', plannedWeeks: 20,
    conversationRef: { conversation: { id: CONVERSATION, tenantId: 'tenant-1' }, serviceUrl: 'https://smba.example', bot: { id: '28:bot' } },
    cyclesStarted: 1, currentCycleId: `${GROUP}_w1`, createdBy: anna.aadObjectId, createdAt: at,
  });
  await cosmos.container('sessions').items.create({ id: `${GROUP}_w1`, type: 'cycle', groupId: GROUP, weekNumber: 1, agenda: [{ day: 1, questionIds: [1, 2, 3] }, { day: 2, questionIds: [4, 5] }, { day: 3, questionIds: [6, 7] }, { day: 4, questionIds: [8, 9, 10] }], sessionDates: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'], startedBy: anna.aadObjectId, startedAt: at });
  await cosmos.container('sessions').items.create({
    id: `${GROUP}_w1_s1`, type: 'session', groupId: GROUP, cycleId: `${GROUP}_w1`, seq: 1, day: 1, questionIds: [1, 2, 3], carriedOver: [], currentIndex: 0, status: 'open',
    startedAt: at, endsAt: '2026-11-23T09:05:00.000Z', warned: false,
    answers: { '1': [{ key: 'act-1', authorId: anna.aadObjectId, authorName: 'Anna', text: 'Een oud antwoord van Anna', at }, { key: 'act-2', authorId: bram.aadObjectId, authorName: 'Bram', text: 'Een oud antwoord van Bram', at }] },
    energy: { in: { [anna.aadObjectId]: 4, [bram.aadObjectId]: 3, [cem.aadObjectId]: 5 }, out: {} },
    attendeeIds: [anna.aadObjectId, bram.aadObjectId, cem.aadObjectId],
  });
  await cosmos.container('proposals').items.create({
    id: `${GROUP}_w0_p`, type: 'proposal', groupId: GROUP, groupName: 'Team Oud', cycleId: `${GROUP}_w0`, sessionId: `${GROUP}_w0_s3`, title: '', ai: { status: 'none' },
    judgements: { [dewi.aadObjectId]: { memberId: dewi.aadObjectId, memberName: 'Dewi', verdict: 'accept', reason: 'Oud oordeel', at } },
    decision: { verdict: 'accept', text: 'Een oud besluit', firstStep: 'Oude eerste stap', decidedBy: dewi.aadObjectId, at },
    contributorIds: [dewi.aadObjectId], createdAt: at, updatedAt: at,
  });
}

/** Sessions stored by the previous version keep working: the data moves into the group partition at start-up. */
describe('a group stored by the previous version', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:20:00Z', { seed: seedLegacy });
    g = new GroupDriver(t, t.conversation('groupChat', CONVERSATION), [anna, bram, cem, dewi]);
    g.groupId = GROUP;
    g.sessionId = `${GROUP}_w1_s1`;
    g.sessionMessageId = 'legacy-card';
  });
  afterAll(() => t.stop());

  it('continues the open session: the old answers show, new ones join them', async () => {
    const card = cardText((await g.contribute(dewi, 1, 'Een nieuw antwoord van Dewi')).value);
    expect(card).toContain('Een oud antwoord van Anna');
    expect(card).toContain('Een oud antwoord van Bram');
    expect(card).toContain('Een nieuw antwoord van Dewi');
    expect(card).toContain("3 collega's ingecheckt");
  });

  it('publishes the old check-ins when the group moves on', async () => {
    await g.goTo(anna, 1);
    expect(cardText((await g.press(bram, 'session.refresh', g.ids())).value)).toContain('Energie bij de start: gemiddeld 4,0.');
  });

  it('shows each member their history, and the old proposal to the one who judged it', async () => {
    expect((await exportOf(t, anna)).contributions.map((c) => c.text)).toEqual(['Een oud antwoord van Anna']);
    const dewiData = await exportOf(t, dewi);
    expect(dewiData.contributions.map((c) => c.text)).toEqual(['Een nieuw antwoord van Dewi']);
    expect((dewiData as unknown as { judgements: { reason: string }[] }).judgements.map((j) => j.reason)).toEqual(['Oud oordeel']);
  });

  it('answers the group\'s commands from the moved group record', async () => {
    await t.send(message(g.conv, anna, 'status'));
    expect(cardText(t.connector.cards((c) => c.method === 'POST').at(-1)!.card)).toContain('Team Oud · week 1 van 20');
  });

  it('leaves nothing in the old containers, and no session holds answers any more', async () => {
    for (const name of ['groups', 'proposals'] as const) {
      expect((await t.store.container(name).items.query('SELECT * FROM c').fetchAll()).resources).toEqual([]);
    }
    const sessions = (await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'session'").fetchAll()).resources;
    expect(sessions.map((s) => [s.answers, s.attendeeIds])).toEqual([[undefined, undefined]]);
  });
});
