/**
 * Stop 58 (found reviewing the press-key fix): a queued card's press key is minted when it is sent
 * (press-keys.ts). The first cut looked only at a card's top-level buttons, so a button in the body's
 * action set with the placeholder would have gone out with the placeholder itself as its key, the
 * same for everyone's card. Every place that asks gets the one fresh key; the job keeps the placeholder.
 */
import { asksForPressKey, PRESS_KEY_WHEN_SENT, withPressKeyMinted } from '../../src/outbox/press-keys';

const saveButton = (k: string) => ({ type: 'Action.Execute', verb: 'verantwoording.note.add', data: { k }, fallback: { type: 'Action.Submit', data: { verb: 'verantwoording.note.add', k } } });
const cardWithNestedSave = (k: string) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'Kijk terug' }, { type: 'ActionSet', actions: [saveButton(k)] }] } }],
});

describe('a press key asked for anywhere in a queued card', () => {
  it('is found in the body\'s action set, not only among the top-level buttons', () => {
    expect(asksForPressKey(cardWithNestedSave(PRESS_KEY_WHEN_SENT))).toBe(true);
    expect(asksForPressKey(cardWithNestedSave('a-key-already-there'))).toBe(false);
  });

  it('is minted once per send, the same in the button and its fallback, and the queued payload keeps the placeholder', () => {
    const queued = cardWithNestedSave(PRESS_KEY_WHEN_SENT);
    const before = JSON.stringify(queued);
    const sent = [withPressKeyMinted(queued), withPressKeyMinted(queued)].map((p) => JSON.stringify(p));
    const keys = sent.map((s) => [...new Set([...s.matchAll(/"k":"([^"]+)"/g)].map((m) => m[1]))]);
    expect(keys.map((k) => k.length)).toEqual([1, 1]);
    expect(keys[0]![0]).not.toBe(keys[1]![0]);
    expect(sent.join('')).not.toContain(PRESS_KEY_WHEN_SENT);
    expect(JSON.stringify(queued)).toBe(before);
  });
});
