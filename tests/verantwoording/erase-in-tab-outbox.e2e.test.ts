import { stableId } from '../../src/domain/shared/ids';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A colleague in no Vitale Weekcyclus group who only got the B3-spiegel in their 1:1 chat erases
 * their data in the tab, where the app knows their Entra id but not their Teams id: nothing
 * addressed to them may stay in the outbox, nor the remembered 1:1 chat, also one remembered
 * before the outbox recorded whose chat it is.
 */
describe('erasure in the tab, for someone the outbox knows only by their Teams id', () => {
  let t: TestApp;
  let d: PulseDriver;
  const oost = team('Zorgteam Oost', 'oost', [HR, ...members('oost', 4)]);
  const leaver = oost.members[2]!;
  const stayer = oost.members[3]!;
  const outboxDocs = async () => (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources as { type: string; target?: { userId?: string }; about?: string[] }[];

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') });
    // The leaver's 1:1 chat as remembered before 1 December: without the owner's app id.
    const old = { id: stableId('oc', 'tenant-1', leaver.id), type: 'personalConversation', conversationId: `a:1on1-${leaver.id}` };
    await t.store.container('outbox').items.create(old);
    d = new PulseDriver(t);
    await d.startPoll(oost, 'peiling start dit team 2026-12-04 privé');
  });
  afterAll(() => t.stop());

  it('leaves no message to them and no remembered chat of theirs, and keeps everyone else\'s', async () => {
    const before = JSON.stringify(await outboxDocs());
    expect(before).toContain(leaver.id);
    expect(before).toContain(stayer.id);

    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: leaver.aadObjectId }) });
    const { token } = (await signIn.json()) as { token: string };
    const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
    expect(res.status).toBe(200);

    const after = await outboxDocs();
    const text = JSON.stringify(after);
    expect(text).not.toContain(leaver.id);
    expect(text).not.toContain(leaver.aadObjectId);
    expect(text).toContain(stayer.id);
    expect(after.filter((doc) => doc.type === 'personalConversation').length).toBe(before.split('"personalConversation"').length - 2);
  });
});
