/**
 * A guard (held when written, in review of stop 52, English parity): an English group walks a whole first week (set-up,
 * cycle, agenda, four days, proposal judged and adopted, first step, check-in/out, end, next
 * week's start, the plan, typed help/status) and every string the app sends to the group chat
 * or answers a press with (card texts, fallbackText, summaries, tooltips, plain texts) is
 * scanned for Dutch words no English text uses.
 */
import { message, TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

import { dutchIn, NAMES } from './english-scan';

describe('an English group through its first week meets no Dutch', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-06-01T07:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t?.stop());

  it('all the group chat sees and every press answer is English', async () => {
    const conv = t.conversation('groupChat');
    const g = new GroupDriver(t, conv, MEMBERS.slice(0, 4));
    const [a, b, c, d] = g.members as [TestUser, TestUser, TestUser, TestUser];
    const answers: unknown[] = [];
    const press = async (who: TestUser, verb: string, data: Record<string, unknown>, replyTo?: string) => answers.push((await g.press(who, verb, data, replyTo)).value);
    const say = (who: TestUser, text: string) => t.send({ ...message(conv, who, text), locale: 'en-GB' });
    answers.push((await g.setUp('en', '4')).value);
    answers.push((await g.startCycle()).value);
    await press(a, 'cycle.agenda.open', { groupId: g.groupId, cycleId: `${g.groupId}_w1` }, 'cycle-card');
    await press(a, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    answers.push((await g.startSession()).value);
    for (const m of g.members) answers.push((await g.checkIn(m, 4)).value);
    const texts = ['Handover', 'Info spread', 'No time', 'Too slow', 'Fixed moments', 'A handover table'];
    for (const [i, text] of texts.entries()) {
      answers.push((await g.goTo(a, i)).value);
      answers.push((await g.contribute(a, i + 1, text)).value);
    }
    answers.push((await g.goTo(a, 5)).value);
    await press(a, 'proposal.draft', g.ids());
    answers.push((await g.goTo(a, 6)).value);
    for (const who of [a, b, c]) await press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Simple' });
    await press(b, 'proposal.judge', { ...g.ids(), opinion: 'disagree', reason: '' });
    await press(d, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: 'Easy', adoptedText: '', firstStep: 'Set up the table' });
    for (const m of g.members) answers.push((await g.checkIn(m, 3, 'out')).value);
    answers.push((await g.end(a)).value);
    for (let day = 2; day <= 4; day++) {
      t.clock.advanceMinutes(24 * 60);
      answers.push((await g.startSession()).value);
      if (day === 2) answers.push((await g.contribute(b, 8, 'Less stress')).value);
      if (day === 3) await press(a, 'session.personal', { ...g.ids(), questionId: 9, text: 'Plan better' });
      answers.push((await g.end(a)).value);
    }
    await press(a, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    await press(a, 'rhythm.skip.ask', { groupId: g.groupId, week: 2 }, 'cycle-card');
    await press(a, 'rhythm.move.ask', { groupId: g.groupId, week: 2 }, 'cycle-card');
    await press(a, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-06-08', start: 'someday' }, 'cycle-card');
    await press(a, 'session.contribute', { ...g.ids(), questionId: 10, text: '' });
    for (const cmd of ['help', 'status', 'start', 'gibberish']) await say(a, `<at>Bot</at> ${cmd}`);
    t.clock.advanceMinutes(4 * 24 * 60);
    await t.app.outbox.drain(60_000);
    const sent = t.connector.calls.filter((call) => call.conversationId === conv.id).map((call) => call.activity);
    const found = [...sent, ...answers, ...g.invokeCards].flatMap((n) => dutchIn(n, NAMES));
    expect(sent.length).toBeGreaterThan(5);
    expect([...new Set(found)]).toEqual([]);
  });
});
