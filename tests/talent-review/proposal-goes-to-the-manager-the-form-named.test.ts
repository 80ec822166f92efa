/**
 * Found in review, stop 44. Anna opens "Voorleggen aan mijn leidinggevende": the form says "Gaat
 * naar Mia, je leidinggevende volgens de directory" and she writes her own words for Mia. Before
 * she presses Versturen, the directory changes: Anna now reports to Olga. The send used to look
 * the manager up again, and Olga got Anna's card with the words written for Mia. Now the form's
 * button carries whom it named, and the send goes to that manager or to nobody: Anna gets the form
 * back naming Olga, her words still in the field and a line saying her manager changed; nothing is
 * stored or queued. Sent from that new form, it goes to Olga (the same hole was closed for the team
 * account in stop 43: team-account-goes-to-whom-the-form-named.test.ts).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const WORDS = 'ANNA-WOORDEN: Mia, jij kent de afdeling, help je mee?';

describe('the manager changes in the directory between the form and the send', () => {
  let t: TestApp;
  let file: string;
  let group: { groupId: string; proposalId: string };
  const write = (users: object[]) => writeFileSync(file, JSON.stringify({ users }));
  const base = (annasManager: string) => [
    { id: 'aad-anna', name: 'Anna', managerId: annasManager },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-piet' },
    { id: 'aad-olga', name: 'Olga', managerId: 'aad-piet' },
    { id: 'aad-piet', name: 'Piet' },
  ];
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const cardsTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card);
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;

  beforeAll(async () => {
    file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    write(base('aad-mia'));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z');
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:ptm-moved@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'], { checkIn: 4 });
    group = { groupId: g.groupId, proposalId: `${g.groupId}_w1_p` };
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: group.proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId: group.proposalId, decision: 'adapt', adoptedText: 'EIGEN-WOORDEN: samen aan het bed', decisionReason: 'Iedereen hoort hetzelfde', firstStep: 'Rooster aanpassen' });
    await g.end(anna);
  }, 120_000);
  afterAll(() => t?.stop());

  it('sends nothing to a manager the form did not name, and gives the form back naming the new one', async () => {
    await t.send(message(chat(anna), anna, 'verantwoording'));
    const overview = t.connector.cards((c) => c.conversationId === chat(anna).id).at(-1)?.card;
    const form = await press(anna, 'review.proposalToManager.open', buttonData(overview, 'review.proposalToManager.open'));
    expect(cardText(form)).toContain('Gaat naar Mia');

    // While Anna types, the directory moves her to Olga.
    write(base('aad-olga'));
    const jobs = await outboxJobs();
    const back = await press(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS });
    expect(await outboxJobs()).toBe(jobs);
    await t.app.outbox.drain(60_000);

    // Nobody got the words written for Mia, and nothing was stored.
    expect(cardsTo('aad-olga').map(cardText).filter((text) => text.includes('ANNA-WOORDEN'))).toEqual([]);
    expect(cardsTo('aad-mia').map(cardText).filter((text) => text.includes('ANNA-WOORDEN'))).toEqual([]);
    expect(await records('aad-anna')).toEqual([]);
    // The form again, naming Olga, with Anna's words kept and why nothing was sent.
    expect(cardText(back)).not.toContain('voorgelegd aan');
    expect(cardText(back)).toContain('Gaat naar Olga');
    expect(cardText(back)).toContain('Niet verstuurd: volgens de directory is je leidinggevende nu Olga');
    expect(field(back, 'words')?.value).toBe(WORDS);
    expect(buttonData(back, 'review.proposalToManager.send')).toMatchObject({ to: 'aad-olga', toName: 'Olga' });
    expect(buttonData(back, 'review.proposalToManager.send').k).not.toBe(buttonData(form, 'review.proposalToManager.send').k);
    expect(cardProblems(back)).toEqual([]);

    // Sent from that form, it goes to Olga, once.
    const sent = await press(anna, 'review.proposalToManager.send', { ...buttonData(back, 'review.proposalToManager.send'), words: WORDS });
    await t.app.outbox.drain(60_000);
    expect(cardText(sent)).toContain('voorgelegd aan Olga');
    expect(cardsTo('aad-olga').map(cardText).filter((text) => text.includes('ANNA-WOORDEN'))).toHaveLength(1);
    expect((await records('aad-anna')).map((r) => r.managerId)).toEqual(['aad-olga']);
  });
});
