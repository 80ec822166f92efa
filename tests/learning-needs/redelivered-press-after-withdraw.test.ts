/**
 * Found in review, stop 41. Anna passes a learning need on to L&O, then withdraws it. Teams
 * delivers her earlier "pass on" press again (same activity id and stamp, as a retry does): it
 * carried no key, and wrote the need back as pending, so the weekly handover would have sent it
 * against her withdrawal. What must hold: a press delivered again after a later change (a
 * withdrawal, or passing on anew) changes nothing, whether it carries the card's key or only its
 * activity id; the withdrawal leaves nothing of what was passed on; and a new press still works.
 */
import { execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { allActionData } from '../verantwoording/support';

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

describe('a "pass on" or "withdraw" press delivered again after a later change', () => {
  let t: TestApp;
  let g: GroupDriver;
  const members: TestUser[] = ['Anna', 'Bram', 'Cem'].map(user);
  const [anna] = members as [TestUser];
  const q9 = () => ({ ...g.ids(), questionId: 9 });
  const recordsOfAnna = async (): Promise<Doc[]> =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE STARTSWITH(c.type, 'learningNeed') AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;
  const passOnsOfAnna = async () => (await recordsOfAnna()).filter((r) => r.type === 'learningNeedPassOn').map((p) => ({ status: p.status, theme: p.theme, text: p.text }));
  /** The press exactly as Teams sent it, to send again. */
  const pressOf = (verb: string, data: Record<string, unknown>) => ({ ...execute(g.conv, anna, verb, data, g.sessionMessageId), timestamp: t.clock.now().toISOString() });

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat', '19:ln-redeliver@thread.v2'), members);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9', day2: '1,2,3', day3: '4,5,6,7', day4: '8,10' }, 'cycle-card');
    await g.startSession();
    await g.press(anna, 'session.personal', { ...q9(), text: 'Ik wil leren coachen.' });
  }, 120_000);
  afterAll(() => t.stop());

  it('keeps the withdrawal: the old "pass on" press (no card key) delivered again stores nothing', async () => {
    const pass = pressOf('learningNeed.pass', { ...q9(), theme: 'coachen', learningNeedText: 'Coachen van stagiairs' });
    expect(cardText((await t.send(pass)).body.value)).toContain('Doorgegeven');
    t.clock.advanceMinutes(1);
    expect(cardText((await g.press(anna, 'learningNeed.withdraw', q9())).value)).toContain('Ingetrokken');

    // Teams delivers the first press again (same id, same stamp): the member is told what stands.
    const again = await t.send(pass);
    expect(cardText(again.body.value)).toContain('Ingetrokken');
    expect(cardText(again.body.value)).not.toContain('Doorgegeven');

    expect(await passOnsOfAnna()).toEqual([]);
    // What the withdrawal left names nothing of what was passed on, nor to whom.
    const [left, ...more] = await recordsOfAnna();
    expect({ more, left: Object.keys(left!).filter((k) => !k.startsWith('_')).sort(), type: left!.type }).toEqual({ more: [], left: ['answerId', 'id', 'keys', 'rev', 'type', 'userId'], type: 'learningNeedWithdrawn' });
    expect(JSON.stringify(left)).not.toMatch(/coachen|stagiairs|tenant/i);
  });

  it('with the card\'s key: an older press (another activity id) after passing on anew and withdrawing changes nothing, and the member can pass on again', async () => {
    const card = (await g.press(anna, 'learningNeed.open', q9())).value;
    const [passData] = allActionData(card, 'learningNeed.pass');
    expect(passData).toEqual({ ...q9(), k: expect.any(String) });
    const pass = { ...passData, theme: 'digitaal', learningNeedText: 'Excel leren' };
    expect(cardText((await g.press(anna, 'learningNeed.pass', pass)).value)).toContain('Doorgegeven');
    const pending = (await g.press(anna, 'learningNeed.open', q9())).value;
    const [withdrawData] = allActionData(pending, 'learningNeed.withdraw');
    expect(withdrawData).toEqual({ ...q9(), k: expect.any(String) });
    expect(cardText((await g.press(anna, 'learningNeed.withdraw', withdrawData!)).value)).toContain('Ingetrokken');

    // The same "pass on" press under another activity id (a retry Teams sent anew): nothing.
    await g.press(anna, 'learningNeed.pass', pass, g.sessionMessageId, 'redelivered-pass');
    expect(await passOnsOfAnna()).toEqual([]);

    // A new press passes it on again; then the old withdrawal, delivered again, leaves it.
    const fresh = allActionData((await g.press(anna, 'learningNeed.open', q9())).value, 'learningNeed.pass')[0]!;
    expect(fresh.k).not.toEqual(passData!.k);
    expect(cardText((await g.press(anna, 'learningNeed.pass', { ...fresh, theme: 'vitaliteit', learningNeedText: 'Minder werkdruk' })).value)).toContain('Doorgegeven');
    const oldWithdrawal = await g.press(anna, 'learningNeed.withdraw', withdrawData!, g.sessionMessageId, 'redelivered-withdraw');
    expect(cardText(oldWithdrawal.value)).not.toContain('Ingetrokken');
    expect(await passOnsOfAnna()).toEqual([{ status: 'pending', theme: 'vitaliteit', text: 'Minder werkdruk' }]);
    // And the "pass on" of before that, delivered again, does not put back its theme.
    await g.press(anna, 'learningNeed.pass', pass, g.sessionMessageId, 'redelivered-pass-2');
    expect(await passOnsOfAnna()).toEqual([{ status: 'pending', theme: 'vitaliteit', text: 'Minder werkdruk' }]);
  });

  it('hands over only what stands: the withdrawn need of the first answer never reaches L&O', async () => {
    for (const who of members.slice(1)) {
      await g.press(who, 'session.personal', { ...q9(), text: `Antwoord van ${who.name}` });
      await g.press(who, 'learningNeed.pass', { ...q9(), theme: 'vitaliteit', learningNeedText: '' });
    }
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam: the weekly handover
    await t.app.scheduler.runDue();
    const batches: Doc[] = (await t.store.container('learningNeeds').items.readAll().fetchAll()).resources;
    expect(batches.map((b) => ({ people: b.people, needs: b.needs, themes: Object.keys(b.themes) }))).toEqual([{ people: 3, needs: 3, themes: ['vitaliteit'] }]);
    expect(JSON.stringify(batches)).not.toMatch(/stagiairs|Excel/);
    // Stripped at the handover, keys too: nothing of what was passed on stays with Anna.
    expect((await recordsOfAnna()).map((r) => Object.keys(r).filter((k) => !k.startsWith('_')).sort())).toEqual([['answerId', 'id', 'status', 'type', 'userId']]);
  });
});
