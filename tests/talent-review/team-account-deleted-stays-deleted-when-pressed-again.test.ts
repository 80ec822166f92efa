/**
 * A manager deletes an account from her list; Teams then delivers her send press again (the same
 * press id, e.g. her old form's button, or a redelivery of a slow answer). The press keeps its record
 * under the same id, so it stored her deleted words anew: back in her list (after her cards were
 * skipped), or, pressed again before they were tried, sending the words she deleted after all (the
 * send-time check found the record kept again). Left open in stop 59; closed in stop 60.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { personalChat, pressIn, startMiasTeamApp } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('an account the manager deleted, its send press delivered again', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startMiasTeamApp();
  }, 60_000);
  afterAll(() => t?.stop());

  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as Record<string, unknown>[];
  const cardsCarrying = (words: string) => t.connector.calls.filter((c) => c.method === 'POST' && JSON.stringify(c.activity ?? '').includes(words)).length;

  async function sendThenDelete(who: TestUser, words: string, pressId: string): Promise<Record<string, unknown>> {
    await t.send(message(personalChat(t, who), who, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
    const press = { ...buttonData(form, SEND), text: words };
    expect(cardText(await pressIn(t, who, SEND, press, pressId))).toContain('Verantwoording verstuurd');
    const kept = (await keptOfMia()).find((r) => r.text === words);
    expect(kept).toBeDefined();
    await pressIn(t, who, 'review.teamAccount.delete', { id: kept!.id as string });
    expect((await keptOfMia()).filter((r) => r.text === words)).toEqual([]);
    return press;
  }

  it('deleted after its cards were skipped: the press again does not keep it again', async () => {
    const words = 'EERST-OVERGESLAGEN: dit trok ik terug.';
    const press = await sendThenDelete(mia, words, 'mia-send-1');
    await t.app.outbox.drain(60_000);
    await pressIn(t, mia, SEND, press, 'mia-send-1-again');
    await t.app.outbox.drain(60_000);
    expect({ keptAgain: (await keptOfMia()).filter((r) => r.text === words).length, sent: cardsCarrying(words) }).toEqual({ keptAgain: 0, sent: 0 });
  }, 90_000);

  it('deleted while its cards still wait: the press again sends nothing she deleted', async () => {
    const words = 'NOG-IN-DE-WACHTRIJ: dit trok ik terug.';
    const press = await sendThenDelete(mia, words, 'mia-send-2');
    // Delivered again before any card was tried.
    await pressIn(t, mia, SEND, press, 'mia-send-2-again');
    await t.app.outbox.drain(60_000);
    expect({ keptAgain: (await keptOfMia()).filter((r) => r.text === words).length, sent: cardsCarrying(words) }).toEqual({ keptAgain: 0, sent: 0 });
  }, 90_000);

  it('a send that was not deleted, delivered again, stays kept and goes once to each', async () => {
    const words = 'GEWOON-VERSTUURD: fijn gewerkt dit half jaar.';
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const press = { ...buttonData(form, SEND), text: words };
    await pressIn(t, mia, SEND, press, 'mia-send-3');
    await pressIn(t, mia, SEND, press, 'mia-send-3-again');
    await t.app.outbox.drain(60_000);
    expect({ kept: (await keptOfMia()).filter((r) => r.text === words).length, sent: cardsCarrying(words) }).toEqual({ kept: 1, sent: 2 });
  }, 90_000);
});
