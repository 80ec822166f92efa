/**
 * Stop 48, from the adversary review's probe (team account: can the manager still learn who
 * erased?). Failed before the fix (the answer named the recipients the older record still named).
 * Now the answer names whom the form named as the directory has them; cards still go only to those
 * the older record names (see team-account-recipient-erased.test.ts). Mia sends her team
 * (Anna, Bram) an account; the record is rewritten as stop 47 kept it (recipients by id and name),
 * as every record kept before stop 48 is. Anna erases her data. The same send press delivered again
 * (Teams redelivers; the press's `k` is in the card Mia got) answers "sent" naming the recipients
 * that the older record *still* names: Bram only, while the directory (and Mia's form) still lists
 * Anna. Comparing that answer with the first one tells Mia who erased. Must hold: the answer to the
 * same press is the same before and after a member's erasure.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { personalChat, pressIn, startMiaManagingApp } from './support/proposal-put-before';

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const SEND = 'review.teamAccount.send';
const WORDS = 'PROBE-WOORDEN: ik maakte elke week een uur vrij voor het leren.';

describe('the manager cannot tell who erased from a send press delivered again', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('answers the same press again with the same names after Anna erased her data', async () => {
    t = await startMiaManagingApp(['Anna', 'Bram']);
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;
    const sendPress = { ...buttonData(form, SEND), text: WORDS };
    const first = cardText(await pressIn(t, mia, SEND, sendPress, 'probe-send'));
    expect(first).toContain('Verantwoording verstuurd');
    expect(first).toContain('Anna');
    await t.app.outbox.drain(60_000);

    // The record as kept before stop 48 (names instead of a count).
    const kept = (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = 'aad-mia'" }).fetchAll()).resources[0];
    const { recipientCount: _c, _rid, _self, _etag, _attachments, _ts, ...rest } = kept;
    await t.store.container('personal').items.upsert({ ...rest, recipients: [{ id: 'aad-anna', name: 'Anna' }, { id: 'aad-bram', name: 'Bram' }] });

    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    expect(cardText(await pressIn(t, anna, 'verantwoording.erase.confirm', { confirm: 'yes' }))).toContain('Je gegevens zijn gewist');

    const again = cardText(await pressIn(t, mia, SEND, sendPress, 'probe-send-again'));
    expect(again).toContain('Verantwoording verstuurd');
    // The first answer named Anna (the directory's team); the same press now must not say otherwise.
    expect(again).toBe(first);
  }, 120_000);
});
