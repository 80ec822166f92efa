// A guard (held when written, in review of stop 55).

import { ADVISED, dutch, MEMBERS8, TEAMS_LIMIT, utf16 } from './largest-content';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { MAX_CONTRIBUTION_LENGTH } from '../../src/domain/week-cycle/session';
import { MAX_PROPOSAL_LENGTH, MAX_REASON_LENGTH } from '../../src/domain/proposal/proposal';

/**
 * The session summary and the week's summary at their largest honest content, driven through the
 * app. Eight members with display names as long as Teams allows (256 characters: names with
 * titles, double surnames, a location), each adding the longest answer to every group question of
 * the week, in Dutch with accents, emoji, quotes, line breaks and a long compound word; eight
 * judgements with the longest reasons; the longest decision.
 *
 * Teams refuses a bot message over about 100 KB counted in UTF-16 (the whole message: card,
 * summary, everything) and advises keeping it within 80 KB; a refused summary is lost for the
 * whole group. The promise: nothing Teams would refuse is sent; a too-large card is shortened with
 * a "more" line, never dropped.
 */
describe('the session summaries at their largest honest content', () => {
  let t: TestApp;
  let round = 0;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t.stop());

  /** Every message the app posted or updated in the group chat since `from`, that reads as a summary. */
  function summaries(g: GroupDriver, from: number, title: RegExp) {
    return t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id && c.method === 'POST' && title.test(cardText(c.activity.attachments?.[0]?.content ?? {})));
  }

  it.each(['nl', 'en'] as const)('the day summary and the week summary stay within what Teams accepts (%s)', async (language) => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:largest-summary-${round++}@thread.v2`), MEMBERS8);
    await g.setUp(language);
    await g.startCycle();
    await g.press(MEMBERS8[0]!, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (let i = 0; i < 6; i++) {
      await g.goTo(MEMBERS8[0]!, i);
      for (const m of MEMBERS8) await g.contribute(m, i + 1, dutch(MAX_CONTRIBUTION_LENGTH, m.name.slice(0, 4)));
    }
    await g.goTo(MEMBERS8[0]!, 6);
    for (const m of MEMBERS8) await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason: dutch(MAX_REASON_LENGTH, m.name.slice(0, 4)) });
    await g.press(MEMBERS8[0]!, 'proposal.decide', { ...g.ids(), decision: 'adapt', decisionReason: dutch(MAX_REASON_LENGTH, 'reden'), adoptedText: dutch(MAX_PROPOSAL_LENGTH, 'voorstel'), firstStep: dutch(MAX_REASON_LENGTH, 'stap') });
    const beforeDay1 = t.connector.calls.length;
    await g.end(MEMBERS8[0]!);
    await t.app.outbox.drain(30_000);
    const title = language === 'nl' ? /Samenvatting|Weekoverzicht/ : /Summary|summary|Week/;
    const day1 = summaries(g, beforeDay1, title);

    let beforeWeek = 0;
    for (let day = 2; day <= 4; day++) {
      t.clock.advanceMinutes(24 * 60);
      await g.startSession();
      if (day === 2) for (const m of MEMBERS8) await g.contribute(m, 8, dutch(MAX_CONTRIBUTION_LENGTH, m.name.slice(0, 4)));
      beforeWeek = t.connector.calls.length;
      await g.end(MEMBERS8[0]!);
      await t.app.outbox.drain(30_000);
    }
    const week = summaries(g, beforeWeek, title);

    expect(day1.length).toBe(1);
    expect(week.length).toBe(1);
    const over = [...day1, ...week].flatMap((c, i) => {
      const a = utf16(c.activity);
      return [...cardProblems(c.activity.attachments[0].content).filter((p) => p.startsWith('size')), ...(a > ADVISED ? [`message ${i}: ${a} bytes (UTF-16), over the advised ${ADVISED} (Teams refuses over ${TEAMS_LIMIT})`] : [])];
    });
    expect(over).toEqual([]);
  }, 300_000);
});
