/**
 * Found in review, stop 47 (the group's side). On a Teams client without Action.Execute, the
 * summary's "Delen met L&O" button sends its Action.Submit fallback: a message in the group chat.
 * The handler answered with the preview as a `personal` card and no `privately` note, and on the
 * fallback in a group chat (no reply only the presser sees) such a card is dropped: nothing reached
 * the presser, in the group chat or in their 1:1 chat. The button silently did nothing, and so did
 * "Delen namens de groep" and the refusals. (As for HR's "Toon rapport":
 * tests/hr-report/report-button-fallback-told-privately.test.ts.)
 *
 * Bram presses "Delen met L&O" on such a client. What must hold: he hears in his own 1:1 chat with
 * the bot that nothing was shared and where to press for the preview (the share itself is a group
 * action, refused from his 1:1 chat, so the note has no share button); the group chat stays as it
 * is and nothing is stored. Dirk, who is not in the group, is told privately that only members
 * share. A share press that arrives on the fallback in the group chat shares, and Bram sees it in
 * the group chat's notice; a later press on "Delen met L&O" tells him in his 1:1 chat that it was
 * shared, not the note. (Until stop 58 the share itself also sent him a note in his 1:1 chat; review
 * found that job in the outbox tied the share to him: lo-share-on-fallback-no-job-names-presser.test.ts.)
 */
import { submit, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { decidedGroup, executeButton, summaryIn } from './support-shared-proposal';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const dirk = user('Dirk');
const ownChat = (who: TestUser) => `a:1on1-${who.id}`;

describe('"Delen met L&O" pressed on a client without Action.Execute', () => {
  let t: TestApp;
  let g: GroupDriver;
  let summaryId: string;
  let summary: any;
  const stored = async (): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = await decidedGroup(t, '19:plo-fallback@thread.v2', [anna, bram, cem], 'Goed', { decision: 'adapt', decisionReason: 'Omdat', adoptedText: 'ONZE-WOORDEN samen aan bed', firstStep: 'Rooster' });
    ({ summaryId, summary } = await summaryIn(t, g));
    await t.app.outbox.drain(10_000);
  }, 120_000);
  afterAll(() => t?.stop());

  /** Sends a button's Submit fallback in the group chat as `who`; what reached their own chat, and where else anything went. */
  const pressOnFallback = async (who: TestUser, data: Record<string, unknown>) => {
    const before = t.connector.calls.length;
    const res = await t.send(submit(g.conv, who, data, summaryId));
    expect(res.status).toBe(200);
    await t.app.background.idle();
    await t.app.outbox.drain(10_000);
    const after = t.connector.calls.slice(before).filter((c) => c.activity?.type !== 'typing');
    return {
      toThem: after.filter((c) => c.conversationId === ownChat(who)).map((c) => c.activity.attachments[0].content),
      inGroup: after.filter((c) => c.conversationId === g.conv.id).map((c) => c.activity?.attachments?.[0]?.content),
      elsewhere: after.filter((c) => c.conversationId !== ownChat(who) && c.conversationId !== g.conv.id).map((c) => `${c.method} ${c.conversationId}`),
    };
  };

  it('tells the presser in their own chat that nothing was shared and where to press, with no share button', async () => {
    const button = executeButton(summary, 'proposalToLo.preview');
    expect(button?.fallback?.type).toBe('Action.Submit');

    const { toThem, inGroup, elsewhere } = await pressOnFallback(bram, button.fallback.data);
    expect(elsewhere).toEqual([]);
    expect(inGroup).toEqual([]);
    // Before the fix nothing at all was sent: `toThem` was empty.
    expect(toThem).toHaveLength(1);
    const note = toThem[0];
    expect(cardProblems(note)).toEqual([]);
    const text = cardText(note);
    expect(text).toContain('Er is niets gedeeld.');
    expect(text).toContain('Groep: Team Zorg');
    expect(text).toMatch(/Druk bij de samenvatting in de chat van de groep op de knop 'Delen met L&O' van die kaart/);
    // A share button here would be refused (a group action from another chat): none.
    expect(JSON.stringify(note)).not.toContain('proposalToLo.share');
    expect(await stored()).toEqual([]);
  }, 60_000);

  it('tells someone outside the group, privately, that only members share', async () => {
    const { toThem, inGroup, elsewhere } = await pressOnFallback(dirk, executeButton(summary, 'proposalToLo.preview').fallback.data);
    expect(elsewhere).toEqual([]);
    expect(inGroup).toEqual([]);
    expect(toThem.map(cardText)).toEqual(['Delen met L&O\nAlleen wie nu lid is van deze groep kan dit voorstel namens de groep met L&O delen. Er is niets gedeeld.']);
    expect(await stored()).toEqual([]);
  }, 60_000);

  it('shows the presser a share on the fallback in the group chat (no note naming them), and says so on a later press', async () => {
    // The preview's share button, as a client with Action.Execute showed it to Bram.
    const preview = (await g.press(bram, 'proposalToLo.preview', executeButton(summary, 'proposalToLo.preview').data, summaryId)).value;
    const share = executeButton(preview, 'proposalToLo.share');
    expect(share?.fallback?.type).toBe('Action.Submit');

    const shared = await pressOnFallback(bram, share.fallback.data);
    expect(shared.elsewhere).toEqual([]);
    expect(await stored()).toHaveLength(1);
    // No note in his own chat: queued beside the share it would name him as the one who shared.
    expect(shared.toThem).toEqual([]);
    // The group is told as always (the notice through the outbox), and only that: Bram sees it where he pressed.
    expect(shared.inGroup.map((c) => cardText(c).split('\n')[0])).toEqual(['Gedeeld met L&O op 23 nov 2026']);

    const again = await pressOnFallback(bram, executeButton(summary, 'proposalToLo.preview').fallback.data);
    expect(again.elsewhere).toEqual([]);
    expect(again.inGroup).toEqual([]);
    expect(again.toThem.map((c) => cardText(c).split('\n').slice(0, 2))).toEqual([['Gedeeld met L&O', 'Gedeeld met L&O op 23 nov 2026']]);
    expect(await stored()).toHaveLength(1);
  }, 60_000);
});
