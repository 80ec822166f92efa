import { botAdded, execute, message, submit, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allDocuments } from '../verantwoording/support';

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

  it.each(cases)('%s: a friendly refusal (the error card, or the form again with the reason), nothing stored', async (_name, data) => {
    const res = await t.send(execute(g.conv, anna, 'session.contribute', data(), g.sessionMessageId));
    expect(res.status).toBe(200);
    expect(res.body.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(res.body.value)).toMatch(/Dat lukte niet|Nog niet bewaard/);
    expect(await stored()).toBe(snapshot);
  });

  it('answers an unknown verb with a friendly card', async () => {
    const res = await t.send(execute(g.conv, anna, 'session.selfDestruct', { ...g.ids() }, g.sessionMessageId));
    expect(res.status).toBe(200);
    expect(cardText(res.body.value)).toContain('Controleer wat je hebt ingevuld');
  });

  it('answers a malformed Action.Submit fallback with an error card in the sender\'s own chat, not the group\'s', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, anna, { verb: 'session.contribute', groupId: g.groupId, questionId: 'NaN' }, g.sessionMessageId));
    expect(res.status).toBe(200);
    await t.app.outbox.drain(30_000);
    const posted = t.connector.calls.slice(before).filter((c) => c.method === 'POST');
    expect(posted.filter((c) => c.conversationId === g.conv.id)).toEqual([]);
    expect(posted.map((c) => cardText(c.activity.attachments[0].content)).join('\n')).toContain('Dat lukte niet');
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

/**
 * Activities that are not what Teams sends: checked once at the edge, before any handler. An
 * invalid one is ignored with a warning (an invoke gets a 4xx), never a 500, and nothing of it is
 * stored; lists with junk in them lose the junk and the rest is handled.
 */
describe('hostile activities at the edge', () => {
  let t: TestApp;
  const anna = user('Anna');
  const BOT = { id: '28:lerend-werken-bot', name: 'Lerend Werken' };
  const everything = async () => JSON.stringify(Object.entries(await allDocuments(t.cosmos)).map(([c, docs]) => [c, docs.map(({ _etag, _ts, _rid, _self, ...d }: any) => d)])); // eslint-disable-line @typescript-eslint/no-explicit-any -- raw documents
  const warnings = () => t.logs.filter((l) => l.includes('"level":40') && l.includes('invalid activity ignored'));

  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.stop());

  const group = () => t.conversation('groupChat', '19:edge@thread.v2');
  const channel = () => t.conversation('channel', '19:edge-channel@thread.tacv2');
  const invalid: [string, () => Record<string, unknown>][] = [
    ['a type that is null', () => ({ ...message(group(), anna, 'help'), type: null })],
    ['a type that is an array', () => ({ ...message(group(), anna, 'help'), type: ['message'] })],
    ['no recipient', () => { const { recipient, ...rest } = message(group(), anna, 'help'); return rest; }],
    ['a recipient without id', () => ({ ...message(group(), anna, 'help'), recipient: { name: 'bot' } })],
    ['a sender without id', () => ({ ...message(group(), anna, 'help'), from: { name: 'Anna' } })],
    ['a sender whose Entra id is not a string', () => ({ ...message(t.conversation('personal'), anna, 'verantwoording'), from: { id: anna.id, aadObjectId: { $ne: 1 }, name: 'Anna' } })],
    ['a conversation id that is a number', () => ({ ...message(group(), anna, 'help'), conversation: { id: 42, conversationType: 'groupChat', tenantId: 'tenant-1' } })],
    ['a team whose id is an object', () => ({ ...botAdded(channel(), anna), channelData: { tenant: { id: 'tenant-1' }, team: { id: { evil: true }, name: 'Team' }, channel: { id: channel().id } } })],
    ['a team whose name is an object and whose group id is [false]', () => ({ ...botAdded(channel(), anna), channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team-x@thread.tacv2', name: { a: 1 }, aadGroupId: [false] }, channel: { id: channel().id } } })],
  ];

  it.each(invalid)('ignores %s with a warning: no reply, nothing stored', async (_name, activity) => {
    const before = await everything();
    const sent = t.connector.calls.length;
    const warned = warnings().length;
    const body = activity();
    const res = await t.send(body);
    // Without a type it is no activity at all (400, as the Bot Framework SDK answers); else it is ignored.
    expect(res.status).toBe(typeof body.type === 'string' ? 200 : 400);
    expect(t.connector.calls.length).toBe(sent);
    expect(warnings().length).toBe(warned + 1);
    expect(await everything()).toBe(before);
  });

  it.each(invalid)('refuses %s as an invoke with a 4xx', async (_name, activity) => {
    const { text, entities, membersAdded, ...rest } = activity() as Record<string, unknown>;
    const res = await t.send({ ...rest, type: Array.isArray(rest.type) || rest.type === null ? rest.type : 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: 'group.setup.open', data: {} } } });
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
  });

  const turnErrors = () => t.logs.filter((l) => l.includes('unhandled error in turn')).length;

  it.each([
    ['junk in the list', [null, 5, 'x', { type: 'mention' }, { type: 'mention', mentioned: null, text: 7 }, { type: 'mention', text: '<at>Lerend Werken</at>', mentioned: BOT }]],
    ['a list that is an object', { type: 'mention' }],
  ])('drops junk entities (%s) and still answers the message', async (_name, entities) => {
    const sent = t.connector.calls.length;
    const errors = turnErrors();
    const res = await t.send({ ...message(group(), anna, 'help'), entities });
    expect(res.status).toBe(200);
    expect(turnErrors()).toBe(errors);
    expect(t.connector.calls.length).toBeGreaterThan(sent);
  });

  it.each([
    ['not an array', { id: BOT.id }],
    ['holding null', [null, 7, BOT]],
  ])('handles a membersAdded that is %s without failing the turn', async (_name, membersAdded) => {
    // In a channel the install registry's before-turn hook reads the list as well.
    const conv = t.conversation('channel', `19:members-${_name.replace(/\W/g, '')}@thread.tacv2`);
    const errors = turnErrors();
    const res = await t.send({ ...botAdded(conv, anna), membersAdded });
    expect(res.status).toBe(200);
    expect(turnErrors()).toBe(errors);
  });

  it('records a team installation with its fields as strings', async () => {
    const conv = t.conversation('channel', '19:installed@thread.tacv2');
    t.connector.teamDetails.set('19:team-ok@thread.tacv2', { name: 'Team Oké', aadGroupId: 'group-ok' });
    const res = await t.send({ ...botAdded(conv, anna), channelData: { tenant: { id: 'tenant-1' }, team: { id: '19:team-ok@thread.tacv2', name: 'Team\u0000 Oké\u0007' }, channel: { id: conv.id } } });
    expect(res.status).toBe(200);
    const installations = (await allDocuments(t.cosmos)).installations as Record<string, unknown>[];
    expect(installations.find((i) => i.teamId === '19:team-ok@thread.tacv2')).toMatchObject({ name: 'Team Oké', aadGroupId: 'group-ok' });
    for (const i of installations) for (const field of ['teamId', 'name', 'generalChannelId']) expect(typeof i[field]).toBe('string');
  });

  it('strips control characters from a note typed in the chat and from a note on the card', async () => {
    const personal = t.conversation('personal', 'a:personal-controls');
    expect((await t.send(message(personal, anna, 'notitie eerste\u0000 regel\u0007\u001b[31m'))).status).toBe(200);
    expect((await t.send(execute(personal, anna, 'verantwoording.note.add', { text: 'tweede\u0000 regel\u0008' }, 'card-1'))).status).toBe(200);
    const notes = ((await allDocuments(t.cosmos)).personal as { type: string; text: string }[]).filter((d) => d.type === 'note').map((n) => n.text).sort();
    expect(notes).toEqual(['eerste regel[31m', 'tweede regel']);
  });

  it('keeps prototype keys in a payload as plain data', async () => {
    const personal = t.conversation('personal', 'a:personal-proto');
    const payload = JSON.parse('{"text":"gewone notitie","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}');
    const res = await t.send(execute(personal, anna, 'verantwoording.note.add', payload, 'card-1'));
    expect(res.status).toBe(200);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((await fetch(`${t.app.url}/healthz`)).status).toBe(200);
  });
});
