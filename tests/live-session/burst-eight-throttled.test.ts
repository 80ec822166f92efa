import { execute, submit, TestUser } from '../support/activities';
import { cosmosGate, isMemberWrite } from '../support/cosmos-gate';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { EIGHT, ERROR_TITLE, exportOf, isNormalCard, postStraight, sharedCurrent, tally } from './support';
import { judgementsOf } from './race-app';

/**
 * Found in review, stop 49: eight members answer within one second, half on Action.Execute and half
 * on the Action.Submit fallback (whose answers do edit the shared card), while Teams answers every
 * other card update with 429 and redelivers every activity, once while the first is still running
 * and once after it finished.
 */
describe('eight members in a burst while Teams throttles card updates', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('every answer is stored once, no presser gets an error for a stored answer, and the step after the burst lands on the card', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:burst-eight@thread.v2'), EIGHT);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await t.app.sharedCards.idle();
    let puts = 0;
    const isSessionPut = (req: { method: string; path: string }) => req.method === 'PUT' && req.path.endsWith(`/activities/${g.sessionMessageId}`);
    t.connector.faults.push((req) => (isSessionPut(req) && puts++ % 2 === 0 ? { status: 429, retryAfterSeconds: 1 } : undefined));

    const presses = EIGHT.map((m, i) => {
      const text = `${m.name} in de drukte`;
      const data = { ...g.ids(), questionId: 1, text };
      return { who: m, text, execute: i % 2 === 0, activity: i % 2 === 0 ? execute(g.conv, m, 'session.contribute', data, g.sessionMessageId) : submit(g.conv, m, { verb: 'session.contribute', ...data }, g.sessionMessageId) };
    });
    // Each press twice at once (Teams redelivers while the first runs), then once more after.
    const first = await Promise.all(presses.flatMap((p) => [postStraight(t, p.activity), postStraight(t, p.activity)]));
    const again = await Promise.all(presses.map((p) => postStraight(t, p.activity)));
    await t.app.sharedCards.idle();
    await t.app.outbox.drain(30_000);

    expect([...first, ...again].map((r) => r.status).filter((s) => s !== 200)).toEqual([]);
    const executeAnswers = [...first, ...again].filter((_, i) => presses[(i < first.length ? Math.floor(i / 2) : i - first.length)]!.execute);
    expect(executeAnswers.filter((r) => !isNormalCard(r.body)).map((r) => cardText(r.body?.value))).toEqual([]);
    // The same card both times: each Execute presser's answers show their answer.
    presses.forEach((p, i) => {
      if (!p.execute) return;
      for (const r of [first[2 * i]!, first[2 * i + 1]!, again[i]!]) expect(cardText(r.body.value)).toContain(p.text);
    });
    // No error card reached anyone's own chat (the Submit fallback's refusals go there).
    const privateErrors = t.connector.calls.filter((c) => c.conversationId.startsWith('a:') && JSON.stringify(c.activity).includes(ERROR_TITLE));
    expect(privateErrors).toEqual([]);
    for (const m of EIGHT) {
      const kept = tally((await exportOf(t, m)).contributions.map((c) => c.text));
      expect({ who: m.name, kept: [...kept] }).toEqual({ who: m.name, kept: [[`${m.name} in de drukte`, 1]] });
    }
    expect(t.logs.join('\n')).not.toContain('card action failed');
    expect(puts).toBeGreaterThan(1);

    // The group's step, still throttled: the card ends on it.
    const step = await g.press(EIGHT[0]!, 'session.goto', { ...g.ids(), index: 1 });
    expect(isNormalCard(step)).toBe(true);
    await t.app.sharedCards.idle();
    expect((await g.session()).currentIndex).toBe(1);
    expect(sharedCurrent(g)).toContain('2.');
  });
});

/**
 * Teams delivers the same invoke again (same activity id) while the first is still running (its
 * write held at the store) and again after it finished: one write, the same answer each time.
 */
describe('a judgement and a decision delivered again while the first still runs', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    gate = cosmosGate(t.proxy!);
  });
  afterAll(() => t.stop());

  it('judgement: one stored, all three deliveries answered with the same view', async () => {
    const members = EIGHT.slice(0, 4);
    const g = new GroupDriver(t, t.conversation('groupChat', '19:redelivered-judgement@thread.v2'), members);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'EIGEN: een overdrachtstafel'], { checkIn: 4 });
    const [anna] = members as [TestUser];
    const activity = execute(g.conv, anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan', k: 'k-anna-judge' }, g.sessionMessageId, 'judge-anna-1');
    const held = gate.hold(isMemberWrite);
    const firstP = postStraight(t, activity);
    await held.arrived;
    const second = await postStraight(t, activity);
    held.release();
    const first = await firstP;
    const third = await postStraight(t, activity);
    const answers = [first, second, third];
    expect(answers.map((a) => isNormalCard(a.body))).toEqual([true, true, true]);
    const texts = answers.map((a) => cardText(a.body.value).replace(/\s+/g, ' '));
    expect(texts[1]).toEqual(texts[0]);
    expect(texts[2]).toEqual(texts[0]);
    expect((await judgementsOf(t, g)).filter((j) => j.memberId === anna.aadObjectId)).toHaveLength(1);
  });

  it('decision: stored and counted once, all three deliveries answered with the same view', async () => {
    const members = EIGHT.slice(0, 4);
    const g = new GroupDriver(t, t.conversation('groupChat', '19:redelivered-decision@thread.v2'), members);
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'EIGEN: een overdrachtstafel'], { checkIn: 4 });
    const [anna, bram, cem] = members as [TestUser, TestUser, TestUser];
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed' });
    const activity = execute(g.conv, cem, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Eenvoudig', adoptedText: '', firstStep: 'Morgen de tafel', k: 'k-cem-decide' }, g.sessionMessageId, 'decide-cem-1');
    const held = gate.hold((req) => isMemberWrite(req) || (req.method === 'PUT' && (req.url ?? '').includes(`${g.groupId}_w1_p`)));
    const firstP = postStraight(t, activity);
    await held.arrived;
    const second = await postStraight(t, activity);
    held.release();
    const first = await firstP;
    const third = await postStraight(t, activity);
    await t.app.sharedCards.idle();
    const answers = [first, second, third];
    expect(answers.map((a) => isNormalCard(a.body))).toEqual([true, true, true]);
    const texts = answers.map((a) => cardText(a.body.value).replace(/\s+/g, ' '));
    expect(texts[1]).toEqual(texts[0]);
    expect(texts[2]).toEqual(texts[0]);
    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(proposal.decision?.verdict ?? proposal.decision).toBeTruthy();
    await waitUntil('the shared card shows the decision', () => cardText(g.sharedCard()).includes('Morgen de tafel'));
  });
});
