import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/** Eight members: the largest group the app takes, as in a live burst. */
export const EIGHT = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gert', 'Hana'].map(user);

/** An activity posted straight to the app, as Teams does: no `idle()` after it, so pacing works as in production. */
export async function postStraight(t: TestApp, activity: Record<string, unknown>): Promise<{ status: number; body: any }> {
  const res = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ timestamp: t.clock.now().toISOString(), ...activity }) });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : undefined };
}

/** The agenda line the shared card marks as current (with ▶). */
export const sharedCurrent = (g: GroupDriver): string | undefined => cardText(g.sharedCard()).split('\n').find((l) => l.startsWith('▶'));

/** The Dutch error card's title: present on every refusal, absent on every normal answer. */
export const ERROR_TITLE = 'Dat lukte niet';

/** A member's own export ("mijn gegevens"), read through the tab API with the local dev sign-in. */
export async function exportOf(t: TestApp, who: TestUser): Promise<{ contributions: { text: string; questionId: number }[]; energyCheckIns: unknown[] }> {
  const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who.aadObjectId }) });
  if (signIn.status !== 200) throw new Error(`dev sign-in answered ${signIn.status}`);
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
  if (res.status !== 200) throw new Error(`export answered ${res.status}`);
  return res.json() as never;
}

/** The notice on a closed session's card that answers an addition the close came before: nothing was stored. */
export const CLOSED_REFUSAL = 'Niet bewaard: de sessie was al afgerond';

/**
 * A press the session's close came before, answered as refused with nothing stored: the error card
 * ("Deze sessie is al afgerond"), or, where the member had typed something, the closed card that
 * says so and shows what they typed.
 */
export function refusedAsClosed(body: { value?: unknown } | undefined): boolean {
  const text = cardText(body?.value ?? body);
  return text.includes('Deze sessie is al afgerond') || text.includes(CLOSED_REFUSAL);
}

/** True when an invoke answer is a normal card: not an error card, and not the closed card that says nothing was stored. */
export function isNormalCard(body: { type?: string; value?: unknown } | undefined): boolean {
  return body?.type === 'application/vnd.microsoft.card.adaptive' && !cardText(body.value).includes(ERROR_TITLE) && !cardText(body.value).includes(CLOSED_REFUSAL);
}

/** How often each text occurs. */
export function tally(texts: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const x of texts) out.set(x, (out.get(x) ?? 0) + 1);
  return out;
}

/**
 * The proposal written again as it is (a new version), as another member's judgement guarded on it
 * does: shared so the lost-race tests force a judgement's or decision's loss the same way.
 */
export async function rewriteProposal(t: TestApp, groupId: string, proposalId: string): Promise<void> {
  const item = t.store.container('sessions').item(proposalId, groupId);
  const { resource } = await item.read();
  await item.replace(Object.fromEntries(Object.entries(resource as Record<string, unknown>).filter(([k]) => !k.startsWith('_'))));
}

/**
 * Week 1 of a group of four, from day 1 answered (questions 1-6) on: the first three agree with
 * the proposal, the fourth adopts it with the first step "Tafel neerzetten", the first ends the
 * session; then week 2 starts and its first session opens, asking what became of that first step.
 */
export async function decidedThenWeekTwo(g: GroupDriver): Promise<GroupDriver> {
  const [a, b, c, d] = g.members as [TestUser, TestUser, TestUser, TestUser];
  for (const who of [a, b, c]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
  await g.press(d, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Tafel neerzetten' });
  await g.end(a);
  await g.startCycle(2);
  await g.startSession(a, `${g.groupId}_w2`);
  return g;
}

/** A new group of Anna, Bram, Cem and Dewi in `conversationId`, day 1 answered, through `decidedThenWeekTwo`: week 2's look back open. */
export async function weekTwoLookingBack(t: TestApp, conversationId: string): Promise<GroupDriver> {
  const g = new GroupDriver(t, t.conversation('groupChat', conversationId), MEMBERS.slice(0, 4));
  await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
  return decidedThenWeekTwo(g);
}

/** Anna, Bram and Cem: the group the tests of the group setup form set up. */
export const SETUP_MEMBERS = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];

/** A group chat `id` whose roster is SETUP_MEMBERS, driven by them. */
export function setupFormGroup(t: TestApp, id: string): GroupDriver {
  t.connector.roster = SETUP_MEMBERS;
  return new GroupDriver(t, t.conversation('groupChat', id), SETUP_MEMBERS);
}

/** The setup form's values for SETUP_MEMBERS' group named `name`: four days a week at 09:00 Amsterdam, in Dutch, for 20 weeks. */
export function setupFormValues(name: string): Record<string, string> {
  return { name, members: SETUP_MEMBERS.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' };
}

/**
 * Two instances of the app on one store (scale-out, a slot swap), their clocks at Monday 23 November
 * 2026 08:00: A with `opts`, B on A's connection with the same options but no proxy of its own (so
 * with A's proxy, when A has one, a gate on it holds B's requests as well). Used by the two-instance
 * tests of every area.
 */
export async function startTwoInstances(env: Record<string, string> = {}, opts: Parameters<typeof startTestApp>[2] = {}): Promise<[TestApp, TestApp]> {
  const a = await startTestApp(env, '2026-11-23T08:00:00Z', opts);
  const shared = { ...opts };
  delete shared.proxy;
  const b = await startTestApp(env, '2026-11-23T08:00:00Z', { ...shared, cosmos: a.cosmos });
  return [a, b];
}

/** Stops the apps one after the other, in the order given (the last started first). */
export async function stopEach(...apps: (TestApp | undefined)[]): Promise<void> {
  for (const app of apps) await app?.stop();
}
