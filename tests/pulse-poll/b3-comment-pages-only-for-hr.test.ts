// A guard (held when written, in review of stop 56).

/**
 * "Alle opmerkingen voluit" (pulse.results with
 * `comments`). Guards: someone who is not HR and not in the team (their own 1:1 chat), and a team
 * member in a 1:1 chat with the bot, asking for the comments pages get no comment; a team below the
 * minimum never shows up in HR's pages; HR's pages hold each shown comment once.
 */
import { message, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('the comments pages reach HR only, and never a small team', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 6)]);
  const hrChat = () => t.conversation('personal', 'a:hanna');
  let pollId = '';

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-own56-comments'.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    for (const x of [noord, zuid]) await d.install(x);
    await t.send(message(hrChat(), HR, 'peiling start alle teams 2026-12-04'));
    await d.settle();
    const n = d.pollCard(noord.id);
    pollId = n.pollId;
    for (const [i, who] of noord.members.filter((m) => m !== HR).entries()) {
      await d.press(who, d.channel(noord), 'pulse.answer', { pollId, targetId: n.targetId, ...scores(3), open: `NOORD-OPM-${i}` }, n.id, noord);
    }
    // Zuid: two answers, below the minimum of 5: its comments must never show.
    const z = d.pollCard(zuid.id);
    for (const [i, who] of zuid.members.filter((m) => m !== HR).slice(0, 2).entries()) {
      await d.press(who, d.channel(zuid), 'pulse.answer', { pollId, targetId: z.targetId, ...scores(4), open: `ZUID-OPM-${i}` }, z.id, zuid);
    }
    await t.send(message(hrChat(), HR, 'peiling sluiten alle teams'));
    await t.app.outbox.drain(30_000);
  }, 180_000);
  afterAll(() => t?.stop());

  it('HR\'s first comments page: every Noord comment once, nothing of Zuid', async () => {
    const text = cardText((await d.press(HR, hrChat(), 'pulse.results', { pollId, comments: 0 })).value);
    expect({ noord: [0, 1, 2, 3, 4, 5].map((i) => text.split(`NOORD-OPM-${i}`).length - 1), zuid: /ZUID-OPM|Zorgteam Zuid/.test(text) }).toEqual({ noord: [1, 1, 1, 1, 1, 1], zuid: false });
  }, 60_000);

  it('an outsider and a team member, each in their own 1:1 chat with the bot, get no comment', async () => {
    const outsider = user('Otto');
    const member = noord.members.find((m) => m !== HR)!;
    const seen: string[] = [];
    for (const who of [outsider, member]) {
      const reply = await d.press(who, t.conversation('personal', `a:personal-${who.name.toLowerCase()}`), 'pulse.results', { pollId, comments: 0 });
      seen.push(cardText(reply.value ?? {}) + JSON.stringify(reply.value ?? {}));
    }
    expect(seen.filter((s) => /NOORD-OPM|ZUID-OPM/.test(s))).toEqual([]);
  }, 60_000);
});
