import { randomUUID } from 'node:crypto';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { ConversationSpec, execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek, verantwoordingDeps } from '../verantwoording/support';

/**
 * Adversarial privacy review: the bot's personal-chat verbs and the message extension,
 * attacked with someone else's ids in Action.Execute data. Eva is in no group; Bram is in Anna's
 * group. Each test asserts the correct behaviour, so a failing test is a leak.
 */
describe('forged ids in card actions and the message extension', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  const eva = user('Eva');
  const PRIVATE_NOTE = 'ANNA-PRIVE over de overdracht: ik durf het niet te zeggen';
  const SHARED_NOTE = 'ANNA-GEDEELD over de overdracht: meer tijd nodig';
  const PERSONAL9 = 'ANNA-P9 ik wil leren nee zeggen';
  const PERSONAL10 = 'ANNA-P10 energie van de overdracht';
  let noteId = '';
  const personal = (who: TestUser): ConversationSpec => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => JSON.stringify((await t.send(execute(personal(who), who, verb, data, 'forged-card'))).body ?? '');
  const annaNote = async () => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'note'`).fetchAll()).resources.find((r) => r.id === noteId);

  async function search(who: TestUser, term: string): Promise<string> {
    const conv = personal(who);
    const res = await t.send({
      type: 'invoke', name: 'composeExtension/query', id: randomUUID(), channelId: 'msteams', serviceUrl: conv.serviceUrl, timestamp: new Date().toISOString(), locale: 'nl-NL',
      from: { id: who.id, aadObjectId: who.aadObjectId, name: who.name },
      recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: conv.id, conversationType: 'personal', tenantId: conv.tenantId, isGroup: false },
      channelData: { tenant: { id: conv.tenantId } },
      value: { commandId: 'zoekVoorstellen', parameters: [{ name: 'zoekterm', value: term }], queryOptions: { skip: 0, count: 25 } },
    });
    return JSON.stringify(res.body);
  }

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: PERSONAL9, personal10: PERSONAL10, contribution: 'De overdracht tussen diensten' });
    const v = verantwoordingDeps(t.cosmos);
    noteId = (await addNote(v, 'aad-anna', { key: 'probe-chat-private', text: PRIVATE_NOTE })).id;
    await addNote(v, 'aad-anna', { key: 'probe-chat-shared', text: SHARED_NOTE, shared: true });
  }, 180_000);
  afterAll(() => t.stop());

  it('Eva opening Anna\'s note by its id in her own chat (verantwoording.note.open) sees none of it', async () => {
    expect(await press(eva, 'verantwoording.note.open', { noteId })).not.toContain('ANNA-');
  });

  it('Eva saving over Anna\'s note by its id (verantwoording.note.save) leaves Anna\'s note as it was and gets none of it back', async () => {
    const answer = await press(eva, 'verantwoording.note.save', { noteId, rev: '0', text: 'overschreven door Eva' });
    expect(answer).not.toContain('ANNA-');
    expect((await annaNote())?.text).toBe(PRIVATE_NOTE);
    const del = await press(eva, 'verantwoording.note.delete', { noteId });
    expect(del).not.toContain('ANNA-');
    expect(await annaNote()).toBeDefined();
  });

  it('Bram (same group) cannot share Anna\'s private note or answers (verantwoording.visibility with her ids)', async () => {
    const answers = (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'personalAnswer'`).fetchAll()).resources;
    expect(answers.length).toBe(2);
    for (const [kind, id] of [['note', noteId], ...answers.map((a) => ['answer', a.id])] as const) {
      expect(await press(bram, 'verantwoording.visibility', { kind, id, groupId: g.groupId, visibility: 'shared' })).not.toContain('ANNA-');
    }
    const after = (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna'`).fetchAll()).resources;
    expect(after.filter((r) => r.visibility === 'shared' && (r.type === 'personalAnswer' || r.id === noteId))).toEqual([]);
  });

  it('Eva opening Anna\'s week (verantwoording.time.open) or the group\'s session from her personal chat (session.show / session.refresh / learningNeed.open) sees nothing of the group', async () => {
    const cycleId = `${g.groupId}_w1`;
    const answers = [
      await press(eva, 'verantwoording.time.open', { groupId: g.groupId, cycleId }),
      await press(eva, 'session.show', { groupId: g.groupId, cycleId }),
      await press(eva, 'session.refresh', { groupId: g.groupId, sessionId: g.sessionId }),
      await press(eva, 'learningNeed.open', { groupId: g.groupId, sessionId: g.sessionId, questionId: '9' }),
      await press(eva, 'rhythm.plan.show', { groupId: g.groupId }),
    ];
    for (const a of answers) {
      expect(a).not.toContain('ANNA-');
      expect(a).not.toContain('Team Zorg');
      expect(a).not.toContain('overdracht');
    }
  });

  it('nothing Anna answered to the personal questions ever reached the group chat (shared cards and their updates)', () => {
    const toGroup = t.connector.calls.filter((c) => c.conversationId === g.conv.id).map((c) => JSON.stringify(c.activity)).join('\n');
    expect(toGroup).not.toContain(PERSONAL9);
    expect(toGroup).not.toContain(PERSONAL10);
  });

  it('"Zoek voorstellen" returns the group\'s proposals to a member, never anyone\'s notes, and nothing at all to an outsider', async () => {
    const bramSees = await search(bram, 'overdracht');
    expect(bramSees).toContain('Tien minuten overdracht');
    for (const text of [PRIVATE_NOTE, SHARED_NOTE, PERSONAL9, PERSONAL10]) expect(bramSees).not.toContain(text);
    const evaSees = await search(eva, 'overdracht');
    expect(evaSees).not.toContain('Tien minuten overdracht');
    expect(evaSees).not.toContain('ANNA-');
  });

  it('the log at the default level holds none of the texts or names of this file', () => {
    const log = t.logs.join('');
    for (const text of [PRIVATE_NOTE, SHARED_NOTE, PERSONAL9, PERSONAL10, 'De overdracht tussen diensten', 'Tien minuten overdracht', '"Anna"', '"Eva"']) expect({ text, inLog: log.includes(text) }).toEqual({ text, inLog: false });
  });
});
