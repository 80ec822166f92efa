/**
 * Found holding in review, stop 49 (data rights, as an adversary): one professional and one manager use
 * every feature that keeps something about them, including what stops 47-49 added, and then
 * erase their data; a raw sweep of every container looks for their ids and name afterwards.
 *
 * Directory: Mia manages Anna, Bram and Cem; Olga manages Mia. Hanna is HR/L&O.
 * Anna: member of a group (set it up, started its week, contributed, checked in, judged),
 * shares the group's adapted proposal with L&O (Hanna answers), puts it before Mia (Mia answers),
 * asks Mia for a talentontwikkelgesprek (and withdraws a second request), sketches her
 * Prof-traject, has active weeks, writes a note, chooses English.
 * Mia: plans a conversation about Anna, sends her team an account (and up to Olga).
 * Then Anna erases, then Mia erases.
 */
import { execute, message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { reviewId } from '../../src/domain/talent-review/review';
import { actionData, allDocuments, PersonalChat, runDueJobs } from '../verantwoording/support';
import { answerAsManager, groupDecides, managerCardAbout, personalChat, pressIn, putBeforeManager } from '../talent-review/support/proposal-put-before';
import { anna, annaAndMia, bram, cem, mia, naming, REVIEW_DATE, rightsDirectory } from './support/rights-scenario';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON and card JSON under test */

const hanna = user('Hanna');
const DATE = REVIEW_DATE;

describe('after erasure, nothing in any container names the person (stops 47-49 included)', () => {
  let t: TestApp;
  let groupId: string;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: rightsDirectory(), HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const annaChat = new PersonalChat(t, anna);
    await annaChat.say('taal en');
    // The group: Anna sets it up and starts it (groupDecides), Cem decides, Anna ends the session.
    const decided = await groupDecides(t, '19:rights@thread.v2', [anna, bram, cem]);
    groupId = decided.groupId;
    await runDueJobs(t);
    // Anna shares the adapted proposal with L&O; Hanna answers.
    const g = t.conversation('groupChat', '19:rights@thread.v2');
    await t.send({ ...execute(g, anna, 'proposalToLo.share', { groupId, proposalId: decided.proposalId }, 'summary') });
    await t.app.outbox.drain(30_000);
    const hr = new PersonalChat(t, hanna);
    const list = (await hr.say('voorstellen')).cards[0];
    const form = await hr.press('proposalToLo.open', actionData(list, 'proposalToLo.open')!);
    await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer: 'L&O-ANTWOORD' });
    await t.app.outbox.drain(30_000);
    // Anna puts the proposal before Mia; Mia answers.
    await putBeforeManager(t, anna, 'ANNA-WOORDEN voor mijn leidinggevende');
    await answerAsManager(t, mia, await managerCardAbout(t, 'aad-mia', anna), 'MIA-ANTWOORD');
    // Anna asks Mia for a conversation, and asks again and withdraws that.
    const reqForm = await pressIn(t, anna, 'review.request.open', {});
    await pressIn(t, anna, 'review.request.send', { ...buttonData(reqForm, 'review.request.send'), text: 'ANNA-VERZOEK' });
    const reqForm2 = await pressIn(t, anna, 'review.request.open', {});
    await pressIn(t, anna, 'review.request.send', { ...buttonData(reqForm2, 'review.request.send'), text: 'ANNA-TWEEDE' });
    const kept = (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'reviewRequest' AND c.userId = 'aad-anna'").fetchAll()).resources;
    const second = kept.find((r: any) => r.message === 'ANNA-TWEEDE');
    if (second) await pressIn(t, anna, 'review.request.withdraw', { id: second.id });
    // Anna's Prof-traject and a note.
    await annaChat.press('verantwoording.traject.save', { learningNeeds: 'Delegeren', talents: 'Coachen', weeks: '20' });
    await annaChat.say('notitie ANNA-NOTITIE');
    // Mia plans a conversation about Anna, and sends her team an account (and up to Olga).
    await pressIn(t, mia, 'review.plan.save', { reportId: 'aad-anna', date: DATE, timeZone: 'Europe/Amsterdam', prepDays: '3' });
    await pressIn(t, mia, 'review.facilitated.save', { reviewId: reviewId('aad-mia', 'aad-anna', DATE), facilitated: 'MIA-FACILITEERDE' });
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const accountForm = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)!.card;
    await pressIn(t, mia, 'review.teamAccount.send', { ...buttonData(accountForm, 'review.teamAccount.send'), text: 'MIA-TEAMWOORDEN', alsoOwnManager: 'true' });
    await runDueJobs(t);
  }, 300_000);
  afterAll(() => t?.stop());

  it('had Anna and Mia in the store before (the sweep reaches what it looks for)', async () => {
    const before = await naming(t, ['aad-anna', '29:anna', 'aad-mia']);
    expect(before.length).toBeGreaterThan(5);
    const docs = await allDocuments(t.store);
    const kinds = new Set(Object.entries(docs).flatMap(([c, list]) => (list as { type?: string }[]).map((d) => `${c}/${d.type}`)));
    for (const kind of ['installations/proposalToLo', 'personal/reviewRequest', 'personal/reviewRequestWithdrawn', 'personal/teamAccount', 'personal/activeWeek', 'personal/proposalToManager', 'personal/profTraject', 'reviews/talentReview']) expect(kinds).toContain(kind);
    expect((docs.sessions as any[]).find((d) => d.type === 'proposal')?.lo).toMatchObject({ answer: { text: 'L&O-ANTWOORD' } });
  });

  it('leaves nothing naming Anna after her erasure', async () => {
    const chat = personalChat(t, anna);
    await t.send(message(chat, anna, 'erase my data'));
    const done = await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' });
    expect(cardText(done)).toMatch(/erased|gewist/);
    await runDueJobs(t);
    const left = await naming(t, ['aad-anna', '29:anna', 'Anna', 'ANNA-']);
    expect(left).toEqual([]);
  });

  it('leaves nothing naming Mia after her erasure', async () => {
    const chat = personalChat(t, mia);
    await t.send(message(chat, mia, 'wis mijn gegevens'));
    const done = await pressIn(t, mia, 'verantwoording.erase.confirm', { confirm: 'yes' });
    expect(cardText(done)).toMatch(/erased|gewist/);
    await runDueJobs(t);
    const left = await naming(t, ['aad-mia', '29:mia', 'Mia']);
    expect(left).toEqual([]);
  });
});

/**
 * The same sweep with the outbox not yet sent when the manager erases: Anna asks Mia for a
 * conversation, Mia plans one about Anna, answers the proposal Anna put before her, and sends her
 * team an account; none of those cards has gone when Mia erases her data (support/rights-scenario.ts).
 */
describe('after erasure with the outbox still holding cards, nothing names the person', () => {
  let t: TestApp;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: rightsDirectory() }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    await annaAndMia(t, { send: false });
  }, 300_000);
  afterAll(() => t?.stop());

  it('had cards waiting in the outbox (the sweep reaches what it looks for)', async () => {
    const pending = ((await allDocuments(t.store)).outbox ?? []).filter((d) => (d as { type: string; status?: string }).type === 'outboxJob' && (d as { status?: string }).status === 'pending');
    expect(pending.length).toBeGreaterThan(3);
  });

  it('leaves nothing naming Mia after her erasure, before and after the outbox sent what was left', async () => {
    await t.send(message(personalChat(t, mia), mia, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, mia, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    const right = await naming(t, ['aad-mia', '29:mia', 'Mia']);
    await runDueJobs(t);
    const later = await naming(t, ['aad-mia', '29:mia', 'Mia']);
    expect({ right, later }).toEqual({ right: [], later: [] });
  });

  it('leaves nothing naming Anna after her erasure', async () => {
    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    await runDueJobs(t);
    expect(await naming(t, ['aad-anna', '29:anna', 'Anna', 'ANNA-'])).toEqual([]);
  });
});
