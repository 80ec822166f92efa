import { GroupDriver, MEMBERS } from '../support/group-driver';
import { TestUser } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';

/** Sets a group up through its setup card, Monday-Thursday at 09:00, with a plan of `weeks` weeks. */
export async function setUpWithWeeks(g: GroupDriver, weeks: string, timeZone = 'Europe/Amsterdam') {
  g.t.connector.roster = g.members;
  const res = await g.press(g.members[0]!, 'group.setup.save', {
    name: 'Team Zorg',
    members: g.members.map((m) => m.aadObjectId).join(','),
    days: '1,2,3,4',
    startTime: '09:00',
    timeZone,
    language: 'nl',
    weeks,
  }, 'setup-card');
  g.groupId = res.value.actions[0].data.groupId;
  return res;
}

export type Job = { id: string; kind: string; status: string; dueAt: string };

/** The scheduler's jobs about a group, read directly from the store. */
export const jobsOf = async (t: TestApp, groupId: string) =>
  (await t.store.container('jobs').items.query({ query: 'SELECT * FROM c WHERE c.payload.groupId = @g', parameters: [{ name: '@g', value: groupId }] }).fetchAll()).resources as Job[];

/** The session cards the rhythm posted in the group's chat since connector call `from`. */
export const sessionCardsPosted = (t: TestApp, g: GroupDriver, from: number) =>
  t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && c.activity.attachments?.[0]?.content?.refresh);

/** The plain texts the app said in the group's chat since connector call `from`. */
export const textsSince = (t: TestApp, g: GroupDriver, from: number) =>
  t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && typeof c.activity.text === 'string').map((c) => c.activity.text as string);

/** The days of week `week` that have a session, in order. */
export const sessionDays = async (t: TestApp, g: GroupDriver, week: number) =>
  ((await t.store.container('sessions').items.query({ query: "SELECT c.day FROM c WHERE c.type = 'session' AND c.cycleId = @c", parameters: [{ name: '@c', value: `${g.groupId}_w${week}` }] }).fetchAll()).resources as { day: number }[])
    .map((s) => s.day)
    .sort();

/** The clock at `iso`, and what the app does then: a scheduler tick, the next tick (jobs a run scheduled for a moment already past, as the interval would), background work and the outbox. */
export async function runAt(t: TestApp, iso: string) {
  t.clock.set(iso);
  await t.app.scheduler.runDue();
  await t.app.scheduler.runDue();
  await t.app.background.idle();
  await t.app.outbox.drain(30_000);
}

/**
 * Week `n` of a four-member group, started by hand at `monday` and worked through as the driver's
 * week 1 (check-ins, six answers, a decided proposal, then days 2-4), its jobs run; returns whether
 * the week was marked complete.
 */
/**
 * Day 1 of week `n` of a four-member group, started by hand: questions 1-7 that day (check-ins,
 * six answers), a proposal three judge and the fourth decides with `firstStep`, then the end.
 */
export async function decidedDayOne(g: GroupDriver, n: number, firstStep = 'Tafel neerzetten'): Promise<void> {
  await g.startCycle(n);
  const cycleId = `${g.groupId}_w${n}`;
  const [a, b, c, d] = g.members as [TestUser, TestUser, TestUser, TestUser];
  await g.press(a, 'cycle.agenda.save', { groupId: g.groupId, cycleId, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
  await g.startSession(a, cycleId);
  for (const m of g.members) await g.checkIn(m, 4);
  for (const [i, text] of ['Overdracht', 'Info', 'Tijd', 'Traag', 'Momenten', 'Tafel'].entries()) {
    await g.goTo(a, i);
    await g.contribute(a, i + 1, text);
  }
  await g.goTo(a, 6);
  for (const who of [a, b, c]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
  await g.press(d, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep });
  await g.end(a);
}

export async function holdWeek(g: GroupDriver, n: number, monday: string): Promise<boolean> {
  const t = g.t;
  t.clock.set(monday);
  await decidedDayOne(g, n);
  const cycleId = `${g.groupId}_w${n}`;
  const [a, b] = g.members as [TestUser, TestUser, TestUser, TestUser];
  for (let day = 2; day <= 4; day++) {
    t.clock.advanceMinutes(24 * 60);
    await g.startSession(a, cycleId);
    if (day === 2) await g.contribute(b, 8, 'Minder stress');
    await g.end(a);
  }
  await runAt(t, t.clock.now().toISOString());
  return !!(await t.store.container('sessions').item(cycleId, g.groupId).read()).resource?.completedAt;
}

/**
 * The settings-race tests' group: four members set up on Thu 19 Nov 2026 (Mon-Thu 09:00, 20 weeks),
 * behind a counting proxy, with the setup's own messages sent. One app per test.
 */
export async function settingsRaceGroup(): Promise<{ t: TestApp; g: GroupDriver }> {
  const t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
  const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
  await g.setUp();
  await t.app.outbox.drain(30_000);
  return { t, g };
}

export type StoredPlan = { weeks: { week: number; dates: string[] }[]; skipped: string[]; basis: { days: number[]; plannedWeeks: number } };

/** The group's plan as stored. */
export const storedPlan = async (t: TestApp, g: GroupDriver) => (await t.store.container('sessions').item(`${g.groupId}_plan`, g.groupId).read()).resource as StoredPlan;

/** `who` saves the group's settings on its setup card (name, members and language as set up). */
export const saveSettings = (g: GroupDriver, who: TestUser, s: { weeks?: string; days?: string; startTime?: string }, id: string) =>
  g.press(who, 'group.setup.save', { name: 'Team Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: s.days ?? '1,2,3,4', startTime: s.startTime ?? '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: s.weeks ?? '20' }, 'setup-card', id);
