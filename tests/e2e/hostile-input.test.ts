import { execute, submit } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/** Malformed and hostile payloads: a friendly error card, nothing stored, the process keeps running. */
describe('bad input', () => {
  let t: TestApp;
  let g: GroupDriver;
  let snapshot: string;
  const anna = MEMBERS[0]!;
  const stored = async () =>
    JSON.stringify(
      (await t.cosmos.container('sessions').items.query('SELECT * FROM c ORDER BY c.id').fetchAll()).resources.map(({ _etag, _ts, ...d }: Record<string, unknown>) => d),
    );

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    snapshot = await stored();
  });
  afterAll(() => t.stop());

  const huge = 'x'.repeat(100 * 1024);
  const cases: [string, () => Record<string, unknown>][] = [
    ['missing fields', () => ({ groupId: g.groupId })],
    ['wrong types', () => ({ groupId: 42, sessionId: ['a'], questionId: 'een', text: { evil: true } })],
    ['a 100 KB answer', () => ({ ...g.ids(), questionId: 1, text: huge })],
    ['a 100 KB id', () => ({ groupId: huge, sessionId: g.sessionId, questionId: 1, text: 'ok' })],
    ['a question not on today\'s agenda', () => ({ ...g.ids(), questionId: 9, text: 'niet vandaag' })],
    ['a session of another group', () => ({ groupId: 'grp_other', sessionId: g.sessionId, questionId: 1, text: 'inbraak' })],
    ['an empty answer', () => ({ ...g.ids(), questionId: 1, text: '   ' })],
  ];

  it.each(cases)('%s: friendly error card, nothing stored', async (_name, data) => {
    const res = await t.send(execute(g.conv, anna, 'session.contribute', data(), g.sessionMessageId));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(res.body.value)).toContain('Dat lukte niet');
    expect(await stored()).toBe(snapshot);
  });

  it('answers an unknown verb with a friendly card', async () => {
    const res = await t.send(execute(g.conv, anna, 'session.selfDestruct', { ...g.ids() }, g.sessionMessageId));
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toContain('Controleer wat je hebt ingevuld');
  });

  it('answers a malformed Action.Submit fallback with an error card in the chat', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, anna, { verb: 'session.contribute', groupId: g.groupId, questionId: 'NaN' }, g.sessionMessageId));
    expect(res.status).toBe(200);
    const posted = t.connector.calls.slice(before).find((c) => c.method === 'POST');
    expect(cardText(posted?.activity.attachments[0].content)).toContain('Dat lukte niet');
    expect(await stored()).toBe(snapshot);
  });

  it('rejects a body that is not an activity without crashing', async () => {
    const res = await fetch(`${t.app.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"type": 12' });
    expect(res.status).toBeGreaterThanOrEqual(400);
    const health = await fetch(`${t.app.url}/healthz`);
    expect(health.status).toBe(200);
  });

  it('still works for a well-formed contribution afterwards', async () => {
    const res = await g.contribute(anna, 1, 'Een gewone bijdrage');
    expect(cardText(res.value)).toContain('Een gewone bijdrage');
  });
});
