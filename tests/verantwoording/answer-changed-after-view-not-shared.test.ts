/**
 * A personal answer (questions 9-10) has a text revision, as a note has (stop 68): changed in the
 * still-open session after the tab or the chat's overview card showed it, "Delen" on that older
 * view shares nothing (tab: 409 `textChanged`; chat: the overview with the newest text and why),
 * so words added for herself never reach Mia unseen. An answer never changed is shared as before,
 * also from a view that sends no revision (`onlyTextEver`).
 */
import { execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from '../talent-review/support/proposal-put-before';
import { allActionData, tabApi } from './support';
import { personalAnswerId } from '../../src/domain/personal/personal-answer';
import { createTranslator } from '../../src/i18n/i18n';

const nl = createTranslator().t('nl');
const mia = user('Mia');
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const SENSITIVE = 'ik slaap slecht van de werkdruk';

describe('a personal answer changed after the view that shares it', () => {
  let t: TestApp;
  let g: GroupDriver;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const prepText = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, `x-${Math.random()}`))).body.value);
  const answer = async (questionId: number, text: string) => g.press(anna, 'session.personal', { ...g.ids(), questionId, text });
  const stored = async (questionId: number) => (await t.store.container('personal').item(personalAnswerId('aad-anna', g.sessionId, questionId), 'aad-anna').read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }, { id: 'aad-bram', name: 'Bram' }, { id: 'aad-cem', name: 'Cem' }]) }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9,10', day2: '1,2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 60_000);
  afterAll(() => t?.stop());

  it('tab: "Delen" from the view of the older answer is refused (409 textChanged); from the newest view it goes', async () => {
    await answer(9, 'Ik wil leren plannen');
    const api = await tabApi(t, anna.aadObjectId);
    const answers = async () => (await api('GET', '')).json.cycles.flatMap((c: { answers: unknown[] }) => c.answers);
    const shown = (await answers()).find((a: { text: string }) => a.text === 'Ik wil leren plannen');
    await answer(9, `Ik wil leren plannen, want ${SENSITIVE}`);
    const share = await api('PUT', '/visibility', { kind: 'answer', id: shown.id, visibility: 'shared', visibilityRev: shown.visibilityRev, rev: shown.rev });
    expect({ status: share.status, reason: share.json.reason }).toEqual({ status: 409, reason: 'textChanged' });
    expect((await stored(9)).visibility).toBe('private');
    expect(await prepText()).not.toContain(SENSITIVE);

    // A view older than the change that sends no revision cannot tell either: refused.
    expect((await api('PUT', '/visibility', { kind: 'answer', id: shown.id, visibility: 'shared', visibilityRev: shown.visibilityRev })).status).toBe(409);

    // The tab redrawn shows the newest text (and its revision): sharing that is her choice.
    const newest = (await answers()).find((a: { id: string }) => a.id === shown.id);
    expect(newest.text).toContain(SENSITIVE);
    expect((await api('PUT', '/visibility', { kind: 'answer', id: shown.id, visibility: 'shared', visibilityRev: newest.visibilityRev, rev: newest.rev })).status).toBe(200);
    expect(await prepText()).toContain(SENSITIVE);
  }, 60_000);

  it('chat: "Delen" on an overview card older than the answer shares nothing, and says why', async () => {
    await answer(10, 'Het samen puzzelen gaf energie');
    const id = personalAnswerId('aad-anna', g.sessionId, 10);
    const overview = (await t.send(execute(annaChat(), anna, 'verantwoording.show', {}, 'ov'))).body?.value;
    const share = allActionData(overview, 'verantwoording.visibility').find((d) => d.id === id && d.visibility === 'shared');
    expect(share).toBeDefined();
    await answer(10, `Het samen puzzelen gaf energie, maar ${SENSITIVE} (10)`);
    const pressed = await t.send(execute(annaChat(), anna, 'verantwoording.visibility', share!, 'overview-card'));
    expect(pressed.status).toBe(200);
    expect(cardText(pressed.body.value)).toContain(nl('verantwoording.shareRefused.textChanged'));
    expect((await stored(10)).visibility).toBe('private');
    expect(await prepText()).not.toContain(`${SENSITIVE} (10)`);
  }, 60_000);
});
