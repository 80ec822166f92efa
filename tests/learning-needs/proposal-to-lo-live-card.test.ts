/**
 * Stop 48: "Delen met L&O" on the live session card once the group decided. Before, only the
 * session summary had it, so a group that adopted its proposal saw the button only after the
 * session closed. The decision part of the session card (the shared card and a member's own view)
 * now has the same button, with the same verb and data as the summary's (and its session), so the
 * same preview and share follow; never on a rejection or before a decision. The presser's preview,
 * which replaces the live card for them alone, has "Terug naar de sessie" (their own view again). It costs the session's turns nothing:
 * the card knows the decision from the state it already read (request-counts.test.ts).
 *
 * Anna, Bram and Cem adapt their proposal on day 1 (the session still open); Bram presses the
 * button on the live card: the preview comes to him alone (nothing posted or updated in the chat,
 * nothing stored); he shares: one record, one notice in the group's chat. Cem presses the live
 * card's button and shares too: still one record and one notice. Dewi, Eva and Finn reject theirs:
 * no button on their card.
 */
import { submit, TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { actionData } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const OWN_WORDS = 'Wij doen de overdracht samen aan het bed.';

/** The Action.Submit fallback's data of the Action.Execute with this verb. */
function fallbackData(node: any, verb: string): Record<string, unknown> | undefined {
  if (!node || typeof node !== 'object') return undefined;
  if (node.type === 'Action.Execute' && node.verb === verb) return node.fallback?.data;
  for (const v of Object.values(node)) {
    const hit = fallbackData(v, verb);
    if (hit) return hit;
  }
  return undefined;
}

describe('"Delen met L&O" on the live session card after the group decided', () => {
  let t: TestApp;
  const stored = async (): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources;
  const inChat = (g: GroupDriver, from = 0) => t.connector.calls.slice(from).filter((c) => c.conversationId === g.conv.id);
  const notices = (g: GroupDriver) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).filter((x) => cardText(x.card).includes('Gedeeld met L&O op'));

  /** A group at question 7 that judges its proposal; `decision` then decides it, the session still open. */
  async function atJudgement(chatId: string, members: TestUser[]) {
    const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    return { g, proposalId };
  }

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  });
  afterAll(() => t?.stop());

  it('is on the shared card and the member\'s own view once the group adapted its proposal, not before', async () => {
    const { g, proposalId } = await atJudgement('19:plo-live-a@thread.v2', [anna, bram, cem]);
    // Judged, not decided: no button anywhere.
    expect(actionData(g.sharedCard(), 'proposalToLo.preview')).toBeUndefined();
    const own = (await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'Omdat het helpt', adoptedText: OWN_WORDS, firstStep: 'Rooster aanpassen' })).value;
    expect(cardProblems(own)).toEqual([]);
    expect(actionData(own, 'proposalToLo.preview')).toEqual({ groupId: g.groupId, proposalId, sessionId: g.sessionId });
    expect(cardText(own)).toContain('Delen met L&O');
    await waitUntil('the shared card shows the decision', () => cardText(g.sharedCard()).includes(OWN_WORDS));
    expect(cardProblems(g.sharedCard())).toEqual([]);
    expect(actionData(g.sharedCard(), 'proposalToLo.preview')).toEqual({ groupId: g.groupId, proposalId, sessionId: g.sessionId });
    expect((await g.session()).status).toBe('open');

    // Bram presses it on the live card: the preview for him alone, nothing in the chat, nothing stored.
    const before = t.connector.calls.length;
    const preview = (await g.press(bram, 'proposalToLo.preview', actionData(g.sharedCard(), 'proposalToLo.preview')!)).value;
    expect(cardProblems(preview)).toEqual([]);
    expect(cardText(preview)).toContain('Delen namens de groep');
    expect(cardText(preview)).toContain(OWN_WORDS);
    for (const absent of [anna, bram, cem].map((m) => m.name)) expect(cardText(preview)).not.toContain(absent);
    await t.app.outbox.drain(10_000);
    expect(inChat(g, before)).toEqual([]);
    expect(await stored()).toEqual([]);
    // The way back to his own view of the live card, which still offers the button.
    expect(actionData(preview, 'session.refresh')).toEqual({ groupId: g.groupId, sessionId: g.sessionId });
    const back = (await g.press(bram, 'session.refresh', actionData(preview, 'session.refresh')!)).value;
    expect(cardText(back)).toContain(OWN_WORDS);
    expect(actionData(back, 'proposalToLo.preview')).toEqual({ groupId: g.groupId, proposalId, sessionId: g.sessionId });

    // He shares from the preview: one record, one notice in the group's chat.
    const done = (await g.press(bram, 'proposalToLo.share', actionData(preview, 'proposalToLo.share')!)).value;
    expect(cardText(done)).toContain('Gedeeld met L&O op');
    expect(cardProblems(done)).toEqual([]);
    expect(actionData(done, 'session.refresh')).toEqual({ groupId: g.groupId, sessionId: g.sessionId });
    await t.app.outbox.drain(10_000);
    await waitUntil('the group is told it was shared', () => notices(g).length > 0);
    expect(await stored()).toHaveLength(1);
    expect((await stored())[0].proposalId).toBe(proposalId);

    // Cem presses the live card's button later: it says it was shared; his share stores and posts nothing new.
    const again = (await g.press(cem, 'proposalToLo.preview', actionData(g.sharedCard(), 'proposalToLo.preview')!)).value;
    expect(cardText(again)).toContain('Gedeeld met L&O op');
    await g.press(cem, 'proposalToLo.share', { groupId: g.groupId, proposalId });
    await t.app.outbox.drain(10_000);
    expect(await stored()).toHaveLength(1);
    expect(notices(g)).toHaveLength(1);

    // On a client without Action.Execute the live card's button sends its Submit fallback: the presser
    // hears in their own 1:1 chat that it was shared, with no way back to a session (that button works
    // in the group's chat only).
    const before1on1 = t.connector.calls.length;
    const data = fallbackData(g.sharedCard(), 'proposalToLo.preview');
    expect(data).toEqual({ groupId: g.groupId, proposalId, sessionId: g.sessionId, verb: 'proposalToLo.preview' });
    expect((await t.send(submit(g.conv, anna, data!, g.sessionMessageId))).status).toBe(200);
    await t.app.background.idle();
    await t.app.outbox.drain(10_000);
    const toAnna = t.connector.calls.slice(before1on1).filter((c) => c.conversationId === `a:1on1-${anna.id}`).map((c) => c.activity.attachments[0].content);
    expect(toAnna).toHaveLength(1);
    expect(cardText(toAnna[0])).toContain('Gedeeld met L&O op');
    expect(actionData(toAnna[0], 'session.refresh')).toBeUndefined();
    expect(inChat(g, before1on1).filter((c) => c.activity?.type !== 'typing')).toEqual([]);
  });

  it('is not on the card of a group that rejected its proposal', async () => {
    const { g, proposalId } = await atJudgement('19:plo-live-b@thread.v2', [dewi, eva, finn]);
    const own = (await g.press(finn, 'proposal.decide', { ...g.ids(), proposalId, decision: 'reject', decisionReason: 'Past niet', adoptedText: '', firstStep: '' })).value;
    expect(cardText(own)).toContain('Past niet');
    expect(actionData(own, 'proposalToLo.preview')).toBeUndefined();
    await waitUntil('the shared card shows the decision', () => cardText(g.sharedCard()).includes('Past niet'));
    expect(actionData(g.sharedCard(), 'proposalToLo.preview')).toBeUndefined();
    expect(cardText(g.sharedCard())).not.toContain('Delen met L&O');
  });
});
