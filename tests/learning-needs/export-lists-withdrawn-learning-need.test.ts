/**
 * Found in review, stop 47. Withdrawing a learning need that was passed on to L&O leaves a
 * `learningNeedWithdrawn` record in the member's own `personal` partition (same id as the
 * pass-on: her user id, the answer it was about, the press keys, a revision). It stays there for
 * good (no ttl) until her erasure, which deletes it with her partition. "Mijn gegevens"
 * (everything the app keeps about her) skipped it: the export's `learningNeeds` read
 * `learningNeedPassOn` records only, so after a withdrawal her export said nothing of the record
 * the app still keeps about that need.
 *
 * 1. Anna answers question 9 in a session, passes the need on to L&O, and withdraws it.
 * 2. Her partition holds a `learningNeedWithdrawn` record for that answer.
 * 3. She downloads her data in the tab.
 * Must hold: the export's learning needs list that answer's need as `withdrawn`, and nothing more
 * (no theme or words: the withdrawal kept none; no press keys: technical).
 */
import { TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { tabApi } from '../verantwoording/support';

describe('the export and a withdrawn learning need', () => {
  let t: TestApp;
  let g: GroupDriver;
  const members: TestUser[] = ['Anna', 'Bram', 'Cem'].map(user);
  const [anna] = members as [TestUser];
  const q9 = () => ({ ...g.ids(), questionId: 9 });

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat', '19:export-withdrawn@thread.v2'), members);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9', day2: '1,2,3', day3: '4,5,6,7', day4: '8,10' }, 'cycle-card');
    await g.startSession();
    await g.press(anna, 'session.personal', { ...q9(), text: 'Ik wil leren coachen.' });
  }, 120_000);
  afterAll(() => t.stop());

  it('lists the withdrawal record her partition keeps', async () => {
    expect(cardText((await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'coachen', learningNeedText: 'Coachen van stagiairs' })).value)).toContain('Doorgegeven');
    t.clock.advanceMinutes(1);
    expect(cardText((await g.press(anna, 'learningNeed.withdraw', q9())).value)).toContain('Ingetrokken');

    const kept = (
      await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE STARTSWITH(c.type, 'learningNeed') AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()
    ).resources;
    expect(kept).toEqual([expect.objectContaining({ type: 'learningNeedWithdrawn', userId: anna.aadObjectId, answerId: expect.any(String) })]);
    expect(kept[0].ttl).toBeUndefined(); // kept until her erasure

    const api = await tabApi(t, anna.aadObjectId);
    const exported = await api('GET', '/export');
    expect(exported.status).toBe(200);
    expect(exported.json.learningNeeds).toEqual([{ answerId: kept[0].answerId, status: 'withdrawn' }]);
    expect(JSON.stringify(exported.json)).not.toContain('Coachen van stagiairs');
  }, 120_000);
});
