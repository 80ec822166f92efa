import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { CosmosFault } from '../support/cosmos-proxy';
import { aiSettings, FakeAzureOpenAi, malformed, rateLimited, startFakeAzureOpenAi, success, truncated } from '../support/fake-azure-openai';
import { FakeGraph } from '../support/fake-graph';
import { GroupDriver } from '../support/group-driver';
import { PulseDriver, team } from '../support/pulse-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { actionData, eraseInChat, extensionInvoke, PersonalChat, runWeek } from '../verantwoording/support';

/**
 * Guard (promise: no personal data and no secrets in logs) at the lowest log level. The shared
 * test app logs at `info`; here its logger is forced to `trace`, so every debug/trace line the app
 * (or a child logger) writes is searched too. This is the only test that looks at levels below
 * info; the info-level error paths are covered by tests/telemetry/log-privacy-error-paths.test.ts.
 *
 * Every name, id, UPN, typed text and secret carries a marker; after each flow, no log line (nor
 * anything a library printed to the console) may contain one. Written in review, stop 33, for what
 * no other test covers (trace level, console output of libraries, B3 open answers, the talent
 * review with Graph failing, erasure with Cosmos DB failing, forged tab tokens). The two leaks that
 * review found are in logs-invalid-json-body.test.ts and logs-roster-response-body.test.ts.
 */
jest.mock('../../src/log/logger', () => {
  const actual = jest.requireActual('../../src/log/logger');
  return { ...actual, createLogger: (_level: string, destination?: unknown) => actual.createLogger('trace', destination) };
});

const API_KEY = 'sk-MRKAPIKEY-9f8e7d';
const POLL_HASH_KEY = 'MRKPOLLHASHKEY-0123456789abcdef0123456789';
const REPORT_SECRET = 'MRKREPORTSECRET-0123456789abcdef0123456789';
const UPN = 'zyxwv.anna@probe-example.org';
const [anna, bram, cem, dewi] = ['Zyxwv-Anna', 'Zyxwv-Bram', 'Zyxwv-Cem', 'Zyxwv-Dewi'].map(user) as [TestUser, TestUser, TestUser, TestUser];
const mia = user('Zyxwv-Mia'); // manager of Anna
const hr = user('Zyxwv-Hanna'); // HR
/** Case-insensitive: names and ids (29:zyxwv-anna, aad-zyxwv-anna) carry "zyxwv", texts and secrets "mrk". */
const MARKERS = [/zyxwv/i, /mrk/i, /probe-example/i];

describe('trace-level log sweep: no marker in any log line', () => {
  let ai: FakeAzureOpenAi;
  let graph: FakeGraph;
  let t: TestApp;
  let g: GroupDriver;
  const consoleLines: string[] = [];
  const spies: jest.SpyInstance[] = [];

  const leaks = (from: number) => {
    const lines = [...t.logs.slice(from), ...consoleLines];
    return lines.filter((l) => MARKERS.some((m) => m.test(l))).map((l) => l.slice(0, 400));
  };
  let from = 0;

  beforeAll(async () => {
    for (const k of ['log', 'info', 'warn', 'error', 'debug'] as const) spies.push(jest.spyOn(console, k).mockImplementation((...args: unknown[]) => void consoleLines.push(args.map(String).join(' '))));
    ai = await startFakeAzureOpenAi('gpt-4o-test', API_KEY);
    graph = await new FakeGraph().start();
    graph.managers.set(anna.aadObjectId, mia.aadObjectId);
    graph.names.set(anna.aadObjectId, `Zyxwv-Anna Annadottir ${UPN}`);
    const dir = join(mkdtempSync(join(tmpdir(), 'probe-dir-')), 'directory.json');
    writeFileSync(dir, JSON.stringify({ users: [{ id: anna.aadObjectId, name: anna.name, managerId: mia.aadObjectId }, { id: mia.aadObjectId, name: mia.name }] }));
    t = await startTestApp(
      { ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), GRAPH_BASE_URL: graph.url, HR_USER_IDS: hr.aadObjectId, B3_MIN_RESPONDENTS: '3', POLL_HASH_KEY, REPORT_LINK_SECRET: REPORT_SECRET },
      '2026-11-23T08:00:00Z',
      // Cosmos DB fails in several flows: the store's tries stay, their pauses are shortened. Neither
      // they nor the shared card's pacing (tests/live-session/shared-card-pacing.test.ts) are checked here.
      { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES, sharedCardIntervalMs: 0 },
    );
    g = new GroupDriver(t, t.conversation('groupChat', '19:zyxwv-groupchat@thread.v2'), [anna, bram, cem, dewi]);
    t.connector.roster = g.members;
  }, 120_000);
  afterAll(async () => {
    spies.forEach((s) => s.mockRestore());
    await t.stop();
    await ai.close();
    await graph.stop();
  });
  beforeEach(() => {
    from = t.logs.length;
    consoleLines.length = 0;
  });

  it('the app\'s logger really is at trace level (debug and trace lines would show)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the mocked module, as the test app gets it
    const { createLogger } = require('../../src/log/logger') as typeof import('../../src/log/logger');
    expect(createLogger('info').level).toBe('trace');
    expect(t.logs.length).toBeGreaterThan(0);
  });

  it('group set-up, a whole week (contributions, check-ins, judgements with reasons, the decision, personal answers)', async () => {
    const setup = await g.press(anna, 'group.setup.save', { name: 'MRKGROUPNAME Zorg', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    g.groupId = setup.value.actions[0].data.groupId;
    await g.startCycle();
    await runWeek(g, { personal9: `MRKPERSONAL9 ${UPN}`, personal10: 'MRKPERSONAL10 burn-out', contribution: 'MRKCONTRIB overdracht' });
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    expect(leaks(from)).toEqual([]);
  });

  it('AI drafts in week 2: 429, cut-off output, malformed output echoing answers and names', async () => {
    t.clock.advanceMinutes(7 * 24 * 60);
    await g.startCycle(2);
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w2`, day1: '1,2,3,4,5,6,9', day2: '7', day3: '8', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (const m of g.members) await g.checkIn(m, 3);
    for (let q = 0; q < 5; q++) {
      await g.goTo(anna, q);
      await g.contribute(anna, q + 1, `MRKCONTRIB${q} ${UPN}`);
    }
    await g.goTo(bram, 5);
    for (const behaviour of [rateLimited(0), truncated(`{"proposal":"MRKTRUNC ${UPN}`), malformed(`MRKMALFORMED ${UPN} Zyxwv-Anna`), malformed({ proposal: 7, extra: 'MRKEXTRA Zyxwv-Anna' })]) {
      ai.script(behaviour);
      await g.press(bram, 'proposal.draft', g.ids());
      await t.app.background.idle();
    }
    // A draft naming a member is withheld since stop 67 (and logged so): this one names someone outside the group.
    ai.script(success({ proposal: `MRKAIPROPOSAL voor ${UPN}`, assumptions: ['MRKASSUMPTION Zyxwv-Elke'], risks: ['r'], questionsToCheck: ['q'] }));
    await g.press(bram, 'proposal.draft', g.ids());
    await t.app.background.idle();
    // Each failure was met and logged (outcome only), and the last draft was made.
    expect(t.logs.slice(from).filter((l) => l.includes('AI proposal not drafted')).length).toBe(4);
    expect(t.logs.slice(from).filter((l) => l.includes('AI proposal drafted')).length).toBe(1);
    expect(leaks(from)).toEqual([]);
  });

  it('verantwoording: notes by command and card (too long, while Cosmos DB fails), traject, visibility, export', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.say(`notitie MRKNOTE1 ${UPN}`);
    await chat.say(`notitie MRKNOTE2 ${'x'.repeat(6000)}`);
    t.proxy!.faults = (req) => (req.container === 'personal' && req.kind !== 'metadata' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    await chat.say(`notitie MRKNOTE3 tijdens storing ${UPN}`);
    await chat.press('verantwoording.note.add', { text: `MRKNOTE4 ${UPN}` }).catch(() => undefined);
    await chat.press('verantwoording.traject.save', { learningNeeds: 'MRKTRAJECT leren', talents: 'MRKTALENT', weeks: 20 }).catch(() => undefined);
    t.proxy!.faults = (req) => (req.container === 'personal' && (req.kind === 'create' || req.kind === 'upsert' || req.kind === 'replace') ? ({ kind: 'dropAfter' } as CosmosFault) : undefined);
    await chat.press('verantwoording.note.add', { text: `MRKNOTE5 ${UPN}` }).catch(() => undefined);
    t.proxy!.faults = undefined;
    await chat.press('verantwoording.traject.save', { learningNeeds: 'MRKTRAJECT leren', talents: 'MRKTALENT', weeks: 20 });
    await chat.say('verantwoording');
    await chat.say('mijn gegevens');
    await chat.say(`MRKUNKNOWNCOMMAND ${UPN}`);
    await t.app.outbox.drain(30_000);
    expect(leaks(from)).toEqual([]);
  });

  it('message extension: save a message as a note (refused, overlong, Cosmos DB failing) and search', async () => {
    const conv = g.conv;
    const save = (text: string) => t.send(extensionInvoke(conv, bram, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', data: { noteText: text }, messagePayload: { body: { contentType: 'html', content: `<p>${text}</p>` }, linkToMessage: 'https://teams.microsoft.com/l/message/19:zyxwv@thread.v2/1?context=MRKLINK' } }));
    await t.send(extensionInvoke(conv, bram, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload: { body: { contentType: 'html', content: `<b>MRKFETCH ${UPN}</b>` } } }));
    await save(`MRKEXT1 ${UPN}`);
    await save('');
    await save(`MRKEXT2 ${'y'.repeat(30_000)}`);
    t.proxy!.faults = (req) => (req.kind !== 'metadata' ? ({ kind: 'dropBefore' } as CosmosFault) : undefined);
    await save(`MRKEXT3 ${UPN}`);
    await t.send(extensionInvoke(conv, bram, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'MRKSEARCH' }], queryOptions: { skip: 0, count: 10 } }));
    t.proxy!.faults = undefined;
    await t.send(extensionInvoke(conv, bram, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'MRKSEARCH overdracht' }], queryOptions: { skip: 0, count: 10 } }));
    expect(leaks(from)).toEqual([]);
  });

  it('tab API: bad and forged tokens, bad bodies, Cosmos DB failing, erasure', async () => {
    const api = (path: string, init: RequestInit & { token?: string } = {}) =>
      fetch(`${t.app.url}${path}`, { ...init, headers: { 'content-type': 'application/json', ...(init.token !== undefined ? { authorization: init.token } : {}) } });
    const fakeJwt = (header: object, payload: object) => `${Buffer.from(JSON.stringify(header)).toString('base64url')}.${Buffer.from(JSON.stringify(payload)).toString('base64url')}.c2ln`;
    await api('/api/verantwoording', { token: `Bearer ${fakeJwt({ alg: 'HS256' }, { sub: anna.aadObjectId, upn: UPN, name: 'Zyxwv-Anna' })}` });
    await api('/api/verantwoording', { token: `Bearer ${fakeJwt({ alg: 'RS256', kid: 'MRKKID' }, { oid: anna.aadObjectId, upn: UPN })}` });
    // Not checked: an unknown `alg` is logged (10 characters, tab-auth.ts:108), the caller's own header, not personal data.
    await api('/api/verantwoording', { token: `Basic ${Buffer.from(`${UPN}:MRKPASSWORD`).toString('base64')}` });
    await api('/api/verantwoording', { token: 'Bearer not.a.jwt' });
    const signIn = await (await api('/api/dev/sign-in', { method: 'POST', body: JSON.stringify({ userId: cem.aadObjectId }) })).json() as { token: string };
    const token = `Bearer ${signIn.token}`;
    await api('/api/dev/sign-in', { method: 'POST', body: JSON.stringify({ userId: `${UPN} MRKBADUSER` }) });
    await api('/api/verantwoording/notes', { method: 'POST', token, body: JSON.stringify({ text: `MRKTABNOTE ${UPN}` }) });
    await api('/api/verantwoording/notes', { method: 'POST', token, body: JSON.stringify({ text: `MRKTABNOTE ${'z'.repeat(21_000)}` }) });
    await api('/api/verantwoording/notes', { method: 'POST', token, body: JSON.stringify({ text: ['MRKTABNOTE array'], key: 'MRK bad key' }) });
    await api('/api/verantwoording/notes/MRKNOTEID-zyxwv', { method: 'PUT', token, body: JSON.stringify({ text: 'MRKEDIT', rev: 1 }) });
    await api('/api/verantwoording/traject', { method: 'PUT', token, body: JSON.stringify({ learningNeeds: 'MRKTRAJ', talents: 'MRKTAL', plannedWeeks: 99 }) });
    t.proxy!.faults = (req) => (req.kind !== 'metadata' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    await api('/api/verantwoording/notes', { method: 'POST', token, body: JSON.stringify({ text: `MRKTABNOTE storing ${UPN}` }) });
    await api('/api/verantwoording', { token });
    await api('/api/verantwoording/erase', { method: 'POST', token, body: JSON.stringify({ confirm: true }) });
    t.proxy!.faults = undefined;
    await api('/api/verantwoording/export', { token });
    await api('/api/verantwoording/erase', { method: 'POST', token, body: JSON.stringify({ confirm: true }) });
    // A path no route has: the 404 is logged by its kind and status only (server.ts).
    await api(`/api/verantwoording?upn=${encodeURIComponent(UPN)}`, { token });
    await api(`/reports/hr.csv?from=2026-01-01&to=2026-06-30&sig=MRKSIG&upn=${encodeURIComponent(UPN)}`);
    expect(leaks(from)).toEqual([]);
  });

  it('B3-spiegel: start, answers with open answers (one too long), status, close, results', async () => {
    const p = new PulseDriver(t);
    const members = ['Zyxwv-P1', 'Zyxwv-P2', 'Zyxwv-P3', 'Zyxwv-P4'].map(user);
    const x = team('MRKTEAMNAME Noord', 'zyxwv-noord', [hr, ...members], ['MRKCHANNEL']);
    await p.install(x);
    await p.say(hr, x, 'peiling start dit team 2026-12-20');
    await p.settle();
    const poll = p.pollCard(x.id);
    for (const [i, m] of members.entries()) {
      await p.press(m, p.channel(x), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, item_werkzaamheden: '4', item_werkbeleving: '4', item_waardering: '4', item_beloning: '4', item_samenwerking: '4', item_ontwikkelkansen: '4', item_boeien: '4', item_binden: '4', item_behouden: '4', open: i === 0 ? `MRKOPEN ${'o'.repeat(3000)}` : `MRKOPEN${i} ${UPN}` }, poll.id, x);
    }
    await p.press(members[0]!, p.channel(x), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, item_werkzaamheden: 'MRKSCORE', open: 'MRKOPENBAD' }, poll.id, x);
    await p.say(hr, x, 'peiling status');
    await p.say(hr, x, `peiling start MRKUNKNOWNTEAM ${UPN} 2026-12-20`);
    await p.say(members[1]!, x, 'peiling sluiten');
    await p.say(hr, x, 'peiling sluiten');
    await p.settle();
    const hrChat = new PersonalChat(t, hr);
    await hrChat.say('peiling resultaten');
    await p.settle();
    // The poll ran: three answers with open answers were counted.
    const tallies = (await t.store.container('pollAnswers').items.query("SELECT * FROM c WHERE c.type = 'tally'").fetchAll()).resources;
    expect(tallies.length).toBeGreaterThan(0);
    expect(leaks(from)).toEqual([]);
  });

  it('talent review: plan, prep, facilitated text, with the Graph directory failing and answering', async () => {
    const chat = new PersonalChat(t, mia);
    graph.failWith = 503;
    await chat.say('gesprek plannen');
    await chat.press('review.plan.save', { reportId: anna.aadObjectId, date: '2026-12-17', timeZone: 'Europe/Amsterdam', prepDays: '3' }).catch(() => undefined);
    graph.failWith = undefined;
    await chat.say('gesprek plannen');
    await chat.press('review.plan.save', { reportId: anna.aadObjectId, date: '2026-12-17', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    await chat.press('review.plan.save', { reportId: bram.aadObjectId, date: '2026-12-17', timeZone: 'MRKZONE/Zyxwv', prepDays: '3' }).catch(() => undefined);
    const reviews = (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources;
    expect(reviews).toHaveLength(1);
    const reviewId = reviews[0]?.id as string;
    t.clock.set('2026-12-14T10:00:00Z');
    graph.failWith = 429;
    await t.app.scheduler.runDue().catch(() => undefined);
    graph.failWith = undefined;
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    await chat.press('review.prep.show', { reviewId });
    await chat.press('review.facilitated.save', { reviewId, facilitated: `MRKFACILITATED ${UPN}` });
    await chat.press('review.phase.propose', { reviewId, phase: 'MRKPHASE' });
    await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende');
    expect(leaks(from)).toEqual([]);
  });

  it('erasure in the chat ("wis mijn gegevens"), also while Cosmos DB fails', async () => {
    t.proxy!.faults = (req) => (req.kind === 'delete' || req.kind === 'replace' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    const chat = new PersonalChat(t, bram);
    const ask = (await chat.say('wis mijn gegevens')).cards[0];
    await chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!).catch(() => undefined);
    t.proxy!.faults = undefined;
    await eraseInChat(t, anna);
    await t.app.outbox.drain(30_000);
    expect(leaks(from)).toEqual([]);
  });

  it('malformed activities with markers: wrong types, unknown verbs and invoke names, bad values', async () => {
    const base = message(g.conv, dewi, `MRKTEXT ${UPN}`);
    await t.send({ ...base, from: { id: 42, name: 'Zyxwv-Dewi', aadObjectId: ['aad-zyxwv'] } });
    await t.send({ ...base, conversation: { id: '19:zyxwv@thread.v2', tenantId: { MRK: UPN } } });
    await t.send({ ...base, entities: [{ type: 'mention', mentioned: { id: 'zyxwv' }, text: 5 }, 'MRKENTITY'] });
    await t.send({ ...base, text: undefined, value: `MRKVALUE ${UPN}` });
    await t.send({ ...base, text: undefined, value: [`MRKVALUE ${UPN}`] });
    await t.send({ ...base, value: { verb: 'session.contribute', groupId: g.groupId, sessionId: g.sessionId, questionId: 1, text: { MRK: UPN } } });
    await t.send(execute(g.conv, dewi, 'session.contribute', { groupId: g.groupId, sessionId: g.sessionId, questionId: 'MRKQ', text: `MRKBAD ${UPN}` }, g.sessionMessageId));
    await t.send(execute(g.conv, dewi, 'proposal.judge', { ...g.ids(), opinion: 'MRKOPINION', reason: `MRKREASON ${UPN}` }, g.sessionMessageId));
    await t.send(execute(g.conv, dewi, 'group.setup.save', { name: 'MRKGROUP', members: `aad-zyxwv-unknown,${UPN}`, days: '1,2,3,4', startTime: '25:99', timeZone: 'MRKZONE', language: 'xx', weeks: '99' }, 'setup-card'));
    await t.send(execute(g.conv, dewi, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w2`, day1: 'MRKDAY,1', day2: '999', day3: '8', day4: '10' }, 'cycle-card'));
    await t.send({ ...execute(g.conv, dewi, 'session.goto', g.ids(), g.sessionMessageId), value: 'MRKVALUE' });
    await t.send({ ...execute(g.conv, dewi, 'session.goto', g.ids(), g.sessionMessageId), value: { action: { type: 'Action.Execute', verb: { MRK: 1 }, data: `MRKDATA ${UPN}` } } });
    await t.send({ ...execute(g.conv, dewi, 'session.goto', g.ids(), g.sessionMessageId), name: 'task/fetch', value: { data: `MRK ${UPN}` } });
    await t.send({ ...execute(g.conv, dewi, 'session.goto', g.ids(), g.sessionMessageId), name: 'composeExtension/query', value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: { MRK: UPN } }] } });
    await t.send({ ...execute(g.conv, dewi, 'session.goto', g.ids(), g.sessionMessageId), name: 'composeExtension/submitAction', value: { commandId: 'bewaarInVerantwoording', data: { noteText: { MRK: UPN } }, messagePayload: 'MRKPAYLOAD' } });
    await t.send({ type: 'conversationUpdate', id: 'x', channelId: 'msteams', serviceUrl: t.connector.url, from: { id: dewi.id, name: dewi.name }, recipient: { id: '28:lerend-werken-bot' }, conversation: { id: g.conv.id, tenantId: 'tenant-1' }, channelData: { tenant: { id: 'tenant-1' } }, membersRemoved: [{ id: cem.id, name: cem.name, aadObjectId: cem.aadObjectId }, { id: 5 }] });
    expect(leaks(from)).toEqual([]);
  });
});
