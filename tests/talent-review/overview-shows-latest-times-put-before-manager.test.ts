/**
 * Found in review, stop 44. Mijn verantwoording in the 1:1 chat is kept within Teams' message size
 * by fixed limits (OVERVIEW_LIMITS). The lines under a proposal were not limited: every time the
 * member put it before their manager was listed, each with up to 600 characters of the answer. A
 * member who put their group's proposal before their manager every week, each answered, had an
 * overview over the 80 KB the card checks allow (Teams refuses it with 413): the whole overview
 * failed. Now a proposal shows the latest few times (PUT_BEFORE_SHOWN), with the newest answer,
 * and says how many earlier ones the copy of her data holds; the card stays within the limit.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PUT_BEFORE_SHOWN } from '../../src/teams/cards/verantwoording/overview.card';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const TIMES = 60;

describe('the overview of a proposal put before the manager many times', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' }, { id: 'aad-olga', name: 'Olga' }] }));
    // Sixty cards go to Mia's one chat: at Teams' 7 a second per conversation the outbox spends
    // some 9 s pacing them. This test is about the overview's size, not the limits (tests/outbox
    // keeps those), so the chat's pace is raised.
    t = await startTestApp({ DIRECTORY_FILE: file, OUTBOX_CONVERSATION_RPS: '100' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:ptm-size@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info', 'Tijd', 'Korter', 'Formulier', 'Tafel'], { checkIn: 4 });
    group = { groupId: g.groupId, proposalId: `${g.groupId}_w1_p` };
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId: group.proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId: group.proposalId, decision: 'adapt', adoptedText: 'EIGEN-WOORDEN: samen aan het bed', decisionReason: 'Iedereen hoort hetzelfde', firstStep: 'Rooster aanpassen' });
    await g.end(anna);
  }, 120_000);
  afterAll(() => t?.stop());

  it('stays within the size limit', async () => {
    const answer = 'Goed idee, ik denk mee over tijd en ruimte voor jullie. '.repeat(12).trimEnd();
    for (let i = 0; i < TIMES; i++) {
      const form = await press(anna, 'review.proposalToManager.open', group);
      const sent = await press(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: `Week ${i}: nog steeds belangrijk` });
      expect(cardText(sent)).toContain('voorgelegd aan Mia');
    }
    await t.app.outbox.drain(60_000);
    const cards = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => c.card);
    expect(cards).toHaveLength(TIMES);
    for (const card of cards) await press(mia, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer });
    expect((await records('aad-anna')).filter((r) => r.answer)).toHaveLength(TIMES);

    await t.send(message(chat(anna), anna, 'verantwoording'));
    const overview = t.connector.cards((c) => c.conversationId === chat(anna).id).at(-1)?.card;
    expect(cardProblems(overview)).toEqual([]);
    // The latest few, and how many earlier ones the copy of her data holds.
    const text = cardText(overview);
    expect(text.split('Voorgelegd aan Mia op')).toHaveLength(PUT_BEFORE_SHOWN + 1);
    expect(text).toContain(`${TIMES - PUT_BEFORE_SHOWN} eerdere keren staan hier niet: die staan in de kopie van je gegevens`);
  });
});
