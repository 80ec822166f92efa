import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, allActionData, PersonalChat } from './support';

const TITLE = /Je Prof-traject: je hebt je .*actieve (week|weken) gehaald/;

/**
 * Found in review, stop 46. "Nieuw Prof-traject schetsen" (from the look-back card) promises "Het is
 * privé tot je het deelt", but the new traject took over the old one's sharing: Anna had shared her
 * ended Prof-traject with her manager Mia, and her freshly sketched one went onto Mia's prep card at
 * once. Must hold: a traject sketched anew is private until Anna shares it; Mia no longer sees it.
 */
describe('a Prof-traject sketched anew is private until shared, as its form says', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: anna.aadObjectId, name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  const runDue = async () => {
    await t.app.scheduler.runDue();
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
  };
  const chat = () => new PersonalChat(t, anna);

  it('the fresh traject is not shared with the manager', async () => {
    // Anna sketches a Prof-traject of one week and shares it with her manager.
    await chat().press('verantwoording.traject.save', { learningNeeds: 'Beter plannen', talents: '', weeks: '1', rev: 0 });
    const overview = (await chat().say('verantwoording')).cards[0];
    const share = allActionData(overview, 'verantwoording.visibility').find((d) => d.kind === 'profTraject' && d.visibility === 'shared');
    expect(share).toBeDefined();
    await chat().press('verantwoording.visibility', share!);
    expect(cardText((await chat().say('wat ziet mijn leidinggevende')).cards.at(-1))).toContain('Beter plannen');

    // One session: her traject ends, the look-back arrives.
    const g = new GroupDriver(t, t.conversation('groupChat', '19:fresh-share@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.checkIn(anna, 4);
    await g.end();
    await runDue();
    const chats = [t.connector.personalChats.get(anna.id), chat().conv.id];
    const lookBack = t.connector.cards((c) => c.method === 'POST' && chats.includes(c.conversationId)).map((x) => x.card).find((card) => TITLE.test(cardText(card)));
    expect(lookBack).toBeDefined();

    // She sketches a new one from it; the form promises it is private until she shares it.
    const form = await chat().press('verantwoording.traject.open', { fresh: true });
    expect(cardText(form)).toContain('Het is privé tot je het deelt');
    const saved = await chat().press('verantwoording.traject.save', { ...actionData(form, 'verantwoording.traject.save'), learningNeeds: 'Mijn nieuwe wens: presenteren', talents: '', weeks: '10' });

    expect(cardText(saved)).toContain('Mijn nieuwe wens: presenteren');
    const stored = (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'profTraject' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;
    expect(stored.map((d) => d.learningNeeds)).toEqual(['Mijn nieuwe wens: presenteren']);
    const preview = (await chat().say('wat ziet mijn leidinggevende')).cards.map(cardText).join('\n');
    expect({ visibility: stored[0].visibility, managerSees: preview.includes('Mijn nieuwe wens: presenteren') }).toEqual({ visibility: 'private', managerSees: false });
  }, 180_000);
});
