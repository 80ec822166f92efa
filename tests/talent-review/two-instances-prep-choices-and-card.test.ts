/**
 * A guard (held when written, in review of stop 60). Two instances of the app on one store, both
 * outbox senders running as in production. Anna switches the B3-spiegel of the team she shares with
 * Mia off on her preview (served by A) while Mia opens the prep card from her list (served by B):
 * B's card was built from Anna's choices before the switch. README (stop 54): "a team switched off
 * never reaches the card, its rebuild or any text the manager gets". The test follows what Teams
 * shows in Mia's message: B's answer to her press when it comes back, and every update of that
 * message sent after it; the last one must not show the team Anna switched off.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText, MEMBERS } from '../support/group-driver';
import { PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';
import { actionData, PersonalChat, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const noord = team('Zorgteam Noord', 'noord', [anna, bram, mia]);
const raad = team('Ondernemingsraad', 'or', [anna, cem]);
const SAVE = 'review.prepTeams.save';
const NOORD_LINE = 'Boeien 75, Binden 75, Behouden 75';

function toggles(card: unknown): { id: string; title: string; value: string }[] {
  const found: { id: string; title: string; value: string }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.Toggle' && typeof o.id === 'string' && o.id.startsWith('prepTeam')) found.push({ id: o.id, title: String(o.title), value: String(o.value) });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}
function saveData(card: unknown, set: Record<string, boolean>): Record<string, unknown> {
  const inputs = Object.fromEntries(toggles(card).map((tg) => {
    const name = Object.keys(set).find((n) => tg.title.includes(n));
    return [tg.id, name === undefined ? tg.value : String(set[name])];
  }));
  return { ...actionData(card, SAVE)!, ...inputs };
}

describe("Anna's team choice on one instance while Mia opens the prep card on the other", () => {
  let a: TestApp;
  let b: TestApp;
  let reviewId = '';
  const miaChat = (t: TestApp) => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: '' }] }));
    a = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
    b = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { cosmos: a.cosmos, sharedCardIntervalMs: 0 });
    const pa = new PulseDriver(a);
    await pa.install(noord);
    await pa.install(raad);
    new PulseDriver(b).register(noord);
    new PulseDriver(b).register(raad);
    await seedPoll(a, closedPoll('poll-noord', noord.id, noord.name, '2026-11-20'), [4, 4, 4, 4, 4]);
    await seedPoll(a, closedPoll('poll-raad', raad.id, raad.name, '2026-11-21'), [2, 2, 2, 2, 2]);
    await addNote(verantwoordingDeps(a.cosmos), 'aad-anna', { key: 'n1', text: 'Anna wil leren roosteren', shared: true });
    a.clock.set('2026-11-27T10:00:00Z');
    b.clock.set('2026-11-27T10:00:00Z');
    await a.send(execute(miaChat(a), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await a.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
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
