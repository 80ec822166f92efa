import { cardText, MEMBERS } from '../support/group-driver';
import { FakeAzureOpenAi, success } from '../support/fake-azure-openai';
import { TestApp } from '../support/test-app';
import { groupAtQuestionSix, HANDOVER_DRAFT, startAppWithAi } from '../support/ai-fixtures';

const DRAFT = HANDOVER_DRAFT;

/**
 * The shared card shows the newest state. The AI draft arrives outside any click; when Teams
 * throttles its update, a step pressed meanwhile must not be overwritten by the older draft card.
 */
describe('the AI draft update and a newer step', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let stop: () => Promise<void>;
  beforeAll(async () => {
    ({ ai, t, stop } = await startAppWithAi());
  });
  afterAll(() => stop());

  it('leaves the newest state on the shared card when the draft\'s update was throttled', async () => {
    const g = await groupAtQuestionSix(t, '19:ai-throttled@thread.v2');
    await t.app.sharedCards.idle();
    let throttled = 0;
    const isDraftCard = (req: { method: string; body: unknown }) => req.method === 'PUT' && JSON.stringify(req.body).includes(DRAFT.proposal);
    const isStepCard = (req: { method: string; body: unknown }) => req.method === 'PUT' && JSON.stringify(req.body).includes('Vraag 7');
    // Teams answers the draft's card update with 429 once. Its second try is held until the step's
    // card has reached Teams, or for at most 3 s when that card waits behind it (one lane).
    let stepArrived!: () => void;
    const stepCard = new Promise<void>((resolve) => (stepArrived = resolve));
    t.connector.faults.push((req) => (throttled === 0 && isDraftCard(req) ? (throttled++, { status: 429, retryAfterSeconds: 1 }) : undefined));
    t.connector.holds.push((req) => {
      if (isStepCard(req)) stepArrived();
      return throttled === 1 && isDraftCard(req) ? Promise.race([stepCard, new Promise<void>((resolve) => setTimeout(resolve, 3000))]) : undefined;
    });
    ai.script(success(DRAFT));
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    for (let i = 0; throttled === 0; i++) {
      if (i > 3000) throw new Error('the draft card never reached Teams');
      await new Promise((resolve) => setTimeout(resolve, 10)); // wait for the draft's first try
    }
    await g.goTo(MEMBERS[0]!, 6); // question 7: the group judges
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    await t.app.sharedCards.idle();
    expect(throttled).toBe(1);
    expect((await g.session()).currentIndex).toBe(6);
    expect(cardText(g.sharedCard())).toContain('Vraag 7');
  });
});
