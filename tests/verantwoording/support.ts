import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { holidayCalendar } from '../../src/domain/week-cycle/holidays';
import { loadFrameworks } from '../../src/framework/load-frameworks';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { CosmosPersonalRecordRepository } from '../../src/store/verantwoording.repositories';
import { CosmosMembershipIndex } from '../../src/store/membership-index.repository';
import { CosmosCycleRepository, CosmosGroupRepository, CosmosGroupTraceRepository, CosmosProposalRepository, CosmosSessionRepository } from '../../src/store/week-cycle.repositories';
import { VerantwoordingDeps } from '../../src/usecases/verantwoording/deps';
import { CosmosReviewManagersIndex } from '../../src/store/review-managers.repository';
import { CosmosTalentReviewRepository } from '../../src/store/talent-review.repository';
import { OutboxStore } from '../../src/store/outbox.store';
import { CosmosJobScheduler } from '../../src/scheduling/cosmos-job-scheduler';
import { createLogger } from '../../src/log/logger';
import { FakeClock } from '../support/fake-clock';
import { ConversationSpec, execute, message, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TEST_SAVE_WINDOW_MS, TestApp } from '../support/test-app';
import { cosmosGate } from '../support/cosmos-gate';
import { CosmosFaultRule, dropThenHold } from '../support/cosmos-proxy';
import { storedText } from '../support/cosmos';
import { startTwoInstances } from '../live-session/support';
import { testWindowClock } from '../support/test-window-clock';

/** The verantwoording use cases on real Cosmos adapters (the test server). */
export function verantwoordingDeps(cosmos: CosmosConnection, clock = new FakeClock(new Date('2026-11-23T08:00:00Z'))): VerantwoordingDeps & { clock: FakeClock } {
  return {
    records: new CosmosPersonalRecordRepository(cosmos),
    membership: new CosmosMembershipIndex(cosmos),
    traces: new CosmosGroupTraceRepository(cosmos),
    groups: new CosmosGroupRepository(cosmos),
    cycles: new CosmosCycleRepository(cosmos),
    sessions: new CosmosSessionRepository(cosmos),
    proposals: new CosmosProposalRepository(cosmos),
    frameworks: loadFrameworks({}),
    clock,
    defaultLanguage: 'nl',
    saveWindowMs: TEST_SAVE_WINDOW_MS,
    windowClock: testWindowClock,
    dataRights: { reviews: new CosmosTalentReviewRepository(cosmos), reviewManagers: new CosmosReviewManagersIndex(cosmos, clock), outbox: new OutboxStore(cosmos), jobs: new CosmosJobScheduler(cosmos, clock, createLogger('silent')), holidays: holidayCalendar('NL') },
  };
}

/**
 * The use cases for an erasure the test runs itself while no save of that person's own records
 * can be in flight (the test makes none): no save window to wait out before the erasure's last
 * sweep (save-window.ts). For tests that erase many times over; a save made with these is refused.
 */
export function erasureOnlyDeps(cosmos: CosmosConnection, clock?: FakeClock): VerantwoordingDeps & { clock: FakeClock } {
  return { ...verantwoordingDeps(cosmos, clock), saveWindowMs: 0 };
}

/** Every document of every container, for "nothing of X remains" and "nothing leaked" checks. */
export async function allDocuments(cosmos: CosmosConnection): Promise<Record<string, unknown[]>> {
  const { resources } = await cosmos.database.containers.readAll().fetchAll();
  const out: Record<string, unknown[]> = {};
  for (const c of resources) {
    out[c.id] = (await cosmos.database.container(c.id).items.query('SELECT * FROM c').fetchAll()).resources;
  }
  return out;
}

/** Every stored document (`container/type:id`) that names this person: their ids or their name, system fields left out. */
export async function documentsNaming(cosmos: CosmosConnection, who: TestUser): Promise<string[]> {
  const out: string[] = [];
  for (const [container, docs] of Object.entries(await allDocuments(cosmos))) {
    for (const d of docs as { id: string; type?: string }[]) {
      const json = storedText([d]);
      if (json.includes(who.aadObjectId) || json.includes(`"${who.name}"`) || json.includes(`"${who.id}"`)) out.push(`${container}/${d.type}:${d.id}`);
    }
  }
  return out;
}

/**
 * The week the tab's browser tests start from: Anna, Bram, Cem and Dewi hold one whole week
 * (runWeek), Anna with both personal answers and the group with one decided proposal.
 */
export async function weekOfAnnasGroup(t: TestApp): Promise<GroupDriver> {
  const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
  await g.setUp();
  await g.startCycle();
  await runWeek(g, { personal9: 'Ik wil beter leren plannen', personal10: 'Samen puzzelen gaf energie', contribution: 'De overdracht tussen diensten' });
  return g;
}

/**
 * One full week of a group over HTTP (AI off), with every member checking in each day:
 * day 1 questions 1-3, day 2 questions 4-5, day 3 the group's own proposal judged by the first
 * three members and decided (by the fourth, or `decider`), day 4 question 8 and the first member's personal answers.
 */
export async function runWeek(g: GroupDriver, texts: { personal9: string; personal10: string; contribution: string }, opts: { decider?: TestUser } = {}): Promise<{ proposalId: string }> {
  const [a, b, c, d] = g.members as [TestUser, TestUser, TestUser, TestUser];
  const checkInAll = async () => {
    for (const m of g.members) await g.checkIn(m, 4);
  };
  await g.startSession();
  await checkInAll();
  await g.contribute(a, 1, texts.contribution);
  await g.goTo(b, 1);
  await g.contribute(b, 2, 'Informatie staat verspreid');
  await g.goTo(c, 2);
  await g.contribute(c, 3, 'Geen vaste tijd');
  await g.end();
  g.t.clock.advanceMinutes(24 * 60);
  await g.startSession();
  await checkInAll();
  await g.contribute(d, 4, 'Overdracht kost te veel tijd');
  await g.goTo(a, 1);
  await g.contribute(a, 5, 'Vaste overdrachtsmomenten');
  await g.end();
  g.t.clock.advanceMinutes(24 * 60);
  await g.startSession();
  await checkInAll();
  await g.contribute(b, 6, 'Elke dienst start met tien minuten overdracht.');
  await g.goTo(b, 1);
  const proposalId = `${g.sessionId.replace(/_s3$/, '')}_p`;
  for (const [who, opinion] of [[a, 'agree'], [b, 'doubt'], [c, 'agree']] as const) {
    await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion, reason: 'Goed te doen' });
  }
  await g.press(opts.decider ?? d, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'Met een formulier valt er minder weg.', adoptedText: 'Tien minuten overdracht met een vast formulier.', firstStep: 'Formulier maken voor donderdag.' });
  await g.end();
  g.t.clock.advanceMinutes(24 * 60);
  await g.startSession();
  await checkInAll();
  await g.contribute(c, 8, 'Minder stress');
  await g.goTo(a, 1);
  await g.press(a, 'session.personal', { ...g.ids(), questionId: 9, text: texts.personal9 });
  await g.goTo(a, 2);
  await g.press(a, 'session.personal', { ...g.ids(), questionId: 10, text: texts.personal10 });
  await g.end();
  return { proposalId };
}

/** The title of the look-back card at the end of a person's own Prof-traject. */
export const LOOK_BACK_TITLE = /Je Prof-traject: je hebt je .*actieve (week|weken) gehaald/;

/** The app on the test server, its clock at Monday 23 November 2026; with `managerOf`, a directory naming Mia (`aad-mia`) that person's manager. */
export async function trajectApp(opts: { managerOf?: TestUser; proxy?: boolean } = {}): Promise<TestApp> {
  const env: Record<string, string> = {};
  if (opts.managerOf) {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: opts.managerOf.aadObjectId, name: opts.managerOf.name, managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    env.DIRECTORY_FILE = directory;
  }
  return startTestApp(env, '2026-11-23T08:00:00Z', opts.proxy ? { proxy: true } : {});
}

/** Every job due now run (a session close's active-weeks job, and what it queues), then the outbox emptied. */
export async function runDueJobs(t: TestApp): Promise<void> {
  for (let i = 0; i < 3; i++) await t.app.scheduler.runDue();
  await t.app.background.idle();
  await t.app.outbox.drain(30_000);
}

/** A new group of `members` in the group chat `thread`, its week begun and its first session open (nobody checked in yet). */
export async function trajectGroup(t: TestApp, thread: string, members: TestUser[]): Promise<GroupDriver> {
  const g = new GroupDriver(t, t.conversation('groupChat', thread), members);
  await g.setUp();
  await g.startCycle();
  await g.startSession();
  return g;
}

/** The person sketches (or revises, from `rev`) their Prof-traject of `weeks` active weeks in their 1:1 chat; returns the card. */
export async function sketchTraject(t: TestApp, who: TestUser, weeks: number, opts: { learningNeeds?: string; rev?: number } = {}): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  return new PersonalChat(t, who).press('verantwoording.traject.save', { learningNeeds: opts.learningNeeds ?? 'Beter plannen', talents: '', weeks: String(weeks), rev: opts.rev ?? 0 });
}

/** The look-back cards a person's own 1:1 chat received: however the outbox opened it (their Teams id, their Entra id), or the one they wrote to it from. */
export function lookBacksOf(t: TestApp, who: TestUser): unknown[] {
  const chats = [t.connector.personalChats.get(who.id), t.connector.personalChats.get(who.aadObjectId), new PersonalChat(t, who).conv.id];
  return t.connector.cards((c) => c.method === 'POST' && chats.includes(c.conversationId)).map((x) => x.card).filter((card) => LOOK_BACK_TITLE.test(cardText(card)));
}

/** The tab's API as a person signed in to it (the dev sign-in): `call(method, path, body)` answers status and JSON. */
export async function tabApi(t: TestApp, userId: string): Promise<(method: string, path: string, body?: unknown) => Promise<{ status: number; json: any }>> { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
  const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) });
  const token = (await res.json()).token as string;
  return async (method, path, body) => {
    const answer = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await answer.text();
    return { status: answer.status, json: text ? JSON.parse(text) : undefined };
  };
}

/**
 * The tab's put-before API of the app `app` gives (started later, in a beforeAll) for any signed-in member (a dev token each, once): the read of what the
 * manager's card would show and the send. `text` is the raw body, for tests that check what it never holds.
 */
export function putBeforeApi(app: () => TestApp) {
  const apis = new Map<string, ReturnType<typeof tabApi>>();
  const api = async (who: string, method: string, path: string, body?: unknown): Promise<{ status: number; json: any; text: string }> => { // eslint-disable-line @typescript-eslint/no-explicit-any -- JSON under test
    if (!apis.has(who)) apis.set(who, tabApi(app(), who));
    const res = await (await apis.get(who)!)(method, path, body);
    return { ...res, text: res.json === undefined ? '' : JSON.stringify(res.json) };
  };
  return {
    api,
    read: (who: string, ids: { groupId: string; proposalId: string }) => api(who, 'GET', `/put-before?groupId=${encodeURIComponent(ids.groupId)}&proposalId=${encodeURIComponent(ids.proposalId)}`),
    send: (who: string, body: Record<string, unknown>) => api(who, 'POST', '/put-before', body),
  };
}

/** A member's 1:1 chat with the bot, driven over HTTP. */
export class PersonalChat {
  readonly conv: ConversationSpec;
  /** Every card this chat received (posted, or as an invoke answer), for schema checks. */
  readonly cards: unknown[] = [];
  constructor(readonly t: TestApp, readonly who: TestUser) {
    this.conv = t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  }

  /** Types a command; returns the cards and texts the bot posted in reply. */
  async say(text: string, locale?: string): Promise<{ cards: any[]; texts: string[] }> { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
    const before = this.t.connector.calls.length;
    const res = await this.t.send({ ...message(this.conv, this.who, text), ...(locale ? { locale } : {}) });
    if (res.status !== 200) throw new Error(`message answered ${res.status}`);
    const calls = this.t.connector.calls.slice(before).filter((c) => c.conversationId === this.conv.id);
    const cards = calls.flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content));
    this.cards.push(...cards);
    return { cards, texts: calls.map((c) => c.activity.text).filter((x): x is string => typeof x === 'string') };
  }

  /** Presses an Action.Execute button on a card in this chat; returns the card Teams would show. */
  async press(verb: string, data: Record<string, unknown>, replyToId = 'card-1'): Promise<any> { // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
    const res = await this.t.send(execute(this.conv, this.who, verb, data, replyToId));
    if (res.status !== 200) throw new Error(`invoke ${verb} answered ${res.status}`);
    if (res.body?.type !== 'application/vnd.microsoft.card.adaptive') throw new Error(`invoke ${verb} answered ${JSON.stringify(res.body).slice(0, 200)}`);
    this.cards.push(res.body.value);
    return res.body.value;
  }
}

/** The data of the first Action.Execute on a card with this verb (as a client would send it). */
export function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  let found: Record<string, unknown> | undefined;
  const walk = (node: unknown): void => {
    if (found || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) {
      found = o.data as Record<string, unknown>;
      return;
    }
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** The data of every Action.Execute with this verb. */
export function allActionData(card: unknown, verb: string): Record<string, unknown>[] {
  const out: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) out.push(o.data as Record<string, unknown>);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return out;
}

/** Erases a member's data the way they would in Teams: "wis mijn gegevens", then the confirm button; then the outbox sends what the erasure queued. */
export async function eraseInChat(t: TestApp, who: TestUser): Promise<void> {
  const chat = new PersonalChat(t, who);
  const ask = (await chat.say('wis mijn gegevens')).cards[0];
  const done = await chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!);
  if (!cardText(done).includes('Je gegevens zijn gewist')) throw new Error(`erasure not confirmed: ${cardText(done)}`);
  await t.app.outbox.drain(30_000);
}

/** An invoke as Teams sends a message extension's (or another composeExtension) activity. */
export function extensionInvoke(conv: ConversationSpec, from: TestUser, name: string, value: Record<string, unknown>, locale = 'nl-NL') {
  return {
    type: 'invoke', name, id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale,
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
    conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: conv.tenantId } },
    value,
  };
}

/** The texts of a person's stored notes, sorted: what the note command kept of what they typed. */
export async function noteTexts(t: TestApp, aadObjectId: string): Promise<string[]> {
  const query = { query: "SELECT VALUE c.text FROM c WHERE c.type = 'note' AND c.userId = @u", parameters: [{ name: '@u', value: aadObjectId }] };
  return ((await t.store.container('personal').items.query<string>(query).fetchAll()).resources).sort();
}

/** What the 1:1 chat answers when `taal` / `language` chose English or Dutch. */
export const CHANGED_EN = 'From now on I will talk to you in English.';
export const CHANGED_NL = 'Ik spreek je voortaan in het Nederlands aan.';

/** A person's documents in the personal container, system fields left out, as one string: the same before and after a turn that stores nothing. */
export async function personalDocsOf(t: TestApp, aadObjectId: string): Promise<string> {
  return JSON.stringify((await personalPartition(t, aadObjectId)).map(({ _ts, _etag, ...d }) => d));
}

/** `who` types `typed` in the group's chat: what the bot said there (its texts joined) and the group's language as stored after. */
export async function sayInGroup(g: GroupDriver, who: TestUser, typed: string): Promise<{ typed: string; said: string; lang: string | undefined }> {
  const before = g.t.connector.calls.length;
  await g.t.send(message(g.conv, who, typed));
  const said = g.t.connector.calls.slice(before).map((c) => c.activity.text).filter(Boolean).join(' ');
  return { typed, said, lang: (await g.t.store.container('sessions').item(g.groupId, g.groupId).read()).resource?.language };
}

/** `who` types `typed` in a group chat that has no group: the title and the chosen language of each card the bot posted there (the setup form's). */
export async function setupFormsAfter(t: TestApp, conv: ConversationSpec, who: TestUser, typed: string): Promise<{ title: string | undefined; chosen: unknown }[]> {
  const before = t.connector.calls.length;
  await t.send(message(conv, who, typed));
  const cards = t.connector.calls.slice(before).filter((c) => c.conversationId === conv.id).flatMap((c) => (c.activity.attachments ?? []).map((a: { content: unknown }) => a.content));
  const languageInput = (n: any): any => (!n || typeof n !== 'object' ? undefined : n.id === 'language' && String(n.type).startsWith('Input.') ? n : Object.values(n).map(languageInput).find(Boolean)); // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
  return cards.map((c) => ({ title: cardText(c).split('\n')[0], chosen: languageInput(c)?.value }));
}

/** The note tests' set-up: the app on the test server, its clock at Monday 23 November 2026, and `who`'s 1:1 chat with it. */
export async function appWithChatOf(who: TestUser): Promise<{ t: TestApp; chat: PersonalChat }> {
  const t = await trajectApp();
  return { t, chat: new PersonalChat(t, who) };
}

/** Every document in a person's partition of the personal container. */
export async function personalPartition(t: TestApp, aadObjectId: string): Promise<Record<string, any>[]> { // eslint-disable-line @typescript-eslint/no-explicit-any -- documents under test
  const query = { query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: aadObjectId }] };
  return (await t.store.container('personal').items.query(query).fetchAll()).resources;
}

/** Removes a person's notes and what deleted ones left (`deletedNote`): each test starts with none. */
export async function removeNotesOf(t: TestApp, aadObjectId: string): Promise<void> {
  for (const d of await personalPartition(t, aadObjectId)) if (d.type === 'note' || d.type === 'deletedNote') await t.store.container('personal').item(d.id, d.userId).delete();
}

/**
 * The save window of the tests that answer a save late: short, so a create held past it is late without
 * a long wait, yet long enough that a save nobody holds lands within it on a loaded machine (300 ms did
 * not, under a load of 17 on two cores: a retry press was refused as too slow).
 */
export const LATE_SAVE_WINDOW_MS = 1_500;

const requestPath = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
const headerSet = (req: IncomingMessage, name: string) => String(req.headers[name] ?? '').toLowerCase() === 'true';

/** A create in the personal container (not a query, a query plan or a transactional batch): a note's or a record's own write. */
export const isPersonalCreate = (req: IncomingMessage) =>
  req.method === 'POST' && /\/colls\/personal\/docs\/?$/.test(requestPath(req)) && !headerSet(req, 'x-ms-documentdb-isquery') && !headerSet(req, 'x-ms-cosmos-is-query-plan-request') && !headerSet(req, 'x-ms-cosmos-is-batch-request');

/** The store refuses every delete in the personal container (a take-back is a delete under its ETag). */
export const refuseDeletes: CosmosFaultRule = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);

/** The app of the tests whose take-back the store refuses: a Cosmos proxy, the short save window, and short pauses between store retries. */
export function startLateSaveApp(env: Record<string, string> = {}): Promise<TestApp> {
  return startTestApp(env, '2026-11-23T08:00:00Z', { proxy: true, saveWindowMs: LATE_SAVE_WINDOW_MS, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
}

/** `turn`, its create in the personal container answered only once the save window (LATE_SAVE_WINDOW_MS) has closed. */
export async function answeredLate<R>(t: TestApp, turn: () => Promise<R>): Promise<R> {
  const held = cosmosGate(t.proxy!).hold(isPersonalCreate);
  const answer = turn();
  await held.arrived;
  testWindowClock.advance(LATE_SAVE_WINDOW_MS + 20);
  held.release();
  return answer;
}

/** Two instances on one store, each with the save window `windowMs`; B goes through A's proxy (its connection), so `gate` holds B's requests as well. */
export async function startTwoSavingInstances(windowMs: number): Promise<{ a: TestApp; b: TestApp; gate: ReturnType<typeof cosmosGate> }> {
  const [a, b] = await startTwoInstances({}, { proxy: true, saveWindowMs: windowMs, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  return { a, b, gate: cosmosGate(a.proxy!) };
}

/** A's first create in the personal container lands with its answer lost (`rule`, for A's proxy); its retry, the next create (or upsert) there, is held until `open()`. */
export const dropFirstCreateHoldRetry = () => dropThenHold('personal', (req) => req.kind === 'create' || req.kind === 'upsert');
