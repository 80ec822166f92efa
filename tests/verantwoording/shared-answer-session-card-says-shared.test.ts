/**
 * Her own view of the session card tells a personal answer she shared apart from a private one
 * (stop 68): "alleen jij ziet" over words that "Bijwerken" puts on Mia's prep card would be untrue.
 * Shared, the card says it is shared with her manager, above the field and after a save; taken
 * back, it says "alleen jij" again. Read from the answer the turn reads anyway (no request more).
 */
import { execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from '../talent-review/support/proposal-put-before';
import { personalAnswerId } from '../../src/domain/personal/personal-answer';
import { createTranslator } from '../../src/i18n/i18n';

const nl = createTranslator().t('nl');
const mia = user('Mia');
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const SENSITIVE = 'mijn moeder is ernstig ziek';

describe('the session card of a shared personal answer', () => {
  let t: TestApp;
  let g: GroupDriver;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const prepText = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, `x-${Math.random()}`))).body.value);
  const answer = async (questionId: number, text: string, had = false) => cardText((await g.press(anna, 'session.personal', { ...g.ids(), questionId, text, ...(had ? { had: 1 } : {}) })).value);
  const visibility = (id: string, to: 'shared' | 'private', visibilityRev: number) => t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'answer', id, visibility: to, visibilityRev }, 'overview-card'));

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

  it('does not say "only you see this" over words that go to Mia, and says it again once taken back', async () => {
    const privateCard = await answer(9, 'Ik wil leren plannen');
    expect(privateCard).toContain(nl('question.personalSaved'));
    const id = personalAnswerId('aad-anna', g.sessionId, 9);
    await visibility(id, 'shared', 0);
    expect((await t.store.container('personal').item(id, 'aad-anna').read()).resource.visibility).toBe('shared');

    const card = await answer(9, `Ik wil leren plannen; ${SENSITIVE}`, true);
    expect(await prepText()).toContain(SENSITIVE);
    expect({ onlyYou: card.includes(nl('question.personalSaved')) || card.includes(nl('question.personalNote')), saysShared: card.includes(nl('question.personalNoteShared')) && card.includes(nl('question.personalSavedShared')) }).toEqual({ onlyYou: false, saysShared: true });

    await visibility(id, 'private', 1);
    const again = await answer(9, 'Ik wil leren plannen', true);
    expect({ onlyYou: again.includes(nl('question.personalSaved')) && again.includes(nl('question.personalNote')), saysShared: again.includes(nl('question.personalNoteShared')) }).toEqual({ onlyYou: true, saysShared: false });
  }, 60_000);
});
