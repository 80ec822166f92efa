import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Once the group has begun judging its own proposal, no AI draft may start: one landing
 * would put the AI's text in place of the text the group is judging, and their judgements would
 * stop counting (proposal.ts, startDrafting; the handler answers an old card's press with
 * "AI vragen kan nu niet meer"). A draft that stalled (its instance died, or its answer was lost:
 * the card then offers "Vraag AI opnieuw") escapes that rule: pressed after the members judged,
 * from a card shown before they did, it started a new draft, which replaced the judged text. Now
 * it is refused like any other late "ask AI". Found in review, stop 39.
 */
describe('asking AI again after a stalled draft, once the group judges its own proposal', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp(ai.env, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(async () => {
    // The held requests end with the fake's sockets, so the app's drafts end before it stops.
    await ai.close();
    await t.stop();
  });

  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const proposalDoc = async (g: GroupDriver) =>
    (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposal'", parameters: [] }, { partitionKey: g.groupId }).fetchAll()).resources[0];

  /** The data of the "ask AI" button on a card, if it has one. */
  function draftButton(card: unknown): Record<string, unknown> | undefined {
    let found: Record<string, unknown> | undefined;
    const walk = (n: unknown) => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (o.type === 'Action.Execute' && o.verb === 'proposal.draft') found = o.data as Record<string, unknown>;
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    return found;
  }

  it('starts no new draft over the text the members judged', async () => {
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:stalled-judged@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier'], { checkIn: 4 });
    await g.press(bram, 'proposal.draft', g.ids());
    await ai.held(); // the model never answers: the draft stalls
    await g.contribute(cem, 6, 'EIGEN-VOORSTEL: vaste overdracht van tien minuten');
    t.clock.advanceMinutes(3);
    // Anna's card at question 6, now: the draft stalled, nobody judged yet, so it offers to ask again.
    const annasCard = (await g.goTo(anna, 5)).value;
    expect(cardText(annasCard)).toContain('Het voorstel van AI kwam niet');
    const button = draftButton(annasCard);
    expect(button).toBeDefined();
    const first = (await proposalDoc(g)).ai;
    expect(first.status).toBe('drafting');

    // The group moves on and Bram and Cem judge the group's own proposal.
    await g.goTo(bram, 6);
    for (const who of [bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed voorstel' });

    // Anna presses the button her card still shows.
    const reply = await g.press(anna, 'proposal.draft', button!);
    const after = (await proposalDoc(g)).ai;
    expect({ restarted: after.attempt !== first.attempt, reply: JSON.stringify(reply.value ?? reply).includes('AI vragen kan nu niet meer') })
      .toEqual({ restarted: false, reply: true });
  }, 60_000);
});
