import { cardText, MEMBERS } from '../support/group-driver';
import { success } from '../support/fake-azure-openai';
import { groupAtQuestionSix, startAppWithAi } from '../support/ai-fixtures';
import { cardProblems } from '../support/card-validator';

/**
 * A guard (review, stop 37; it passed when written): the proposal card fits Teams' limit (28 KB) even with the longest AI output the schema
 * lets through (a 2000-character proposal, 6 x 400 characters in each list), beside the group's
 * comments at question 6 (12 shown), or with text that grows when escaped in JSON. Teams refuses a
 * larger bot message with 413; the connector here does so as
 * tests/pulse-poll/poll-commands-bad-arguments.test.ts models it (JSON over 28,000 characters).
 * Measured at review: 16.6k, 25.4k and 22.5k characters (33-51 KB in UTF-16, under the 80 KB
 * UTF-16 the app's card validator allows, as Microsoft's "Format your bot messages" advises).
 */
const LIMIT_CHARS = 28_000;
const prose = (n: number) => 'De overdracht gebeurt "op de gang" & zonder vaste vorm; '.repeat(Math.ceil(n / 56)).slice(0, n - 1) + '.';
const escapes = (n: number) => '"\\n'.repeat(n).slice(0, n - 1) + '.';

describe('the proposal card with the longest AI draft', () => {
  let env: Awaited<ReturnType<typeof startAppWithAi>>;
  beforeAll(async () => { env = await startAppWithAi({ sharedCardIntervalMs: 0 }); });
  afterAll(() => env.stop());

  it.each([
    ['long prose, no comments yet', prose, 0],
    ['long prose, 12 long comments at question 6', prose, 12],
    ['text that doubles when escaped', escapes, 0],
  ])('shows the draft on the shared card: %s', async (name, fill, comments) => {
    const { ai, t } = env;
    const g = await groupAtQuestionSix(t, `19:probe-size-${name.replace(/\W+/g, '-')}@thread.v2`);
    for (let i = 0; i < comments; i++) await g.contribute(g.members[i % 3]!, 6, prose(2000));
    const item = fill(400);
    ai.script(success({ proposal: fill(2000), assumptions: Array(6).fill(item), risks: Array(6).fill(item), questionsToCheck: Array(6).fill(item) }));
    const sizes: number[] = [];
    t.connector.faults = [(req) => {
      const json = JSON.stringify(req.body ?? {});
      if (json.includes('Gemaakt door AI')) sizes.push(json.length);
      return json.length > LIMIT_CHARS ? { status: 413 } : undefined;
    }];
    try {
      await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
      await t.app.background.idle();
    } finally {
      t.connector.faults = [];
    }
    expect(sizes.length).toBeGreaterThan(0);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(LIMIT_CHARS);
    expect(cardText(g.sharedCard())).toContain('Gemaakt door AI');
    expect(cardProblems(g.sharedCard())).toEqual([]);
  }, 120_000);
});
