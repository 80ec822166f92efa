import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/** Three (or more) people in one tenant's group chat; day 1 of their first week holds question 9, the learning need, and is open. */
export async function groupWithQuestion9(t: TestApp, tenantId: string, members: TestUser[]): Promise<GroupDriver> {
  const g = new GroupDriver(t, { ...t.conversation('groupChat', `19:group-${tenantId}@thread.v2`), tenantId }, members);
  await g.setUp();
  await g.startCycle();
  await g.press(members[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9', day2: '1,2,3', day3: '4,5,6,7', day4: '8,10' }, 'cycle-card');
  await g.startSession();
  return g;
}

/** A member answers question 9 and passes the need on from their own view of the session card. */
export async function passOn(g: GroupDriver, who: TestUser, theme: string, text: string): Promise<void> {
  const q9 = { ...g.ids(), questionId: 9 };
  await g.press(who, 'session.personal', { ...q9, text: `Antwoord van ${who.name}` });
  expect(cardText((await g.press(who, 'learningNeed.pass', { ...q9, theme, learningNeedText: text })).value)).toContain('Doorgegeven');
}

/**
 * One week in which every member answers question 9 (the day-4 session stays open). The group
 * questions are answered and the proposal decided, so nothing is carried over to day 4.
 */
export async function weekUpToQuestion9(g: GroupDriver): Promise<void> {
  const [a, b, c, d] = g.members as [TestUser, TestUser, TestUser, TestUser];
  const day = async (work: () => Promise<void>, end = true) => {
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 4);
    await work();
    if (end) {
      await g.end();
      g.t.clock.advanceMinutes(24 * 60);
    }
  };
  await day(async () => {
    await g.contribute(a, 1, 'De overdracht');
    await g.goTo(b, 1);
    await g.contribute(b, 2, 'Informatie staat verspreid');
    await g.goTo(c, 2);
    await g.contribute(c, 3, 'Geen vaste tijd');
  });
  await day(async () => {
    await g.contribute(d, 4, 'Overdracht kost tijd');
    await g.goTo(a, 1);
    await g.contribute(a, 5, 'Vaste momenten');
  });
  await day(async () => {
    await g.contribute(b, 6, 'Elke dienst start met overdracht.');
    await g.goTo(b, 1);
    const proposalId = `${g.sessionId.replace(/_s3$/, '')}_p`;
    for (const who of [a, b, c]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(d, 'proposal.decide', { ...g.ids(), proposalId, decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Morgen beginnen.' });
  });
  await day(async () => {
    await g.contribute(c, 8, 'Minder stress');
    await g.goTo(a, 1);
  }, false);
}

/**
 * A group of three with question 9 open; `who` answers it and then asks to erase their data while
 * Cosmos DB refuses every delete in the personal container: the erasure is begun and unfinished
 * (the proxied app of `t` is needed). Returns the group, question 9's ids and the erasure's answer card.
 */
export async function answeredThenErasureUnfinished(t: TestApp, members: TestUser[], who: TestUser): Promise<{ g: GroupDriver; q9: Record<string, unknown>; erased: unknown }> {
  const g = await groupWithQuestion9(t, 'tenant-1', members);
  const q9 = { ...g.ids(), questionId: 9 };
  await g.press(who, 'session.personal', { ...q9, text: 'Ik wil beter leren plannen' });
  const chat = new PersonalChat(t, who);
  const ask = (await chat.say('wis mijn gegevens')).cards[0];
  t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
  const erased = await chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!);
  t.proxy!.faults = undefined;
  return { g, q9, erased };
}

/** Three members of a group in tenant-1 pass a need on under one theme; the outbox drained and the connector's record cleared. */
export async function threeNeedsPassedOn(t: TestApp): Promise<GroupDriver> {
  const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
  const g = await groupWithQuestion9(t, 'tenant-1', members);
  for (const who of members) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
  await t.app.outbox.drain(30_000);
  t.connector.clear();
  return g;
}

type StoredDoc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

/** The cards posted to someone's 1:1 chat (opened by the outbox with their Entra id). */
export const cardsTo = (t: TestApp, who: TestUser) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}`).map(({ card }) => card);

/** The weekly handover jobs as `id status`, sorted. */
export const handoverJobs = async (t: TestApp): Promise<string[]> =>
  (await t.store.container('jobs').items.query("SELECT * FROM c WHERE c.kind = 'learningNeeds.handover'").fetchAll()).resources.map((j: StoredDoc) => `${j.id} ${j.status}`).sort();

/** The status of every stored pass-on. */
export const passOnStatuses = async (t: TestApp): Promise<string[]> =>
  (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'learningNeedPassOn'").fetchAll()).resources.map((p: StoredDoc) => p.status);

/**
 * Anna, Bram and Cem of a tenant-1 group pass a need on under one theme; the clock goes to Monday
 * 2026-11-30 01:30Z (02:30 in Amsterdam), the weekly handover runs and takes all three to L&O
 * (checked). `t` must start before that night. The outbox is drained, so what is sent afterwards
 * belongs to the caller's next step.
 */
export async function handedOverWeek(t: TestApp, theme = 'samenwerken'): Promise<{ g: GroupDriver; members: [TestUser, TestUser, TestUser] }> {
  const members = ['Anna', 'Bram', 'Cem'].map(user) as [TestUser, TestUser, TestUser];
  const g = await groupWithQuestion9(t, 'tenant-1', members);
  for (const who of members) await passOn(g, who, theme, `De leervraag van ${who.name}`);
  t.clock.set('2026-11-30T01:30:00Z');
  await t.app.scheduler.runDue();
  await t.app.background.idle();
  await t.app.outbox.drain(10_000);
  expect(await passOnStatuses(t)).toEqual(['handedOver', 'handedOver', 'handedOver']);
  return { g, members };
}

/**
 * Stops the app instances of a restart test that share one store: the later ones, then the first
 * (its `stop` would close the store; only its app and connector go here), then the store.
 */
export async function stopInstances(first: TestApp | undefined, later: readonly TestApp[], cosmos: { close(): Promise<void> }): Promise<void> {
  for (const t of later) await t.app.stop().catch(() => undefined);
  for (const t of later) await t.connector.stop();
  await first?.app.stop().catch(() => undefined);
  await first?.connector.stop();
  await cosmos.close();
}
