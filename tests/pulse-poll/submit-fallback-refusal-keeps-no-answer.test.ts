import { ConversationSpec, submit } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A member answers the channel poll card on a client without Action.Execute: Teams sends the
 * Action.Submit fallback (a message in the channel with the inputs). They skipped one statement,
 * so the answer is refused. The form cannot come back in a channel, so the refusal is the plain
 * error card in their 1:1 chat (queued in the outbox). A refused B3 answer is never rebuilt into a
 * card from the inputs (refusedFormFallback: `onlyInReply` on the poll's answer form):
 *  - such a card, queued addressed to them (Teams id and Entra id), would put a named person's B3
 *    scores and comment together in Cosmos DB while Teams cannot take it (throttling, an outage:
 *    retried for a day);
 *  - its "Opnieuw proberen" button would send the answer from the 1:1 chat, where a channel poll
 *    is never taken: refused again as "another team or chat". A dead end.
 * Found in review, stop 39.
 */
describe('a refused poll answer sent with the Action.Submit fallback in a channel', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const who = noord.members[3]!;
  const personal = (): ConversationSpec => ({ id: `a:1on1-${who.id}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-submit-fallback'.padEnd(40, 's') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start dit team 2026-12-04');
  }, 60_000);
  afterAll(() => t.stop());

  it('keeps no document that ties the member to their scores and comment, also while Teams is unavailable', async () => {
    const card = d.pollCard(noord.id);
    // Teams does not take messages for this member for now (503: retried later).
    t.connector.faults = [(req) => (JSON.stringify(req.body ?? {}).includes(who.id) || (req.conversationId ?? '').includes(who.id) ? { status: 503 } : undefined)];
    // Seven 1s and a 5 on pay; binden left open; and a comment only they wrote.
    const answer: Record<string, string> = { ...scores(1, { beloning: 5 }), open: 'Mijn salaris is te laag, ik kijk rond' };
    delete answer.item_binden;
    const res = await t.send(d.inTeam(submit(d.channel(noord), who, { verb: 'pulse.answer', pollId: card.pollId, targetId: card.targetId, ...answer }, card.id), noord));
    expect(res.status).toBe(200);
    await t.app.background.idle();

    const tally = (await t.cosmos.container('pollAnswers').item('tally', card.pollId).read()).resource;
    expect(tally.teams[card.targetId].count).toBe(0);
    const stored = (await d.everything())
      .map(({ container, doc }) => ({ container, json: JSON.stringify(doc) }))
      .filter(({ json }) => json.includes(who.aadObjectId) || json.includes(who.id))
      .filter(({ json }) => json.includes('"item_beloning":"5"') || json.includes('salaris'))
      .map(({ container, json }) => ({ container, scores: json.includes('"item_beloning":"5"'), comment: json.includes('salaris') }));
    t.connector.faults = [];
    expect(stored).toEqual([]);
  }, 60_000);

  it('offers no retry in the 1:1 chat that can only be refused again', async () => {
    await d.settle();
    const sent = t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.id}`).at(-1);
    const retry = (sent?.card.actions ?? []).find((a: { verb?: string }) => a.verb === 'pulse.answer');
    if (!retry) return; // an error card without the answer: fine
    const reply = await d.press(who, personal(), 'pulse.answer', { ...retry.data, item_binden: '3' }, sent!.call.id);
    expect(cardText(reply.value)).not.toContain('hoort bij een ander team');
  }, 60_000);
});
