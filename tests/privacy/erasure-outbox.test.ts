import { stableId } from '../../src/domain/shared/ids';
import { jobIdFor } from '../../src/outbox/outbox-job';
import { message } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Erasure removes what names a person from the outbox and the scheduled jobs too: messages whose
 * card lists their Teams id (a shared card's refresh list), the polls they started, and job ids
 * derived from their id. Summaries and session cards are built when sent (erasure-summary-in-flight.e2e.test.ts,
 * erasure-keeps-group-session-card.test.ts); a waiting poll card loses only the erased member
 * (erasure-keeps-team-poll-card.test.ts). A sent message is kept for its key and result only,
 * never with what it said or whom it listed.
 */
async function eraseViaTab(t: TestApp, aadId: string) {
  const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: aadId }) });
  const { token } = (await signIn.json()) as { token: string };
  const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
  expect(res.status).toBe(200);
}

interface OutboxDoc {
  id: string;
  type: string;
  status: string;
  payload?: Record<string, unknown>;
  about?: string[];
  target?: { kind: string; conversationId?: string };
  conversationKey?: string;
}

const outboxDocs = async (t: TestApp) => (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources as OutboxDoc[];

describe('erasure and the outbox: a week cycle run by the scheduler', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const at = async (iso: string) => {
    t.clock.set(iso);
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
  };
  const latestSessionCard = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && c.activity.attachments?.[0]?.content?.refresh).at(-1);
  /** What the group saw: every post into its chat. */
  const posted = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === g.conv.id).map((c) => JSON.stringify(c.activity));

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    for (const [day, date] of [[1, '2026-11-23'], [2, '2026-11-24'], [3, '2026-11-25'], [4, '2026-11-26']] as const) {
      const before = t.connector.calls.length;
      await at(`${date}T08:00:00Z`);
      const card = latestSessionCard(before)!;
      g.sessionMessageId = card.id;
      g.sessionId = card.activity.attachments[0].content.refresh.action.data.sessionId;
      if (day === 1) await g.contribute(bram, 1, 'De overdracht tussen diensten');
      if (day === 4) await g.contribute(cem, 2, 'Er is geen vast moment');
      await at(`${date}T09:01:00Z`); // the time box closes the session and posts its summary through the outbox
      await at(`${date}T09:02:00Z`);
    }
  });
  afterAll(() => t.stop());

  it('posted the cards and summaries that name Bram (the scenario holds)', () => {
    expect(posted().some((a) => a.includes('29:bram'))).toBe(true);
    expect(posted().some((a) => a.includes('Weekoverzicht') && /Bijgedragen door: [^"\\]*Bram/.test(a))).toBe(true);
  });

  it('keeps a sent message for its key and result only, not what it said', async () => {
    const sent = (await outboxDocs(t)).filter((d) => d.type === 'outboxJob' && d.status === 'sent');
    expect(sent.length).toBeGreaterThan(0);
    expect(sent.filter((d) => Object.keys(d.payload ?? {}).length > 0).map((d) => d.id)).toEqual([]);
  });

  it("holds only how to build a session card (its refresh list lists every member) or a summary: both jobs are about no one", async () => {
    const jobs = (await outboxDocs(t)).filter((d) => d.type === 'outboxJob' && d.target?.kind === 'conversation' && d.conversationKey === g.conv.id);
    // The four session cards of the scheduled starts are built when sent, from the group as it is then.
    const cards = jobs.filter((d) => (d as { render?: { kind: string } }).render?.kind === 'weekCycle.sessionCard');
    expect(cards.map((d) => ({ about: d.about ?? [], args: Object.keys((d as unknown as { render: { args: object } }).render.args).sort() }))).toEqual(
      Array(4).fill({ about: [], args: ['groupId', 'sessionId'] }),
    );
    // The four summaries are built when sent, from what is stored then (an erased member is anonymous by then).
    const summaries = jobs.filter((d) => (d as { render?: { kind: string; args: Record<string, string> } }).render?.kind === 'weekCycle.sessionSummary');
    expect(summaries.map((d) => ({ about: d.about ?? [], args: Object.keys((d as unknown as { render: { args: object } }).render.args).sort() }))).toEqual(
      Array(4).fill({ about: [], args: ['groupId', 'sessionId'] }),
    );
  });

  it('leaves nothing of Bram in the outbox after he erased his data', async () => {
    await eraseViaTab(t, bram.aadObjectId);
    const naming = (await outboxDocs(t))
      .filter((d) => /29:bram|aad-bram|\bBram\b/.test(JSON.stringify(d)))
      .map((d) => ({ status: d.status, about: d.about ?? null, hits: [...new Set(JSON.stringify(d).match(/29:bram|aad-bram|\bBram\b|Bijgedragen door: [^"\\]*/g))] }));
    expect(naming).toEqual([]);
  });
});

describe('erasure and the outbox: a channel poll card', () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 4)]);
  const leaver = oost.members[2]!;
  const pollCardJob = async () => (await outboxDocs(t)).find((x) => x.type === 'outboxJob' && x.target?.kind === 'conversation' && x.conversationKey === oost.id && (x as { onSent?: { kind: string } }).onSent?.kind === 'pulse.cardPosted');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') });
    d = new PulseDriver(t);
    await d.startPoll(oost, 'peiling start dit team 2026-12-04');
  });
  afterAll(() => t.stop());

  it("posted the card with the members' Teams ids; its job, sent, keeps no list of them (a waiting one lists them: erasure-keeps-team-poll-card.test.ts)", async () => {
    const card = t.connector.calls.find((c) => c.method === 'POST' && c.conversationId === oost.id && c.activity.attachments?.[0]?.content?.refresh);
    expect(card?.activity.attachments[0].content.refresh.userIds).toContain(leaver.id);
    const job = (await pollCardJob()) as (OutboxDoc & { listed?: unknown; listedIds?: unknown }) | undefined;
    expect({ status: job?.status, about: job?.about, listed: job?.listed, listedIds: job?.listedIds, payload: job?.payload }).toEqual({ status: 'sent', about: undefined, listed: undefined, listedIds: undefined, payload: {} });
  });

  it('leaves no Teams id of the erased member in the outbox', async () => {
    await eraseViaTab(t, leaver.aadObjectId);
    const naming = (await outboxDocs(t)).filter((x) => JSON.stringify(x).includes(leaver.id) || JSON.stringify(x).includes(leaver.aadObjectId)).map((x) => ({ id: x.id, status: x.status, target: x.target }));
    expect(naming).toEqual([]);
  });
});

describe('erasure: HR who started a B3 poll in a channel', () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 5)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') });
    d = new PulseDriver(t);
    await d.startPoll(oost, 'peiling start dit team 2026-12-04');
    await d.say(HR, oost, 'peiling sluiten');
    await d.settle();
  });
  afterAll(() => t.stop());

  // Since stop 62 (found in review) the results card is keyed: sent, its job names nobody, so the
  // starter's erasure finds nothing of it to delete (before: `about` named them, and it was deleted).
  it('sent the results card under a keyed key: its job, ended, names nobody', async () => {
    const [poll] = (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
    const docs = await outboxDocs(t);
    const results = docs.find((x) => x.id === jobIdFor(t.app.outbox.privateKey(`pulse:${poll.id}:results`)));
    expect({ plain: docs.some((x) => x.id === stableId('ob', `pulse:${poll.id}:results`)), status: results?.status, about: results?.about, names: JSON.stringify(results).includes(HR.id) }).toEqual({ plain: false, status: 'sent', about: undefined, names: false });
  });

  it('leaves nothing that names them in polls or the outbox', async () => {
    await eraseViaTab(t, HR.aadObjectId);
    const found: string[] = [];
    for (const container of ['polls', 'pollAnswers', 'outbox', 'jobs', 'installations'] as const) {
      const docs = (await t.store.container(container).items.query('SELECT * FROM c').fetchAll()).resources;
      for (const doc of docs) if (JSON.stringify(doc).includes(HR.id) || JSON.stringify(doc).includes(HR.aadObjectId)) found.push(`${container}/${doc.type}${doc.target ? ` to ${doc.target.kind}` : ''}`);
    }
    expect(found).toEqual([]);
  });
});

describe('erasure: HR who started a B3 poll from their 1:1 chat', () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 5)]);
  const chat = () => t.conversation('personal');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') });
    d = new PulseDriver(t);
    await d.install(oost);
    await t.send(message(chat(), HR, 'peiling start Zorgteam Oost 2026-12-04'));
    await d.settle();
  });
  afterAll(() => t.stop());

  it('started the poll there (the scenario holds)', async () => {
    const polls = (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
    expect(polls.map((p) => p.hrChannel.conversationId)).toEqual([chat().id]);
  });

  it('forgets their ids and their chat in the poll, and sends the results nowhere afterwards', async () => {
    await eraseViaTab(t, HR.aadObjectId);
    const polls = (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources;
    expect(polls.map((p) => ({ startedBy: p.startedBy, startedByTeamsId: p.startedByTeamsId, hr: p.hrChannel.conversationId }))).toEqual([{ startedBy: undefined, startedByTeamsId: undefined, hr: 'erased' }]);
    const outbox = JSON.stringify(await outboxDocs(t));
    expect(outbox).not.toContain(HR.id);
    expect(outbox).not.toContain(HR.aadObjectId);
    expect(outbox).not.toContain(chat().id);

    // The poll closes on its date: the teams hear of it, the erased starter's chat does not.
    t.clock.set('2026-12-05T12:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const after = await outboxDocs(t);
    expect(after.filter((x) => x.type === 'outboxJob' && (x.conversationKey === 'erased' || x.conversationKey === chat().id)).map((x) => x.id)).toEqual([]);
    expect(JSON.stringify(after)).not.toContain(HR.id);
  });
});

describe('erasure: a member who joined during the first cycle', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const jobIds = async () => (await t.store.container('jobs').items.query('SELECT c.id, c.kind, c.status FROM c').fetchAll()).resources as { id: string; kind: string; status: string }[];

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.checkIn(dewi, 4); // Dewi, in the chat but not picked at setup, joins by acting on the card
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
  });
  afterAll(() => t.stop());

  it('offers the Prof-traject through a job whose id is not derived from their id', async () => {
    const jobs = await jobIds();
    const offers = jobs.filter((j) => j.kind === 'profTraject.offer');
    expect(offers.length).toBeGreaterThanOrEqual(1);
    expect(JSON.stringify(jobs)).not.toContain(stableId('m', dewi.aadObjectId));
    expect(t.connector.calls.some((c) => c.method === 'POST' && JSON.stringify(c.activity).includes('Prof-traject'))).toBe(true);
  });

  it('forgets a join offer job from before, whose id is a hash of their id', async () => {
    const cycleId = (await jobIds()).find((j) => j.kind === 'profTraject.offer')!.id.split('_trajectOffer')[0]!;
    const legacy = `${cycleId}_trajectOffer_${stableId('m', dewi.aadObjectId)}`;
    await t.app.scheduler.schedule({ id: legacy, kind: 'profTraject.offer', dueAt: '2030-01-01T00:00:00.000Z', payload: { groupId: g.groupId, cycleId } });
    expect((await jobIds()).map((j) => j.id)).toContain(legacy);
    await eraseViaTab(t, dewi.aadObjectId);
    expect((await jobIds()).filter((j) => j.id.includes(stableId('m', dewi.aadObjectId)))).toEqual([]);
  });
});
