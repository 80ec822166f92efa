/**
 * Found in review, stop 57 (fixed then: the record shared with L&O allows the group name's 240 units).
 * A group's name may take 120 characters as they show, up to 240 UTF-16 code units (120 emoji). The
 * record a group shares with L&O copies `group.name`, so its schema must hold it too: a group named with
 * 120 emoji adopts a proposal and shares it with L&O; the stored record is valid by its own schema.
 */
import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';
import { documentProblems } from '../../src/store/document-schemas';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored documents under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const TULIPS = '\u{1F337}'.repeat(120);
void user;

describe('a 120-emoji group name shared with L&O', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t?.stop());

  it('the shared record is valid by its schema and keeps the name', async () => {
    const members = [anna, bram, cem];
    t.connector.roster = members;
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-own57-name-lo@thread.v2'), members);
    const res = await g.press(anna, 'group.setup.save', { name: TULIPS, members: members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');
    g.groupId = res.value.actions[0].data.groupId;
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (const m of members) await g.checkIn(m, 4);
    const answers = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter', 'Formulier', 'Een vaste tafel'];
    for (const [i, text] of answers.entries()) {
      await g.goTo(members[i % 3]!, i);
      await g.contribute(members[i % 3]!, i + 1, text);
    }
    await g.goTo(anna, answers.length);
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Stap' });
    const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource as any;
    expect(stored?.groupName).toBe(TULIPS);
    await g.end(anna);
    let summary: any;
    for (let i = 0; i < 200 && !summary; i++) {
      summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting/.test(cardText(c.card)));
      if (!summary) await new Promise((r) => setTimeout(r, 25));
    }
    const button = actionData(summary.card, 'proposalToLo.preview')!;
    const preview = (await g.press(bram, 'proposalToLo.preview', button, summary.call.id)).value;
    const done = (await g.press(bram, 'proposalToLo.share', actionData(preview, 'proposalToLo.share')!, summary.call.id)).value;
    expect(cardText(done)).toContain('Gedeeld met L&O op');
    const docs = (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources;
    expect(docs).toHaveLength(1);
    expect(docs[0].groupName).toBe(TULIPS);
    expect(documentProblems('installations', docs[0])).toEqual([]);
  }, 120_000);
});
