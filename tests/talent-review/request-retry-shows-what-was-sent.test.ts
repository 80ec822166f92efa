/**
 * Found in review, stop 43. Anna sends her request; the store writes the queued card but its answer
 * is lost, so Anna gets "Dat lukte niet" with her words in an editable field (and the card called
 * it a save: "Opslaan lukte nu niet … dubbel bewaard", for what is a send). She sharpens her words
 * and tries again. The press's key is the same, so nothing new is queued (right: one request), but
 * her confirmation said "Je bericht: <the new words>" while Mia's card carried the first words. The
 * same on the Action.Submit fallback, where the form stays on screen after a press.
 *
 * What must hold: the failure card speaks of sending; the retry sends one request; the confirmation
 * never shows words Mia did not get: it says the earlier try went, with the message as it was then.
 * A retry whose first write did not land sends the new words, and shows them.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const anna = user('Anna') as TestUser;
const ORG = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia' },
];

describe('a retried request with edited words', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const requestsToMia = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => cardText(c.card)).filter((text) => text.includes('Anna vraagt'));

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'request-retry-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: ORG }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 120_000);
  afterAll(() => t.stop());

  it('never confirms words as sent that the manager does not get', async () => {
    const form = await press(anna, 'review.request.open', {});
    const first = 'Ik wil praten over mentorschap';
    // The outbox job is written, but the store's answer is lost on the way back.
    const failed = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'dropAfter' } : undefined),
      () => press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: first }),
    );
    expect(cardText(failed)).toContain('Dat lukte niet');
    expect(cardText(failed)).toContain('Versturen lukte nu niet, of ik kon niet nagaan of het lukte.');
    expect(cardText(failed)).not.toContain('Opslaan');
    expect(buttonData(failed, 'review.request.send').k).toBe(buttonData(form, 'review.request.send').k);

    // Anna improves her words in the retry card's field and presses again.
    const second = 'Ik wil praten over mentorschap en over een opleiding in het voorjaar';
    const confirmed = await press(anna, 'review.request.send', { ...buttonData(failed, 'review.request.send'), text: second });
    expect(cardText(confirmed)).toMatch(/Je verzoek is naar .* gestuurd./);
    await t.app.outbox.drain(60_000);

    const requests = requestsToMia();
    expect(requests).toHaveLength(1);
    expect(requests[0]).toContain(first);
    // Anna is not shown the new words as sent, and is told the earlier try went as it was.
    expect({ showsNew: cardText(confirmed).includes(second), saysEarlier: cardText(confirmed).includes('Dit verzoek was bij je eerdere poging al verstuurd') }).toEqual({ showsNew: false, saysEarlier: true });
  });

  it('sends and shows the new words when the first try\'s write did not land', async () => {
    const form = await press(anna, 'review.request.open', {});
    const failed = await t.proxy!.withFaults(
      (r) => (r.container === 'outbox' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      () => press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: 'Eerste versie' }),
    );
    expect(cardText(failed)).toContain('Versturen lukte nu niet');
    const confirmed = await press(anna, 'review.request.send', { ...buttonData(failed, 'review.request.send'), text: 'Tweede versie' });
    await t.app.outbox.drain(60_000);
    const latest = requestsToMia().filter((text) => text.includes('versie'));
    expect({ toMia: latest, shown: cardText(confirmed).includes('Tweede versie'), saysEarlier: cardText(confirmed).includes('eerdere poging') }).toEqual({ toMia: [expect.stringContaining('Tweede versie')], shown: true, saysEarlier: false });
  });
});
