/**
 * Found in review, stop 45. Anna puts an adopted proposal before her manager Mia while Cosmos DB
 * keeps answering 503 on the outbox: her record is created, the manager's card cannot be queued,
 * and Anna is told it could not be saved. What must hold: an error card means nothing was stored,
 * so the record is taken back. Mia gets no card, her export does not list Anna's words as put
 * before her, Anna's partition holds no such record; and the same press again, once the outbox
 * answers, stores one record and sends one card.
 */
import { TestUser, user } from '../support/activities';
import { cardText, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { buttonData } from '../support/card-fields';
import { allDocuments } from '../verantwoording/support';
import { chatOverview, directoryFile, groupDecides, managerCardAbout, pressIn } from '../talent-review/support/proposal-put-before';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const mia = user('Mia');
const WORDS = 'ANNA-WOORDEN: alleen als het aankomt';

/** Every write to the outbox fails while set. */
const outboxDown: CosmosFaultRule = (req) => (req.container === 'outbox' && req.kind !== 'metadata' && req.kind !== 'query' && req.kind !== 'queryPlan' && req.kind !== 'pointRead' ? { kind: 'status', status: 503 } : undefined);

describe('a proposal put before the manager whose card could not be queued', () => {
  let t: TestApp;
  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
    await groupDecides(t, '19:ptm-card-not-queued@thread.v2', [anna, bram, cem]);
  }, 120_000);
  afterAll(() => t?.stop());

  it('does not list, as put before Mia, words whose card never left', async () => {
    const form = await pressIn(t, anna, 'review.proposalToManager.open', buttonData(await chatOverview(t, anna), 'review.proposalToManager.open'));
    t.proxy!.faults = outboxDown;
    const answered = await pressIn(t, anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS });
    t.proxy!.faults = undefined;
    // Anna is not told it was sent.
    expect(cardText(answered)).not.toContain('Verstuurd');
    // Mia never gets a card.
    expect(await managerCardAbout(t, 'aad-mia', anna)).toBeUndefined();

    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-mia' }) })).json();
    const exported = await (await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(JSON.stringify(exported.proposalsPutBeforeMe)).not.toContain('ANNA-WOORDEN');
    const records = async () => ((await allDocuments(t.store)).personal as { userId?: string; type?: string }[]).filter((d) => d.userId === 'aad-anna' && d.type === 'proposalToManager');
    expect(await records()).toEqual([]);

    // The same press again, the outbox answering: one record, one card.
    const again = await pressIn(t, anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS });
    expect(cardText(again)).toContain('voorgelegd aan');
    expect(await records()).toHaveLength(1);
    expect(cardText(await managerCardAbout(t, 'aad-mia', anna))).toContain('ANNA-WOORDEN');
    const cardsToMia = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).filter((c) => cardText(c.card).includes('ANNA-WOORDEN'));
    expect(cardsToMia).toHaveLength(1);
  });
});
