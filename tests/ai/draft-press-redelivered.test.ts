import { randomUUID } from 'node:crypto';
import { cardText, MEMBERS } from '../support/group-driver';
import { promptFiltered, serverError } from '../support/fake-azure-openai';
import { groupAtQuestionSix, startAppWithAi } from '../support/ai-fixtures';

/**
 * Teams delivers an invoke again when it got no timely answer. The draft press is one press:
 * delivered again after its draft already ended (here quickly, in a failure), it must not send the
 * group's answers to Azure OpenAI a second time, least of all after the content filter refused
 * them (where the card deliberately offers no "ask again"). It did: a new draft each time.
 * Found in review, stop 37.
 */
describe('the "draft proposal" press delivered twice', () => {
  let env: Awaited<ReturnType<typeof startAppWithAi>>;
  beforeAll(async () => { env = await startAppWithAi({ sharedCardIntervalMs: 0 }); });
  afterAll(() => env.stop());

  it.each([
    ['the content filter refused the prompt', [promptFiltered('violence')], 'Het inhoudsfilter van AI hield dit tegen'],
    ['Azure failed', [serverError(), serverError()], 'Vraag AI opnieuw'],
  ])('after %s, asks Azure once', async (name, behaviours, says) => {
    const { ai, t } = env;
    const g = await groupAtQuestionSix(t, `19:probe-redeliver-${name.replace(/\W+/g, '-')}@thread.v2`);
    const press = randomUUID();
    const before = ai.requests.length;
    ai.script(...behaviours);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids(), g.sessionMessageId, press);
    await t.app.background.idle();
    expect(cardText(g.sharedCard())).toContain(says);
    const afterFirst = ai.requests.length - before;
    // The same activity, delivered again.
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids(), g.sessionMessageId, press);
    await t.app.background.idle();
    expect(ai.requests.length - before).toBe(afterFirst);
  }, 60_000);
});
