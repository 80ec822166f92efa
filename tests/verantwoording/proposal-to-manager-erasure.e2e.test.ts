/**
 * Export and erasure of proposals put before a manager (talent-review/proposal-to-manager.ts).
 * Anna and Bram each put their group's adapted proposal before Mia, who answers both.
 * 1. Anna's export holds her record: the proposal as sent, her words and Mia's answer.
 * 2. Anna's erasure deletes her record and every queued card about her or to her (Mia's card
 *    about Anna, Anna's notice of the answer); Bram's record and cards stay.
 * 3. Mia's erasure takes her queued cards out of the outbox; Bram's record keeps the answer's
 *    words but no longer names Mia, and his overview says "je leidinggevende".
 */
import { message, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ADOPTED, answerAsManager, directoryFile, groupDecides, managerCardAbout, personalChat, pressIn, putBeforeManager } from '../talent-review/support/proposal-put-before';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const OWN_WORDS = ADOPTED.text;
const ANNA_WORDS = 'ANNA-WOORDEN: graag jouw steun';
const ANSWER = { 'aad-anna': 'ANTWOORD-ANNA: ik maak tijd vrij', 'aad-bram': 'ANTWOORD-BRAM: goed plan, ik help' } as const;

type Job = { id: string; about?: string[]; target?: { appUserId?: string } };

describe('proposals put before a manager, in export and erasure', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const chat = (who: TestUser) => personalChat(t, who);
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const jobs = async (): Promise<Job[]> => (await t.store.container('outbox').items.query("SELECT * FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources;
  /** Outbox jobs addressed to this person or about them. */
  const jobsOf = async (userId: string) => (await jobs()).filter((j) => j.target?.appUserId === userId || j.about?.includes(userId));
  const erase = async (who: TestUser) => {
    await t.send(message(chat(who), who, 'wis mijn gegevens'));
    return pressIn(t, who, 'verantwoording.erase.confirm', { confirm: 'yes' });
  };

  /** The member opens the form from their overview and sends it; Mia answers on the card she got. */
  async function putBeforeMiaAndAnswer(who: TestUser, words?: string) {
    expect(cardText(await putBeforeManager(t, who, words))).toContain('voorgelegd aan Mia');
    const card = await managerCardAbout(t, 'aad-mia', who);
    expect(card).toBeDefined();
    const answer = ANSWER[who.aadObjectId as keyof typeof ANSWER];
    expect(cardText(await answerAsManager(t, mia, card, answer))).toContain('Je antwoord is verstuurd.');
  }

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
      { id: 'aad-olga', name: 'Olga' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    group = await groupDecides(t, '19:ptm-erasure@thread.v2', [anna, bram, cem]);
    await putBeforeMiaAndAnswer(anna, ANNA_WORDS);
    await putBeforeMiaAndAnswer(bram);
  }, 120_000);
  afterAll(() => t?.stop());

  it('exports Anna\'s record with her words and Mia\'s answer', async () => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) })).json();
    const exported = await (await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(exported.proposalsPutBeforeManager).toEqual([
      expect.objectContaining({ groupId: group.groupId, proposalId: group.proposalId, managerName: 'Mia', words: ANNA_WORDS, proposal: expect.objectContaining({ verdict: 'adapt', text: OWN_WORDS }), answer: { text: ANSWER['aad-anna'], at: expect.any(String) } }),
    ]);
  });

  it('deletes Anna\'s record and the queued cards about her or to her when she is erased', async () => {
    expect(await records('aad-anna')).toHaveLength(1);
    // Mia's card about Anna, and Anna's notice of the answer.
    expect((await jobsOf('aad-anna')).length).toBeGreaterThanOrEqual(2);
    expect(cardText(await erase(anna))).toContain('Je gegevens zijn gewist');
    expect(await records('aad-anna')).toHaveLength(0);
    expect(await jobsOf('aad-anna')).toEqual([]);
    expect(JSON.stringify(await jobs())).not.toContain('ANNA-WOORDEN');
    // Bram's own stay.
    expect(await records('aad-bram')).toHaveLength(1);
    expect((await jobsOf('aad-bram')).length).toBeGreaterThanOrEqual(2);
  });

  it('keeps the answer on Bram\'s record without Mia\'s name when Mia is erased, and takes her queued cards out', async () => {
    expect((await jobsOf('aad-mia')).length).toBeGreaterThanOrEqual(1);
    expect(cardText(await erase(mia))).toContain('Je gegevens zijn gewist');
    expect(await jobsOf('aad-mia')).toEqual([]);
    const [record] = await records('aad-bram');
    expect(record.answer.text).toBe(ANSWER['aad-bram']);
    expect(record.managerId).toBeUndefined();
    expect(record.managerName).toBeUndefined();
    expect(JSON.stringify(record)).not.toContain('Mia');

    await t.send(message(chat(bram), bram, 'verantwoording'));
    const overview = t.connector.cards((c) => c.conversationId === chat(bram).id).at(-1)?.card;
    expect(cardText(overview)).toContain('Voorgelegd aan je leidinggevende op 23 nov 2026');
    expect(cardText(overview)).toContain(ANSWER['aad-bram']);
    expect(cardText(overview)).not.toContain('Mia');
    expect(cardProblems(overview)).toEqual([]);
  });
});
