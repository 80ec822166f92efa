/**
 * Stop 48 review (8178403): "Delen met L&O" on the live session card, attacked: a
 * forwarded or forged press by someone outside the group, another group's session named in the
 * press (the preview's way back), and "Terug naar de sessie" after the session closed meanwhile.
 */
import { TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { actionData } from '../verantwoording/support';

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];

describe('probe: "Delen met L&O" on the live session card', () => {
  let t: TestApp;
  async function decided(chatId: string, members: TestUser[], words: string) {
    const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(members[2]!, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'Omdat het helpt', adoptedText: words, firstStep: 'Rooster aanpassen' });
    await waitUntil('the shared card shows the decision', () => cardText(g.sharedCard()).includes(words));
    return { g, proposalId };
  }

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 120_000);
  afterAll(() => t?.stop());

  it('holds: outsiders learn nothing, another group\'s session is not reachable, and the way back after the close is a valid card', async () => {
    const a = await decided('19:probe-plo-a@thread.v2', [anna, bram, cem], 'GEHEIM-A wij doen de overdracht samen.');
    const b = await decided('19:probe-plo-b@thread.v2', [dewi, eva, finn], 'GEHEIM-B een vaste tafel.');
    const data = actionData(a.g.sharedCard(), 'proposalToLo.preview')!;

    // Dewi (group B) presses group A's button, in A's chat (a forwarded card) and in her own B chat (forged).
    for (const where of [a.g, b.g]) {
      const card = (await where.press(dewi, 'proposalToLo.preview', data)).value;
      expect(cardText(card)).not.toContain('GEHEIM-A');
      expect(actionData(card, 'proposalToLo.share')).toBeUndefined();
    }
    // Anna (group A) names group B's session in her press: her way back must not show B's session.
    const crafted = (await a.g.press(anna, 'proposalToLo.preview', { ...data, sessionId: b.g.sessionId })).value;
    const back = actionData(crafted, 'session.refresh');
    if (back) {
      const shown = (await a.g.press(anna, 'session.refresh', back)).value;
      expect(cardText(shown)).not.toContain('GEHEIM-B');
    }
    // Bram previews, the session closes meanwhile, then he presses "Terug naar de sessie".
    const preview = (await a.g.press(bram, 'proposalToLo.preview', data)).value;
    await a.g.press(cem, 'session.end', a.g.ids());
    expect((await a.g.session()).status).not.toBe('open');
    const after = (await a.g.press(bram, 'session.refresh', actionData(preview, 'session.refresh')!)).value;
    expect(after).toBeDefined();
    expect(cardProblems(after)).toEqual([]);
    expect(cardText(after)).not.toMatch(/Er ging iets mis|Something went wrong/);
  });
});
