import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { success } from '../support/fake-azure-openai';
import { HANDOVER_DRAFT, startAppWithAi } from '../support/ai-fixtures';

/**
 * The AI proposal is drafted "from the group's own answers to questions 1-5". A group that
 * reaches question 6 without having answered any of them (skipped ahead, or an agenda that puts
 * question 6 first) must not get a proposal the AI made up from nothing, presented as drafted
 * from their answers: the app should not ask Azure OpenAI and should say why. It asked Azure with
 * no answers at all, and showed what came back. Found in review, stop 37.
 */
describe('an AI draft asked for before any of questions 1-5 was answered', () => {
  let env: Awaited<ReturnType<typeof startAppWithAi>>;
  beforeAll(async () => { env = await startAppWithAi(); });
  afterAll(() => env.stop());

  it('sends nothing to Azure OpenAI and shows no invented proposal', async () => {
    const { ai, t } = env;
    const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
    const g = new GroupDriver(t, t.conversation('groupChat', '19:probe-no-answers@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    await g.goTo(anna, 5);
    ai.script(success(HANDOVER_DRAFT));
    const before = ai.requests.length;
    const pressed = await g.press(bram, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const sent = ai.requests.slice(before).map((r) => JSON.stringify(r.body));
    const shown = cardText(g.sharedCard()).includes(HANDOVER_DRAFT.proposal);
    expect({ requests: sent.length, inventedDraftShown: shown }).toEqual({ requests: 0, inventedDraftShown: false });
    // Bram hears why, and what the group can do.
    expect(JSON.stringify(pressed)).toContain('Er zijn nog geen antwoorden op vraag 1 tot 5');
    // Once a question is answered, AI drafts from it.
    await g.goTo(anna, 0);
    await g.contribute(anna, 1, 'We dragen mondeling over bij de wissel.');
    await g.goTo(anna, 5);
    await g.press(bram, 'proposal.draft', g.ids());
    await t.app.background.idle();
    expect(ai.requests.length - before).toBe(1);
  }, 120_000);
});
