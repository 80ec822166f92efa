/**
 * Found in review, stop 49 (ownership): a first step that names a colleague, put before a manager.
 *
 * The decision form asks for the first step as "wie doet wat, wanneer?", so it names people:
 * "Bram belt ...". Anna puts the proposal before her manager Mia. The form promised Anna that no
 * other member's name goes along ("Er gaan geen namen van andere groepsleden mee"), and Mia's
 * card, built from the same decision, then carried Bram's name and his task; HR's report leaves
 * the first step's text out for exactly this reason (tests/hr-report/adoption.e2e.test.ts).
 *
 * What must hold: the first step stays with the group. The form says so, shows no first step, and
 * keeps its promise; Mia's card and the stored record hold neither the step nor Bram's name.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const OWN_WORDS = 'EIGEN-WOORDEN: de overdracht doen we samen aan het bed.';
const FIRST_STEP = 'Bram belt vrijdag de apotheek over de nieuwe lijst.';
const NO_NAMES = 'Er gaan geen namen van andere groepsleden mee';
const STEP_STAYS = 'De eerste stap (wie doet wat, wanneer) blijft in de groep.';

describe('a first step naming a colleague, put before a manager', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  afterAll(() => t?.stop());

  it('stays with the group: the promise "no other member\'s name" holds on the manager\'s card', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:ownership-first-step@thread.v2'), [anna, bram, cem]).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', adoptedText: OWN_WORDS, decisionReason: 'Omdat', firstStep: FIRST_STEP });
    await g.end(anna);

    await t.send(message(chat(anna), anna, 'verantwoording'));
    const form = await press(anna, 'review.proposalToManager.open', { groupId: g.groupId, proposalId });
    expect(cardProblems(form)).toEqual([]);
    const preview = cardText(form);
    // The form says truthfully what goes: the proposal and its reason, not the first step.
    expect(preview).toContain(OWN_WORDS);
    expect(preview).toContain(NO_NAMES);
    expect(preview).toContain(STEP_STAYS);
    expect(preview).not.toContain(FIRST_STEP);
    await press(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: '' }, 'anna-send');
    await t.app.outbox.drain(60_000);
    const managerCard = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => cardText(c.card)).find((x) => x.includes(OWN_WORDS));
    expect(managerCard).toBeDefined();

    // The form promises Anna no other member's name goes along, and Mia's card names neither Bram nor his task.
    expect({ promisesNoNames: preview.includes(NO_NAMES), bramOnMiasCard: managerCard!.includes('Bram') }).not.toEqual({ promisesNoNames: true, bramOnMiasCard: true });
    expect(managerCard).not.toContain(FIRST_STEP);
    const records = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'proposalToManager'").fetchAll()).resources;
    expect(records).toHaveLength(1);
    expect(records[0].proposal).toEqual({ verdict: 'adapt', source: 'decision', text: OWN_WORDS, reason: 'Omdat' });
  }, 120_000);
});
