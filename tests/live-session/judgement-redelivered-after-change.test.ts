import { execute } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 40. A member judges the proposal, then changes their mind on the card
 * that save gave them and stores another judgement. Teams then delivers the first press once more:
 * under the same activity id, or under a new one with the same card (its action key `k`). The old
 * press replaced the newer judgement behind the member's back (it counts toward the group's
 * decision, and "aannemen" needs an "eens"). What must hold: a press already applied changes
 * nothing; the judgement stays the one stored last.
 */
describe('a judgement press delivered again after the member changed it', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const judgementsOf = async (memberId: string) =>
    (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.memberId = @m", parameters: [{ name: '@m', value: memberId }] }).fetchAll()).resources.map((j) => [j.opinion, j.reason]);

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
  });
  afterAll(() => t.stop());

  it('keeps the judgement stored last when the first press comes again under its own activity id', async () => {
    const view = (await g.press(bram, 'session.refresh', g.ids())).value;
    const first = { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Klinkt goed' };
    const afterFirst = (await t.send(execute(g.conv, bram, 'proposal.judge', first, g.sessionMessageId, 'judge-bram-1'))).body.value;
    const second = { ...buttonData(afterFirst, 'proposal.judge'), opinion: 'disagree', reason: 'Bij nader inzien kost het te veel tijd' };
    await t.send(execute(g.conv, bram, 'proposal.judge', second, g.sessionMessageId, 'judge-bram-2'));

    // Teams delivers the first press again.
    await t.send(execute(g.conv, bram, 'proposal.judge', first, g.sessionMessageId, 'judge-bram-1'));

    expect(await judgementsOf(bram.aadObjectId)).toEqual([['disagree', 'Bij nader inzien kost het te veel tijd']]);
  });

  it('keeps the judgement stored last when the first press comes again under a new activity id (same card key)', async () => {
    const view = (await g.press(cem, 'session.refresh', g.ids())).value;
    const first = { ...buttonData(view, 'proposal.judge'), opinion: 'doubt', reason: 'Weet ik nog niet' };
    expect(typeof (first as Record<string, unknown>).k).toBe('string');
    const afterFirst = (await t.send(execute(g.conv, cem, 'proposal.judge', first, g.sessionMessageId, 'judge-cem-1'))).body.value;
    const second = { ...buttonData(afterFirst, 'proposal.judge'), opinion: 'agree', reason: 'Toch een goed idee' };
    await t.send(execute(g.conv, cem, 'proposal.judge', second, g.sessionMessageId, 'judge-cem-2'));

    // Teams delivers the first press again, as a new activity.
    await t.send(execute(g.conv, cem, 'proposal.judge', first, g.sessionMessageId, 'judge-cem-1-again'));

    expect(await judgementsOf(cem.aadObjectId)).toEqual([['agree', 'Toch een goed idee']]);
  });
});
