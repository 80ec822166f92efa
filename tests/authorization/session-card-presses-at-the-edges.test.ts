/**
 * A guard (held when written, in review of stop 53): presses on the session card with data at the
 * edges the zod shapes allow (goto index 50, a contribution, personal answer or learning need on
 * question 999, the first step of an unknown proposal) answer (no hang, no stack), and nothing of
 * them is stored; index 1 answers as usual.
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('session card presses at the edges of the shapes', () => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat', '19:session-card-edges@thread.v2'), MEMBERS.slice(0, 4));
    await g.setUp('nl', '20');
    await g.startCycle();
    await g.startSession();
  }, 60_000);
  afterAll(() => t.stop());

  it('index 1 answers', async () => {
    expect(cardText((await g.goTo(MEMBERS[0]!, 1)).value)).not.toBe('');
  }, 20_000);
  it.each([
    ['goto index 50', 'session.goto', () => ({ ...g.ids(), index: 50 })],
    ['goto from 50', 'session.goto', () => ({ ...g.ids(), index: 1, from: 50 })],
    ['contribute to question 999', 'session.contribute', () => ({ ...g.ids(), questionId: 999, text: 'buiten het kader' })],
    ['personal answer to question 999', 'session.personal', () => ({ ...g.ids(), questionId: 999, text: 'buiten het kader' })],
    ['learning need on question 999', 'learningNeed.pass', () => ({ ...g.ids(), questionId: 999, theme: 'x', learningNeedText: 'iets' })],
    ['first step of an unknown proposal', 'proposal.firstStep', () => ({ ...g.ids(), proposalId: 'prop_nope', firstStepStatus: 'done' })],
  ] as [string, string, () => Record<string, unknown>][])('%s: answers, no stack, nothing of it stored', async (_n, verb, data) => {
    const res = await g.press(MEMBERS[0]!, verb, data());
    const text = typeof res.value === 'string' ? res.value : cardText(res.value);
    expect(/\bat \S+ \(|Error:|TypeError/.test(text)).toBe(false);
    expect(text).not.toBe('');
    expect((await g.items('contribution')).map((c: { text: string }) => c.text)).not.toContain('buiten het kader');
  }, 20_000);
});
