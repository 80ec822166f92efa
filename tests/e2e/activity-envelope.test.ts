import { checkActivity } from '../../src/teams/activity-envelope';
import { execute, message, user } from '../support/activities';

/**
 * The envelope check every activity passes before a handler runs, as a unit: what it keeps, what
 * it cleans, what it refuses and the problems it logs (paths and codes, never values).
 */
const conv = { id: '19:group@thread.v2', type: 'groupChat' as const, tenantId: 'tenant-1', serviceUrl: 'https://smba.trafficmanager.net/emea/' };
const anna = user('Anna');

function ok(body: unknown) {
  const checked = checkActivity(body);
  if (!checked.ok) throw new Error(`refused: ${checked.problems.join(', ')}`);
  return checked.activity as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- free-form Bot Framework JSON under test
}

function refused(body: unknown) {
  const checked = checkActivity(body);
  if (checked.ok) throw new Error('accepted');
  return checked;
}

describe('the activity envelope', () => {
  it('keeps a card action as Teams sends it, with fields it does not know', () => {
    const activity = { ...execute(conv, anna, 'session.contribute', { groupId: 'g', questionId: 1, text: 'Antwoord' }, 'msg-1'), futureField: { x: 1 } };
    const checked = ok({ ...activity, channelData: { tenant: { id: 'tenant-1' }, source: { name: 'message' } } });
    expect(checked).toMatchObject({ type: 'invoke', name: 'adaptiveCard/action', replyToId: 'msg-1', futureField: { x: 1 }, from: { id: anna.id, aadObjectId: anna.aadObjectId } });
    expect(checked.value.action.data).toEqual({ groupId: 'g', questionId: 1, text: 'Antwoord' });
    expect(checked.channelData).toEqual({ tenant: { id: 'tenant-1' }, source: { name: 'message' } });
  });

  it('reads null as not given, and removes control characters and prototype keys', () => {
    const raw = JSON.parse(JSON.stringify({ ...message(conv, anna, 'hallo\u0007 daar'), name: null, value: null, locale: null }).replace('"channelId"', '"__proto__":{"admin":true},"channelId"'));
    const checked = ok(raw);
    expect(checked.name).toBeUndefined();
    expect(checked.value).toBeUndefined();
    expect(checked.locale).toBeUndefined();
    expect(checked.text).toMatch(/ hallo daar$/);
    expect(Object.getPrototypeOf(checked)).toBe(Object.prototype);
    expect((checked as { admin?: unknown }).admin).toBeUndefined();
  });

  it('reads nested nulls of the envelope as not given, and leaves a payload\'s nulls to its handler', () => {
    const base = execute(conv, anna, 'session.contribute', { groupId: 'g', questionId: 1, text: null });
    const checked = ok({ ...base, from: { ...base.from, name: null, aadObjectId: null }, conversation: { ...base.conversation, name: null }, channelData: { tenant: { id: 'tenant-1' }, team: null, eventType: null } });
    expect(checked.from).toEqual({ id: anna.id });
    expect(checked.conversation.name).toBeUndefined();
    expect(checked.channelData).toEqual({ tenant: { id: 'tenant-1' } });
    expect(checked.value.action.data).toEqual({ groupId: 'g', questionId: 1, text: null });
  });

  it('keeps only the well-formed members and mentions', () => {
    const checked = ok({
      ...message(conv, anna, '<at>Bot</at> help'),
      membersAdded: [{ id: '28:bot' }, { name: 'no id' }, 'nonsense'],
      entities: [{ type: 'mention', mentioned: { id: '28:bot', name: 'Bot' }, text: '<at>Bot</at>' }, { type: 'mention', text: 'no one' }, { type: 'clientInfo', locale: 'nl-NL' }],
    });
    expect(checked.membersAdded).toEqual([{ id: '28:bot' }]);
    expect(checked.entities).toEqual([{ type: 'mention', mentioned: { id: '28:bot', name: 'Bot' }, text: '<at>Bot</at>' }, { type: 'clientInfo', locale: 'nl-NL' }]);
  });

  it('drops mentions from an activity without text', () => {
    const { text: _text, ...withoutText } = message(conv, anna, 'x');
    const checked = ok({ ...withoutText, entities: [{ type: 'mention', mentioned: { id: '28:bot' }, text: '<at>Bot</at>' }] });
    expect(checked.entities).toEqual([]);
  });

  it('refuses an activity without identity or routing, naming the fields and nothing they held', () => {
    const { from: _from, ...noSender } = execute(conv, anna, 'session.contribute', {});
    const result = refused({ ...noSender, serviceUrl: 'not a url with secret-token-123' });
    expect(result.invoke).toBe(true);
    expect(result.kind).toBe('invalid');
    expect(result.problems.map((p) => p.split(':')[0]).sort()).toEqual(['from', 'serviceUrl']);
    expect(result.problems.join(' ')).not.toContain('secret-token-123');
  });

  it('refuses what is no activity, and JSON nested too deep', () => {
    expect(refused({ text: 'no type' })).toMatchObject({ kind: 'notAnActivity', problems: ['type'] });
    let deep: Record<string, unknown> = {};
    const root = { ...message(conv, anna, 'x'), value: deep };
    for (let i = 0; i < 40; i++) deep = (deep.next = {}) as Record<string, unknown>;
    expect(refused(root)).toMatchObject({ kind: 'invalid', problems: ['depth'] });
  });

  it('checks what teams-ai reads of a message-extension query, and leaves other values to the handlers', () => {
    const query = (value: unknown) => ({ ...execute(conv, anna, 'x', {}), name: 'composeExtension/query', value });
    expect(ok(query({ commandId: 'searchProposals', parameters: [{ name: 'query', value: 'ai' }] })).value.parameters).toEqual([{ name: 'query', value: 'ai' }]);
    const bad = refused(query({ commandId: 'searchProposals', parameters: 'query=ai' }));
    expect(bad.problems).toHaveLength(1);
    expect(bad.problems[0]).toMatch(/^value\.parameters:/);
    expect(ok({ ...execute(conv, anna, 'x', {}), value: { parameters: 'not checked here' } }).value).toEqual({ parameters: 'not checked here' });
  });

  it('refuses an over-long text rather than cutting it', () => {
    expect(refused(message(conv, anna, 'x'.repeat(50_001))).problems[0]).toMatch(/^text:/);
  });
});
