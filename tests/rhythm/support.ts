import { GroupDriver } from '../support/group-driver';
import { TestApp } from '../support/test-app';

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
