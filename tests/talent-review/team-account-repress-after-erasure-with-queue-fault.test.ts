// A guard (held when written, in review of stop 56).

/**
 * the team account's take-back now deletes the
 * record first and creates it again when a card "went" (`takeBack` in account-to-team.ts). Mia
 * sends her team an account, then erases her data ("gewist"). Teams delivers her send press again
 * (or she presses the old card again) while the outbox cannot take one card. Promise (the
 * use case's own comment, README privacy): a press from before her erasure keeps nothing of hers:
 * "finds every card's key held by what the erasure left: nothing went ... the record goes".
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { SHORT_STORE_RETRY_PAUSES, TestApp } from '../support/test-app';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const [anna, bram, mia] = ['Anna', 'Bram', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const WORDS = 'PROBE-OWN56-WOORDEN: ik maakte elke week een uur vrij voor het leren.';

describe('a send press from before the manager erased her data keeps nothing of hers, also when a card cannot be queued', () => {
  let t: TestApp;
  let sendPress: Record<string, unknown>;
  const keptOfMia = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources as Record<string, unknown>[];

  beforeAll(async () => {
    t = await startMiaManagingApp(['Anna', 'Bram'], { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    sendPress = { ...buttonData(form, SEND), text: WORDS };
    expect(cardText(await pressIn(t, mia, SEND, sendPress, 'mia-send'))).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    await t.send(message(personalChat(t, mia), mia, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, mia, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');
    expect(await keptOfMia()).toEqual([]);
  }, 120_000);
  afterAll(() => t?.stop());

  it('the press delivered again, its second card failing to queue: no account of hers is stored again', async () => {
    // The first outbox write goes through (it meets the key her erasure left), every later one fails.
    let writes = 0;
    const secondCardFails: CosmosFaultRule = (r) => {
      if (r.container !== 'outbox' || !['create', 'upsert', 'replace'].includes(r.kind)) return undefined;
      writes++;
      return writes > 1 ? { kind: 'status', status: 503 } : undefined;
    };
    const answer = cardText(await t.proxy!.withFaults(secondCardFails, () => pressIn(t, mia, SEND, sendPress, 'mia-send-again')));
    const kept = await keptOfMia();
    expect({ answer: answer.slice(0, 80), outboxWrites: writes, kept: kept.map((r) => String(r.text)) }).toEqual({ answer: expect.any(String), outboxWrites: expect.any(Number), kept: [] });
  }, 60_000);
});
