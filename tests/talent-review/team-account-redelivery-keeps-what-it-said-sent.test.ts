/**
 * Found in review, stop 56 (fixed then: a delivery of the press that found the record kept by
 * another confirms it before it answers "sent", and a take-back leaves a confirmed record and its cards).
 *
 * A manager's account to their team, its send press delivered twice at once: Teams delivers an
 * invoke again when the first is slow, and the manager's card shows the answer to the second. The
 * first delivery (which created the record) is held on its first card's queue write, the second
 * runs through and answers "Verantwoording verstuurd"; then the first's queue write fails. What the
 * manager reads holds: the account is kept and reaches the team, and the first answers so as well.
 */
import type { IncomingMessage } from 'node:http';
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';

const mia = user('Mia') as TestUser;
const SEND = 'review.teamAccount.send';
const WORDS = 'DUBBEL-BEZORGD: wat ik dit kwartaal deed';

const path = (req: IncomingMessage) => (req.url ?? '').split('?')[0]!;
/** A create in the outbox (a card queued). */
const outboxCreate = (req: IncomingMessage) => req.method === 'POST' && /\/colls\/outbox\/docs\/?$/.test(path(req)) && String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() !== 'true';

describe('a team account send delivered twice at once, the first one failing late', () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT c.id, c.text FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as { id: string; text: string }[];
  const cardsWithWords = () => t.connector.cards(() => true).filter((c) => JSON.stringify(c.card).includes(WORDS) && c.call.conversationId !== personalChat(t, mia).id).length;

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('the answer the manager sees ("sent") holds: the account is kept and reaches the team', async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const data = { ...buttonData(lastCardIn(mia), SEND), text: WORDS };
    const gate = cosmosGate(t.proxy!);
    const held = gate.hold(outboxCreate);
    const first = pressIn(t, mia, SEND, data, 'mia-team-press');
    await held.arrived;
    // Teams gives up waiting and delivers the press again: this answer is what Mia's card shows.
    const shown = await pressIn(t, mia, SEND, data, 'mia-team-press');
    // Then the first delivery's held queue write fails.
    t.proxy!.faults = (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined);
    held.release();
    const firstAnswer = await first;
    t.proxy!.faults = undefined;
    await t.app.outbox.drain(60_000);
    const sent = cardText(shown).includes('Verantwoording verstuurd');
    expect({
      shownSent: sent,
      firstAnswerSent: cardText(firstAnswer).includes('Verantwoording verstuurd'),
      kept: (await keptOf('aad-mia')).filter((r) => r.text === WORDS).length,
      teamCards: cardsWithWords(),
    }).toEqual({ shownSent: true, firstAnswerSent: true, kept: 1, teamCards: 2 });
  }, 60_000);
});
