/**
 * Anna puts the proposal her group adapted before Mia. Teams refuses Mia's 1:1 chat for good (403:
 * Mia blocked the bot, or the app is not installed for her). Anna was told "Je hebt dit voorstel
 * voorgelegd aan Mia" and her overview kept saying so, while Mia never got it: Anna waited for an
 * answer that could not come. Left out when the feature was built (stop 44), closed the same stop.
 *
 * What must hold: once the outbox gives the card up as refused, Anna hears it once in her own chat,
 * in her language; her overview says it did not arrive; the notice's outbox record is about her
 * (her erasure removes it), and no log line names either of them. A card Teams delivers brings no
 * such notice.
 */
import { TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { chatOverview, directoryFile, groupDecides, personalChat, putBeforeManager } from './support/proposal-put-before';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const NOT_ARRIVED = 'Het voorstel dat je voorlegde, is niet aangekomen bij je leidinggevende';

describe('a proposal Teams refuses to deliver to the manager', () => {
  let t: TestApp;
  const chat = (who: TestUser) => personalChat(t, who);
  const textsIn = (who: TestUser) =>
    t.connector.calls.filter((c) => c.conversationId === chat(who).id).map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'));
  const overview = (who: TestUser) => chatOverview(t, who);
  const putBefore = (who: TestUser, words: string) => putBeforeManager(t, who, words);

  beforeAll(async () => {
    const file = directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' }, { id: 'aad-cem', name: 'Cem' }, { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' }, { id: 'aad-olga', name: 'Olga', managerId: 'aad-piet' }, { id: 'aad-piet', name: 'Piet' }]);
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    await groupDecides(t, '19:ptm-refused@thread.v2', [anna, bram, cem], { adoptedText: 'EIGEN-WOORDEN: samen aan het bed' });
  }, 120_000);
  afterAll(() => t?.stop());

  it('tells the member once, in her own chat, and her overview says it did not arrive', async () => {
    t.connector.blocked.add('aad-mia');
    const logsBefore = t.logs.length;
    const sent = await putBefore(anna, 'ANNA-WOORDEN voor Mia');
    expect(cardText(sent)).toContain('voorgelegd aan Mia');
    await t.app.outbox.drain(60_000);
    await t.app.outbox.drain(60_000);

    // Mia got nothing: Teams refused her chat. Anna hears it once.
    expect(t.connector.cards().filter((c) => cardText(c.card).includes('ANNA-WOORDEN'))).toEqual([]);
    expect(textsIn(anna).filter((text) => text.includes(NOT_ARRIVED))).toHaveLength(1);
    const card = await overview(anna);
    expect(cardText(card)).toContain('Niet aangekomen: Teams nam het bericht voor je leidinggevende niet aan.');
    expect(cardProblems(card)).toEqual([]);

    // The notice's record is about Anna; nothing logged names who put what before whom.
    const jobs = (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
    expect(jobs.find((j) => j.target?.kind === 'conversation' && j.target.conversationId === chat(anna).id)?.about).toEqual(['aad-anna']);
    const logged = t.logs.slice(logsBefore).join('\n');
    expect(logged).toContain('proposal to manager not delivered');
    expect({ anna: logged.includes('aad-anna'), mia: logged.includes('aad-mia'), words: logged.includes('ANNA-WOORDEN') }).toEqual({ anna: false, mia: false, words: false });
  });

  it('brings no such notice when Teams delivers the card', async () => {
    const sent = await putBefore(bram, 'BRAM-WOORDEN voor Olga');
    expect(cardText(sent)).toContain('voorgelegd aan Olga');
    await t.app.outbox.drain(60_000);
    expect(t.connector.cards().filter((c) => cardText(c.card).includes('BRAM-WOORDEN'))).toHaveLength(1);
    expect(textsIn(bram).filter((text) => text.includes(NOT_ARRIVED))).toEqual([]);
    expect(cardText(await overview(bram))).not.toContain('Niet aangekomen');
  });
});
