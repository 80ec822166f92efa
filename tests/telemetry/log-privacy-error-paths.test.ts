import { execute, message, submit, user } from '../support/activities';
import { CosmosFault } from '../support/cosmos-proxy';
import { GroupDriver } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, malformed, promptFiltered, rateLimited, serverError, startFakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

/**
 * the log stays free of people and their words in ERROR paths too. A group is driven
 * through realistic flows while Cosmos DB and Azure OpenAI fail, inputs are refused and
 * envelopes are malformed; then every log line is searched for the markers put in.
 */
const API_KEY = 'sk-PROBE-APIKEY-7f3a9c';
const members = ['Zwaantje', 'Kwikstaart', 'Roodborstje'].map(user);
const EMAIL = 'zwaantje.devries@probe-example.org';
const ANSWER = 'ANTWOORDMARKER overdracht loopt mis';
const NOTE = 'NOTITIEMARKER mijn burn-out klachten';
const PERSONAL = 'PRIVEMARKER ik wil ontslag nemen';
const MARKERS = ['Zwaantje', 'Kwikstaart', 'Roodborstje', 'zwaantje', 'kwikstaart', 'roodborstje', EMAIL, 'ANTWOORDMARKER', 'NOTITIEMARKER', 'PRIVEMARKER', 'ENVELOPEMARKER', 'REFUSEDMARKER', 'JSONBODYMARKER', 'VERBMARKER', 'DRAFTECHOMARKER', API_KEY, 'Team Zwaluw'];

describe('no personal data or secrets in the log, error paths included', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi('gpt-4o-test', API_KEY);
    t = await startTestApp(aiSettings(ai, { timeoutMs: 2000, retries: 0 }), '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    g = new GroupDriver(t, t.conversation('groupChat', '19:probe-logs@thread.v2'), members);
    t.connector.roster = members;
    const setup = await g.press(members[0]!, 'group.setup.save', { name: 'Team Zwaluw', members: members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    g.groupId = setup.value.actions[0].data.groupId;
    await g.startCycle();
    await g.press(members[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,9', day2: '7', day3: '8', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (const m of members) await g.checkIn(m, 4);
    for (let q = 1; q <= 5; q++) {
      await g.goTo(members[q % 3]!, q - 1);
      await g.contribute(members[q % 3]!, q, `${ANSWER} ${q} mail ${EMAIL}`);
    }
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  /** The markers in log lines written since `from` (each test looks at its own lines). */
  const leaks = (from = 0) => {
    const lines = t.logs.slice(from);
    const all = lines.join('\n');
    return MARKERS.filter((m) => all.includes(m)).map((m) => `${m}: ${lines.find((l) => l.includes(m))!.slice(0, 300)}`);
  };
  let from = 0;
  beforeEach(() => {
    from = t.logs.length;
  });

  it('Cosmos DB 503 / 429 while a member adds an answer or a personal answer', async () => {
    t.proxy!.faults = (req) => (req.kind === 'create' || req.kind === 'upsert' || req.kind === 'replace' || req.kind === 'batch' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    await g.contribute(members[1]!, 1, `${ANSWER} tijdens storing ${EMAIL}`);
    await g.goTo(members[0]!, 6).catch(() => undefined);
    await g.press(members[0]!, 'session.personal', { ...g.ids(), questionId: 9, text: PERSONAL }).catch(() => undefined);
    t.proxy!.faults = (req) => (req.kind === 'create' || req.kind === 'upsert' ? ({ kind: 'dropAfter' } as CosmosFault) : undefined);
    await g.contribute(members[2]!, 2, `${ANSWER} verloren antwoord`).catch(() => undefined);
    t.proxy!.faults = undefined;
    expect(leaks(from)).toEqual([]);
  });

  it('refused card input (too long, wrong types) and an unknown verb', async () => {
    await g.contribute(members[0]!, 1, `REFUSEDMARKER ${'x'.repeat(5000)}`);
    await g.press(members[0]!, 'session.contribute', { ...g.ids(), questionId: 'REFUSEDMARKER', text: 'REFUSEDMARKER' });
    await g.press(members[0]!, 'session.personal', { ...g.ids(), questionId: 9, text: `REFUSEDMARKER ${PERSONAL} ${'y'.repeat(5000)}` });
    await t.send(execute(g.conv, members[0]!, 'session.unknown', { text: NOTE }, g.sessionMessageId));
    await t.send(submit(g.conv, members[0]!, { verb: 'session.contribute', ...g.ids(), questionId: 1, text: ['REFUSEDMARKER'] }, g.sessionMessageId));
    expect(leaks(from)).toEqual([]);
  });

  it('invalid activity envelopes and a body that is not JSON', async () => {
    const bad = { ...message(g.conv, members[0]!, 'ENVELOPEMARKER notitie'), from: { id: 7, name: 'Zwaantje', aadObjectId: 'aad-zwaantje' } };
    await t.send(bad);
    await t.send({ ...message(g.conv, members[0]!, 'ENVELOPEMARKER'), serviceUrl: 'not a url ENVELOPEMARKER' });
    await t.send({ ...execute(g.conv, members[0]!, 'session.contribute', { ...g.ids(), questionId: 1, text: 'ENVELOPEMARKER' }), conversation: { id: '' } });
    const raw = JSON.stringify(message(g.conv, members[0]!, `JSONBODYMARKER ${NOTE} ${EMAIL}`));
    // A body cut short (e.g. a proxy that gave up): not JSON any more.
    await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: raw.slice(0, raw.indexOf('JSONBODYMARKER') + 80) });
    await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"text": "JSONBODYMARKER ${EMAIL}", ` });
    expect(leaks(from)).toEqual([]);
  });

  it('AI failures: 429, 500, malformed output that echoes the answers, content filter', async () => {
    await g.goTo(members[0]!, 5);
    for (const behaviour of [rateLimited(0), serverError(), malformed(`DRAFTECHOMARKER ${ANSWER} ${EMAIL} Zwaantje`), malformed({ proposal: `DRAFTECHOMARKER ${EMAIL}`, extra: 'Zwaantje' }), promptFiltered('hate')]) {
      ai.script(behaviour);
      // Each failure lets the group ask again.
      await g.press(members[1]!, 'proposal.draft', g.ids());
      await t.app.background.idle();
    }
    ai.script(success({ proposal: `DRAFTECHOMARKER voorstel voor ${EMAIL}`, assumptions: ['Zwaantje heeft tijd'], risks: ['r'], questionsToCheck: ['q'] }));
    await g.press(members[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(leaks(from)).toEqual([]);
  });

  it('a note in the personal chat, while Cosmos DB fails, and the export', async () => {
    const personal = t.conversation('personal', 'a:probe-personal-zwaantje');
    t.proxy!.faults = (req) => (req.container === 'personal' && req.kind !== 'metadata' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    await t.send(message(personal, members[0]!, `notitie ${NOTE} ${EMAIL}`));
    t.proxy!.faults = undefined;
    await t.send(message(personal, members[0]!, `notitie ${NOTE} ${EMAIL}`));
    await t.send(message(personal, members[0]!, 'mijn gegevens'));
    await t.app.outbox.drain(30_000);
    expect(leaks(from)).toEqual([]);
  });
});
