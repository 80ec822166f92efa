import { execute } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 40. A member saves their personal answer to question 9, then changes it
 * and saves again from the card the first save gave them. Teams then delivers the first press once
 * more: under the same activity id (as it does for an invoke it got no timely answer for), or under
 * a new one with the same card (its action key `k`). The old press put the first words back (and
 * a shared answer was rebuilt with them in the manager's prep card). What must hold: a press
 * already applied changes nothing; the answer stays the one saved last.
 */
describe('a personal answer press delivered again after the member changed it', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const answersTo9 = async (userId: string) =>
    (
      await t.store
        .container('personal')
        .items.query({ query: "SELECT * FROM c WHERE c.type = 'personalAnswer' AND c.questionId = 9 AND c.sessionId = @s", parameters: [{ name: '@s', value: g.sessionId }] }, { partitionKey: userId })
        .fetchAll()
    ).resources.map((a) => a.text);

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,9,10', day2: '2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    await g.goTo(anna, 1);
  }, 90_000);
  afterAll(() => t.stop());

  it('keeps the answer saved last when the first press comes again under its own activity id', async () => {
    const atNine = (await g.press(anna, 'session.refresh', g.ids())).value;
    const first = { ...buttonData(atNine, 'session.personal'), text: 'Ik wil beter leren plannen' };
    const afterFirst = (await t.send(execute(g.conv, anna, 'session.personal', first, g.sessionMessageId, 'personal-anna-1'))).body.value;
    const second = { ...buttonData(afterFirst, 'session.personal'), text: 'Ik wil leren nee zeggen tegen extra diensten' };
    await t.send(execute(g.conv, anna, 'session.personal', second, g.sessionMessageId, 'personal-anna-2'));

    // Teams delivers the first press again.
    await t.send(execute(g.conv, anna, 'session.personal', first, g.sessionMessageId, 'personal-anna-1'));

    expect(await answersTo9(anna.aadObjectId)).toEqual(['Ik wil leren nee zeggen tegen extra diensten']);
  }, 90_000);

  it('keeps the answer saved last when the first press comes again under a new activity id (same card key)', async () => {
    const atNine = (await g.press(bram, 'session.refresh', g.ids())).value;
    const first = { ...buttonData(atNine, 'session.personal'), text: 'Meer overzicht in mijn week' };
    expect(typeof (first as Record<string, unknown>).k).toBe('string');
    const afterFirst = (await t.send(execute(g.conv, bram, 'session.personal', first, g.sessionMessageId, 'personal-bram-1'))).body.value;
    const second = { ...buttonData(afterFirst, 'session.personal'), text: 'Beter overdragen aan het eind van mijn dienst' };
    await t.send(execute(g.conv, bram, 'session.personal', second, g.sessionMessageId, 'personal-bram-2'));

    // Teams delivers the first press again, as a new activity.
    await t.send(execute(g.conv, bram, 'session.personal', first, g.sessionMessageId, 'personal-bram-1-again'));

    expect(await answersTo9(bram.aadObjectId)).toEqual(['Beter overdragen aan het eind van mijn dienst']);
  }, 90_000);
});
