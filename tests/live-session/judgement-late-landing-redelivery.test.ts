import { execute } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A judgement written without a check of what it replaces (a README left-out of stop 40). Bram
 * judges the proposal "eens"; Teams, not hearing back in time, delivers the same press again, and
 * that delivery's write is slow on the network. Meanwhile the first delivery is stored, and Bram
 * changes his mind ("oneens"). Then the slow write lands. It read the judgement before either
 * press was stored, so it did not see its own key; written blindly, it put "eens" back behind
 * Bram's back. What must hold: a write replaces only the judgement it read; the slow one reads
 * again, finds its press applied, and changes nothing. Bram's last word stays.
 *
 * Also left out then: a press that says again what is stored wrote nothing and so kept no key.
 * Cem says "eens" twice (two presses), then "twijfel"; Teams delivers the second "eens" press
 * again, and it was applied again. Its key is kept now, so it changes nothing.
 */
describe('a judgement press whose redelivery lands after the member changed it', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const judgementsOf = async (memberId: string) =>
    (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'judgement' AND c.memberId = @m", parameters: [{ name: '@m', value: memberId }] }).fetchAll()).resources.map((j) => [j.opinion, j.reason]);

  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
  });
  afterAll(() => t.stop());

  it("keeps Bram's changed judgement when the slow redelivery of his first press lands last", async () => {
    const view = (await g.press(bram, 'session.refresh', g.ids())).value;
    const first = { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Klinkt goed' };

    // The redelivery's write (the judgement's transactional batch) is held on its way to the store.
    let release!: () => void;
    const until = new Promise<void>((resolve) => (release = resolve));
    let reachedStore!: () => void;
    const held = new Promise<void>((resolve) => (reachedStore = resolve));
    t.proxy!.faults = (req) => {
      if (req.kind !== 'batch' || req.container !== 'sessions') return undefined;
      t.proxy!.faults = undefined;
      reachedStore();
      return { kind: 'hold', until };
    };
    const redelivery = t.send(execute(g.conv, bram, 'proposal.judge', first, g.sessionMessageId, 'judge-bram-1'));
    await held;

    // The first delivery is stored, and Bram changes his mind on the card it gave him.
    const afterFirst = (await t.send(execute(g.conv, bram, 'proposal.judge', first, g.sessionMessageId, 'judge-bram-1'))).body.value;
    const second = { ...buttonData(afterFirst, 'proposal.judge'), opinion: 'disagree', reason: 'Bij nader inzien kost het te veel tijd' };
    await t.send(execute(g.conv, bram, 'proposal.judge', second, g.sessionMessageId, 'judge-bram-2'));
    expect(await judgementsOf(bram.aadObjectId)).toEqual([['disagree', 'Bij nader inzien kost het te veel tijd']]);

    // The held write lands now.
    release();
    const late = await redelivery;
    expect(late.status).toBe(200);
    expect(await judgementsOf(bram.aadObjectId)).toEqual([['disagree', 'Bij nader inzien kost het te veel tijd']]);
  });

  it('keeps the key of a press that said the same again, so it changes nothing when delivered after a later change', async () => {
    const view = (await g.press(cem, 'session.refresh', g.ids())).value;
    const first = { ...buttonData(view, 'proposal.judge'), opinion: 'agree', reason: 'Prima plan' };
    const afterFirst = (await t.send(execute(g.conv, cem, 'proposal.judge', first, g.sessionMessageId, 'judge-cem-1'))).body.value;
    // The same words again, from the card the first press gave (a new press, with its own key).
    const same = { ...buttonData(afterFirst, 'proposal.judge'), opinion: 'agree', reason: 'Prima plan' };
    expect(buttonData(afterFirst, 'proposal.judge').k).not.toEqual(buttonData(view, 'proposal.judge').k);
    const afterSame = (await t.send(execute(g.conv, cem, 'proposal.judge', same, g.sessionMessageId, 'judge-cem-2'))).body.value;
    const changed = { ...buttonData(afterSame, 'proposal.judge'), opinion: 'doubt', reason: 'Toch twijfel over de tijd' };
    await t.send(execute(g.conv, cem, 'proposal.judge', changed, g.sessionMessageId, 'judge-cem-3'));

    // Teams delivers the "same again" press once more, as a new activity.
    await t.send(execute(g.conv, cem, 'proposal.judge', same, g.sessionMessageId, 'judge-cem-2-again'));
    expect(await judgementsOf(cem.aadObjectId)).toEqual([['doubt', 'Toch twijfel over de tijd']]);
  });
});
