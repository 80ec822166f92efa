/**
 * A guard (held when written, in review of stop 60). Two instances of the app on one store, both
 * outbox senders running as in production. Anna switches the B3-spiegel of the team she shares with
 * Mia off on her preview (served by A) while Mia opens the prep card from her list (served by B):
 * B's card was built from Anna's choices before the switch. README (stop 54): "a team switched off
 * never reaches the card, its rebuild or any text the manager gets". The test follows what Teams
 * shows in Mia's message: B's answer to her press when it comes back, and every update of that
 * message sent after it; the last one must not show the team Anna switched off.
 */
import { execute } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { PulseDriver } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { PersonalChat } from '../verantwoording/support';
import { anna, mia, NOORD_LINE, noord, planAnnasReview, prepDirectory, raad, SAVE, saveData, seedPollsAndNote } from './support/prep-team-choices';

describe("Anna's team choice on one instance while Mia opens the prep card on the other", () => {
  let a: TestApp;
  let b: TestApp;
  let reviewId = '';
  const miaChat = (t: TestApp) => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    const directory = prepDirectory();
    a = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
    b = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { cosmos: a.cosmos, sharedCardIntervalMs: 0 });
    const pa = new PulseDriver(a);
    await pa.install(noord);
    await pa.install(raad);
    new PulseDriver(b).register(noord);
    new PulseDriver(b).register(raad);
    await seedPollsAndNote(a);
    a.clock.set('2026-11-27T10:00:00Z');
    b.clock.set('2026-11-27T10:00:00Z');
    reviewId = await planAnnasReview(a, miaChat(a));
    a.app.outbox.start();
    b.app.outbox.start();
  }, 120_000);
  afterAll(async () => {
    await b?.stop();
    await a?.stop();
  });

  it("B's card built before the switch: what Mia's message shows last has no trace of the team Anna switched off", async () => {
    const gate = cosmosGate(a.proxy!);
    // B's turn stopped as it remembers the message (after it built the card from Anna's old choices).
    const held = gate.hold((req) => req.method === 'PUT' && (req.url ?? '').split('?')[0]!.endsWith(`/colls/reviews/docs/${reviewId}`));
    const show = b.send(execute(miaChat(b), mia, 'review.prep.show', { reviewId }, 'list-card-b'));
    await held.arrived;
    // Anna switches Noord off on A, stored and told "bewaard".
    const annaChat = new PersonalChat(a, anna);
    const preview = (await annaChat.say('wat ziet mijn leidinggevende')).cards[0];
    const saved = await a.send(execute(annaChat.conv, anna, SAVE, saveData(preview, { 'Zorgteam Noord': false }), 'preview-card'));
    expect(cardText(saved.body.value)).toContain('Je keuze is bewaard.');
    held.release();
    const reply = await show;
    const answeredAt = [a.connector.calls.length, b.connector.calls.length] as const;
    const updates = () => [...a.connector.calls, ...b.connector.calls].filter((c) => c.method === 'PUT' && c.activityId === 'list-card-b');
    const stale = cardText(reply.body.value).includes(NOORD_LINE);
    // Both senders run: whatever rebuild of Mia's message was queued goes out by itself.
    await waitUntil('a rebuild of the stale message', () => !stale || updates().length > 0, { timeoutMs: 20_000 }).catch(() => undefined);
    await Promise.all([a.app.outbox.drain(30_000), b.app.outbox.drain(30_000)]);
    // What Teams shows: B's answer, unless an update of the message was sent after it.
    const after = [...a.connector.calls.slice(answeredAt[0]), ...b.connector.calls.slice(answeredAt[1])].filter((c) => c.method === 'PUT' && c.activityId === 'list-card-b');
    const before = updates().length - after.length;
    const shown = after.length ? cardText(after.at(-1)!.activity?.attachments?.[0]?.content) : cardText(reply.body.value);
    expect({ updatesBeforeAnswer: before, builtStale: stale, rebuiltAfterAnswer: after.length > 0, showsSwitchedOffTeam: shown.includes(NOORD_LINE) || shown.includes('Zorgteam Noord') }).toEqual({
      // An update sent before B's answer came back would lie under it (no check follows an Action.Execute answer).
      updatesBeforeAnswer: 0,
      builtStale: stale,
      rebuiltAfterAnswer: stale,
      showsSwitchedOffTeam: false,
    });
  }, 90_000);
});
