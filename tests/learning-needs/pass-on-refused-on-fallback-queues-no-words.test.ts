/**
 * A pass-on refused on the Action.Submit fallback in the group's chat is told in the member's own
 * chat through the outbox. While Teams fails that chat the job waits (up to the outbox's day) under
 * the member's name: it held the words they typed, also after the handover put the corrected need
 * in L&O's anonymous batch, so a database reader could tie the batch's text to them (found in
 * review, stop 65). The note now says why, and holds nothing they typed.
 */
import { cardText } from '../support/group-driver';
import { submit, TestUser, user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { groupWithQuestion9, passOn } from './support';

describe("a pass-on refused on the Submit fallback, Teams failing the member's own chat across the handover", () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('no stored document outside the batch holds the handed-over words beside the member; the queued note says why', async () => {
    // Sunday 23:00 in Amsterdam: the handover is at 02:00.
    t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-29T22:00:00Z');
    const members = ['Anna', 'Bram', 'Cem'].map(user) as TestUser[];
    const [anna] = members as [TestUser];
    const g = await groupWithQuestion9(t, 'tenant-1', members);
    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(anna, 'session.personal', { ...q9, text: 'Mijn antwoord' });
    const words = 'Ik wil leren hoe ik een overdracht zo plan dat niemand iets mist, ook niet in de nachtdienst. '.repeat(4).trim();
    expect(words.length).toBeGreaterThan(300);
    // Teams takes nothing in Anna's own chat (opening it, or posting there).
    const hers = (req: { body?: unknown; conversationId?: string }) => [anna.aadObjectId, anna.id].some((id) => JSON.stringify(req.body ?? {}).includes(id) || (req.conversationId ?? '').includes(id));
    t.connector.faults.push((req) => (hers(req) ? { status: 503 } : undefined));
    expect((await t.send(submit(g.conv, anna, { verb: 'learningNeed.pass', ...q9, theme: 'samenwerken', learningNeedText: words }, g.sessionMessageId))).status).toBe(200);
    await t.app.background.idle();

    const shortened = words.slice(0, 290).trim();
    await passOn(g, anna, 'samenwerken', shortened);
    for (const who of members.slice(1)) await passOn(g, who, 'samenwerken', `Tekst van ${who.name}`);
    t.clock.set('2026-11-30T01:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.background.idle();

    const batch = (await t.store.container('learningNeeds').items.query("SELECT * FROM c WHERE c.type = 'learningNeedBatch'").fetchAll()).resources;
    expect(JSON.stringify(batch)).toContain(shortened.slice(0, 60));
    const { resources: containers } = await t.store.database.containers.readAll().fetchAll();
    const holding: string[] = [];
    for (const c of containers.filter((x) => x.id !== 'learningNeeds')) {
      for (const d of (await t.store.container(c.id as Parameters<TestApp['store']['container']>[0]).items.readAll().fetchAll()).resources as Record<string, unknown>[]) {
        // Her answer to question 9 is hers, in her own partition; the need itself was stripped there.
        if (d.type !== 'personalAnswer' && JSON.stringify(d).includes(shortened.slice(0, 60))) holding.push(`${c.id}:${String(d.type)}:${String(d.status ?? '')}`);
      }
    }
    expect(holding).toEqual([]);

    // She is still told: the note waits for her chat, with the reason and without her words.
    const notes = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob' AND c.status = 'pending' AND c.target.kind = 'person'").fetchAll()).resources as { target: { userId: string }; payload: unknown }[];
    const toHer = notes.filter((j) => j.target.userId === anna.id);
    expect(toHer).toHaveLength(1);
    const note = cardText(toHer[0]!.payload);
    expect(note).toContain('Niet bewaard');
    expect(note).toContain('Hoogstens 300 tekens');
    expect(note).toContain('Pas het aan op de kaart in de chat van de groep');
    expect(note).not.toContain(words.slice(0, 40));
  }, 240_000);
});
