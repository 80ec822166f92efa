import { randomUUID } from 'node:crypto';
import { ConversationSpec, TestUser, user } from '../support/activities';
import { CosmosFault } from '../support/cosmos-proxy';
import { GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Probe (promise 3): the message extension's error paths (saving a message as a note, searching
 * proposals) while Cosmos DB fails write no names, ids or note texts to the log. The existing
 * error-path test covers the chat, cards and AI, not the extension.
 */
const members = ['Merel', 'Spreeuw', 'Vink'].map(user);
const NOTE = 'EXTNOTEMARKER mijn scheiding loopt';
const MARKERS = ['Merel', 'Spreeuw', 'Vink', 'merel', 'spreeuw', 'vink', 'EXTNOTEMARKER', 'EXTSEARCHMARKER', 'Team Mees'];

function invoke(conv: ConversationSpec, from: TestUser, name: string, value: Record<string, unknown>) {
  return {
    type: 'invoke', name, id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
    from: { id: from.id, aadObjectId: from.aadObjectId, name: from.name },
    recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
    conversation: { id: conv.id, conversationType: conv.type, tenantId: conv.tenantId, isGroup: conv.type !== 'personal' },
    channelData: { tenant: { id: conv.tenantId }, source: { name: 'message' } },
    value,
  };
}

describe('message extension error paths keep people out of the log', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-ext@thread.v2'), members);
    t.connector.roster = members;
    const setup = await g.press(members[0]!, 'group.setup.save', { name: 'Team Mees', members: members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    g.groupId = setup.value.actions[0].data.groupId;
  }, 60_000);
  afterAll(() => t.stop());

  it('save-as-note and proposal search while Cosmos DB answers 503 log no name, id or text', async () => {
    const from = t.logs.length;
    const chat = t.conversation('groupChat', '19:probe-ext@thread.v2');
    t.proxy!.faults = (req) => (req.kind !== 'metadata' ? ({ kind: 'status', status: 503 } as CosmosFault) : undefined);
    const save = await t.send(invoke(chat, members[0]!, 'composeExtension/submitAction', {
      commandId: 'bewaarInVerantwoording', commandContext: 'message',
      data: { noteText: NOTE },
      messagePayload: { body: { contentType: 'html', content: `<p>${NOTE}</p>` }, linkToMessage: 'https://teams.microsoft.com/l/message/19:probe-ext@thread.v2/1' },
    }));
    const search = await t.send(invoke(chat, members[1]!, 'composeExtension/query', { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: 'EXTSEARCHMARKER' }], queryOptions: { skip: 0, count: 10 } }));
    t.proxy!.faults = undefined;
    // Both were answered (the failure path ran), not refused before reaching the store.
    expect(save.status).toBe(200);
    expect(search.status).toBe(200);
    expect(JSON.stringify([save.body, search.body])).toMatch(/niet|mislukt|lukt/i);
    const lines = t.logs.slice(from);
    expect(lines.some((l) => l.includes('message extension'))).toBe(true);
    const leaks = MARKERS.filter((m) => lines.join('\n').includes(m)).map((m) => `${m}: ${lines.find((l) => l.includes(m))!.slice(0, 300)}`);
    expect(leaks).toEqual([]);
  }, 120_000);
});
