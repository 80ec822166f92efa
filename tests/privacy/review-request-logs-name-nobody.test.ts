/**
 * A guard (held when written, in review of stop 57).
 *
 * The request flow's logs (a send whose card cannot be queued, a send, a withdraw) name nobody and
 * carry no words. Names and ids carry "zyxwv", the words "mrk".
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { directoryFile, personalChat, pressIn } from '../talent-review/support/proposal-put-before';

const [anna, mia] = ['Zyxwv-Anna', 'Zyxwv-Mia'].map(user) as [TestUser, TestUser];
const SEND = 'review.request.send';
const CONFIRM = 'review.request.confirmWithdraw';
const WITHDRAW = 'review.request.withdraw';
const MARKERS = [/zyxwv/i, /mrk/i];

describe('the request flow logs nobody and no words', () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    await t.send(message(personalChat(t, who), who, text));
    return lastCardIn(who);
  };
  const leaks = () => t.logs.filter((l) => MARKERS.some((m) => m.test(l))).map((l) => l.slice(0, 400));

  beforeAll(async () => {
    const directory = directoryFile([
      { id: anna.aadObjectId, name: 'Zyxwv-Anna', managerId: mia.aadObjectId },
      { id: mia.aadObjectId, name: 'Zyxwv-Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
  }, 120_000);
  afterAll(() => t?.stop());

  it('a send whose card cannot be queued, a send, a withdraw: no name, id or word in any log line', async () => {
    const failing = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    const outboxDown = (r: { container?: string; kind: string }) => (r.container === 'outbox' && r.kind !== 'pointRead' && r.kind !== 'query' ? { kind: 'status' as const, status: 503 } : undefined);
    const failed = await t.proxy!.withFaults(outboxDown as never, () => pressIn(t, anna, SEND, { ...failing, text: 'mrk burn-out' }));
    // The failure path ran (its own log line), and the form came back with the words to send again.
    expect(t.logs.some((l) => l.includes('talent review request could not be queued'))).toBe(true);
    expect(JSON.stringify(failed)).toContain('mrk burn-out');
    const data = buttonData(await say(anna, 'gesprek aanvragen'), SEND);
    expect(cardText(await pressIn(t, anna, SEND, { ...data, text: 'mrk ik wil stoppen' }))).toContain('Je verzoek is naar');
    await t.app.outbox.drain(60_000).catch(() => undefined);
    await waitUntil('Mia got the request', async () => JSON.stringify(t.connector.cards()).includes('ik wil stoppen'));
    const confirm = await pressIn(t, anna, CONFIRM, buttonData(await say(anna, 'wat ziet mijn leidinggevende'), CONFIRM));
    expect(cardText(await pressIn(t, anna, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');
    expect(t.logs.length).toBeGreaterThan(0);
    expect(leaks()).toEqual([]);
  }, 120_000);
});
