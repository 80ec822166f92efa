/**
 * Found in review, stop 45. Anna puts an adopted proposal before her manager Mia; the send checks
 * for an erasure ticket, then the create of her record in her own partition is slow. Meanwhile, on
 * her other device, she erases her data and is told "Je gegevens zijn gewist". Then the create
 * lands (after the erasure's last listing of her partition) and the manager's card is queued
 * (after the erasure's outbox purge). What must hold: the send checks again after writing, sees
 * her erasure began, and takes record and card back. Nothing of hers is left: no card to Mia
 * naming her, nothing in Mia's export, no record in her partition, and she is not told it was sent.
 */
import { execute, message, TestUser } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { buttonData } from '../support/card-fields';
import { allDocuments } from '../verantwoording/support';
import { chatOverview, directoryFile, groupDecides, managerCardAbout, personalChat, pressIn } from '../talent-review/support/proposal-put-before';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const WORDS = 'ANNA-WOORDEN: voor Mia';

describe('a proposal put before the manager whose record lands after the member\'s erasure', () => {
  let t: TestApp;
  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    await groupDecides(t, '19:ptm-lands-after-erasure@thread.v2', [anna, bram, cem]);
  }, 120_000);
  afterAll(() => t?.stop());

  it('leaves nothing of Anna\'s in Mia\'s export, nor a card about her, once "erased" was said', async () => {
    const form = await pressIn(t, anna, 'review.proposalToManager.open', buttonData(await chatOverview(t, anna), 'review.proposalToManager.open'));

    // The send's create in Anna's partition is held until her erasure has finished.
    let release!: () => void;
    const until = new Promise<void>((r) => (release = r));
    let reached!: () => void;
    const held = new Promise<void>((r) => (reached = r));
    let armed = true;
    const holdSendCreate: CosmosFaultRule = (req) => {
      if (armed && req.container === 'personal' && req.kind === 'create') {
        armed = false;
        reached();
        return { kind: 'hold', until };
      }
      return undefined;
    };
    t.proxy!.faults = holdSendCreate;
    const sending = t.send(execute(personalChat(t, anna), anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS }, 'card-1'));
    await held;

    // Meanwhile, on her other device: "wis mijn gegevens", confirmed.
    await t.send(message(personalChat(t, anna), anna, 'wis mijn gegevens'));
    const confirm = t.connector.cards((c) => c.conversationId === personalChat(t, anna).id).at(-1)!.card;
    const erased = await pressIn(t, anna, 'verantwoording.erase.confirm', buttonData(confirm, 'verantwoording.erase.confirm'));
    expect(cardText(erased)).toContain('Je gegevens zijn gewist');

    release();
    const answer = (await sending).body.value;
    t.proxy!.faults = undefined;
    expect(cardText(answer)).not.toContain('voorgelegd aan');

    // Nothing of hers may come after the erasure: no card to Mia naming her, nothing in Mia's export.
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-mia' }) })).json();
    const exported = await (await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(JSON.stringify(exported.proposalsPutBeforeMe)).not.toContain('aad-anna');
    expect(JSON.stringify(exported.proposalsPutBeforeMe)).not.toContain('ANNA-WOORDEN');
    expect(await managerCardAbout(t, 'aad-mia', anna)).toBeUndefined();
    const docs = await allDocuments(t.store);
    expect((docs.personal as { userId?: string }[]).filter((d) => d.userId === 'aad-anna')).toEqual([]);
    expect(JSON.stringify(docs.outbox)).not.toContain('ANNA-WOORDEN');
  }, 120_000);
});
