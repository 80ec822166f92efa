// A guard (held when written, in review of stop 59).
/**
 * Second review of stop 58's 4d91df9 (only a button's `k` is the press-key
 * placeholder). Words someone typed that quote the placeholder as JSON would (a note or proposal
 * pasted from a log), an input whose id is "k", and buttons nested where a card puts them
 * (a ShowCard's card, a container's selectAction, an Action.Submit fallback's msteams data).
 */
import { PRESS_KEY_WHEN_SENT, asksForPressKey, withPressKeyMinted } from '../../src/outbox/press-keys';

const card = (body: unknown[], actions: unknown[] = []) => ({
  type: 'message',
  attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: { type: 'AdaptiveCard', version: '1.5', body, actions } }],
});

describe('the press-key placeholder in typed words and nested buttons', () => {
  it('words quoting the placeholder as a key in JSON are no request for a key, and are sent as typed', () => {
    const typed = `{"k":"${PRESS_KEY_WHEN_SENT}"} en "k":"${PRESS_KEY_WHEN_SENT}"`;
    const payload = card([{ type: 'TextBlock', text: typed }, { type: 'Input.Text', id: 'k', value: PRESS_KEY_WHEN_SENT }]);
    expect(asksForPressKey(payload)).toBe(false);
    expect(JSON.stringify(withPressKeyMinted(payload))).toBe(JSON.stringify(payload));
  });

  it('every nested button asking for a key gets the same fresh one; the typed words beside it stay', () => {
    const payload = card(
      [
        { type: 'TextBlock', text: PRESS_KEY_WHEN_SENT },
        { type: 'Container', items: [], selectAction: { type: 'Action.Execute', verb: 'x', data: { k: PRESS_KEY_WHEN_SENT, note: PRESS_KEY_WHEN_SENT } } },
      ],
      [
        { type: 'Action.ShowCard', card: { type: 'AdaptiveCard', body: [], actions: [{ type: 'Action.Execute', verb: 'y', data: { k: PRESS_KEY_WHEN_SENT } }] } },
        { type: 'Action.Submit', data: { msteams: { type: 'messageBack' }, verb: 'z', k: PRESS_KEY_WHEN_SENT } },
      ],
    );
    expect(asksForPressKey(payload)).toBe(true);
    const sent = JSON.stringify(withPressKeyMinted(payload));
    const keys = [...sent.matchAll(/"k":"([^"]+)"/g)].map((m) => m[1]);
    expect(keys).toHaveLength(3);
    expect(new Set(keys).size).toBe(1);
    expect(keys[0]).not.toBe(PRESS_KEY_WHEN_SENT);
    // The typed words (a TextBlock and the note beside the key) reach the reader as typed.
    expect(sent.split(PRESS_KEY_WHEN_SENT).length - 1).toBe(2);
  });
});
