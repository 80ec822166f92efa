// Found in review, stop 57 (fixed then: words of only invisible emoji parts count as empty; a crafted
// number as words comes back in the field; the same press pressed again with changed words says the
// first version went and gives the new words back to copy).
// A guard (held when written, in review of stop 57): the cases marked "guard".
//
// The manager's team account form with input real users (and a crafted Action.Execute) send.
// Promise (README "The manager accounts to the team", common brief): empty words come back with the
// reason next to the field, nothing stored or sent; a refused form keeps the inputs; words within
// the limit (as the reader counts them) go as typed; a forged recipient list reaches nobody outside
// the team; shown text stays plain text; words that did not go are never lost unseen.
//
// Directory: Mia manages Anna and Eva, Olga manages Mia; Piet is in nobody's team of Mia's.
import { user } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cardAfterCommand, pressIn, startMiasTeamApp } from './support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('the team account form with what people (and crafted clients) send', () => {
  let t: TestApp;
  const press = (data: Record<string, unknown>, activityId?: string) => pressIn(t, mia, SEND, data, activityId);
  const openForm = () => cardAfterCommand(t, mia, 'teamverantwoording');
  const kept = async () => (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount'", parameters: [] }, { partitionKey: 'aad-mia' }).fetchAll()).resources;
  const cardsTo = async (aadId: string) => {
    await t.app.outbox.drain(60_000);
    const conv = t.connector.personalChats.get(aadId);
    return conv ? t.connector.cards((c) => c.conversationId === conv).map((c) => cardText(c.card)) : [];
  };

  beforeAll(async () => {
    t = await startMiasTeamApp([{ id: 'aad-piet', name: 'Piet', managerId: 'aad-olga' }]);
  });
  afterAll(() => t.stop());

  it('guard: words of only spaces, tabs, "\\r\\n", zero-width and direction characters are empty: the reason next to the field, nothing kept or sent', async () => {
    const text = ' \t\r\n\u200B\u200D\u2060\u202E\uFEFF\u00A0\r\n';
    const card = await press({ ...buttonData(await openForm(), SEND), text });
    expect(field(card, 'text')?.next).toBe('Schrijf eerst wat je wilt vertellen.');
    expect(await kept()).toEqual([]);
  });

  it('words of only invisible emoji parts (a variation selector, tag characters) look empty too: refused, nothing kept or sent', async () => {
    const text = '\uFE0F\u{E0020}\u{E0020}\u{E007F}';
    const card = await press({ ...buttonData(await openForm(), SEND), text });
    expect({ reason: field(card, 'text')?.next, kept: (await kept()).length }).toEqual({ reason: 'Schrijf eerst wat je wilt vertellen.', kept: 0 });
  });

  it('a crafted press with the words as a number comes back with that input kept, nothing kept', async () => {
    const before = (await kept()).length;
    const card = await press({ ...buttonData(await openForm(), SEND), text: 20261206 });
    expect({ value: field(card, 'text')?.value, hasReason: !!field(card, 'text')?.next, keptMore: (await kept()).length - before }).toEqual({ value: '20261206', hasReason: true, keptMore: 0 });
  });

  it('guard: a crafted array or object as words or toggle never crashes and keeps nothing', async () => {
    const before = (await kept()).length;
    for (const bad of [{ text: ['a'] }, { text: { b: 1 } }, { text: 'Goed', to: ['aad-anna'] }, { text: 'Goed', k: { x: 1 } }]) {
      const card = await press({ ...buttonData(await openForm(), SEND), ...bad });
      expect(cardText(card)).not.toMatch(/Er ging iets mis|Something went wrong/);
      // Refused: the words stay on the form (no "sent" card).
      expect({ bad, sent: /Verstuurd|verstuurd naar/.test(cardText(card)), hasField: !!field(card, 'text') }).toEqual({ bad, sent: false, hasField: true });
    }
    expect((await kept()).length).toBe(before);
    // The toggle as an array is read as not ticked: sent to the team, nothing up to Olga.
    await press({ ...buttonData(await openForm(), SEND), text: 'TOGGLE-ARRAY', alsoOwnManager: ['true'] });
    expect((await cardsTo('aad-olga')).filter((c) => c.includes('TOGGLE-ARRAY'))).toEqual([]);
  });

  it('guard: a forged recipient list (someone outside the team) reaches only the team members it names; markup stays plain text', async () => {
    const text = '<b>Vet</b> [klik](javascript:alert(1)) **echt** 🙂';
    const form = await openForm();
    const card = await press({ ...buttonData(form, SEND), text, to: 'aad-piet,aad-anna,aad-olga' }, 'forged-to');
    expect(cardText(card)).toContain('Anna');
    const mine = (cards: string[]) => cards.filter((c) => c.includes('**echt**'));
    expect(mine(await cardsTo('aad-piet'))).toEqual([]);
    expect(mine(await cardsTo('aad-eva'))).toEqual([]);
    expect(mine(await cardsTo('aad-olga'))).toEqual([]);
    const anna = mine(await cardsTo('aad-anna'));
    expect(anna).toHaveLength(1);
    expect(anna[0]).toContain(text);
    const annaCard = t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-anna')).at(-1)!.card;
    expect(JSON.stringify(annaCard)).not.toMatch(/"type":"TextBlock","text":"[^"]*javascript/);
    expect((await kept()).filter((r: any) => r.text === text).map((r: any) => r.recipientCount)).toEqual([1]);
  });

  it('guard: 2,000 emoji (2,000 characters as seen) go as typed', async () => {
    const text = '🙂'.repeat(2000);
    const card = await press({ ...buttonData(await openForm(), SEND), text }, 'emoji-2000');
    expect(field(card, 'text')?.next).toBeUndefined();
    expect((await kept()).filter((r: any) => r.text === text)).toHaveLength(1);
  });

  it('the same press pressed again with changed words (its first answer lost): the new words are not lost unseen', async () => {
    const data = buttonData(await openForm(), SEND);
    await press({ ...data, text: 'EERSTE-VERSIE' }, 'mia-first');
    const again = await press({ ...data, text: 'TWEEDE-VERSIE' }, 'mia-second');
    expect((await kept()).filter((r: any) => /VERSIE/.test(r.text)).map((r: any) => r.text)).toEqual(['EERSTE-VERSIE']);
    // What she sees: that the first words went (as the request form says it), and the second ones in a field to copy.
    expect({ saidEarlierTry: /eerdere poging/.test(cardText(again)), sentShown: cardText(again).includes('EERSTE-VERSIE'), wordsBack: field(again, 'notSent.text')?.value }).toEqual({ saidEarlierTry: true, sentShown: true, wordsBack: 'TWEEDE-VERSIE' });
    // The team got the first words once, the second never.
    for (const who of ['aad-anna', 'aad-eva']) expect((await cardsTo(who)).filter((c) => /VERSIE/.test(c)).map((c) => c.match(/\w+-VERSIE/)?.[0])).toEqual(['EERSTE-VERSIE']);
  });

  it('the same press delivered again with the same words says nothing of an earlier try', async () => {
    const data = { ...buttonData(await openForm(), SEND), text: 'ZELFDE-WOORDEN' };
    await press(data, 'mia-same-1');
    const again = await press(data, 'mia-same-2');
    expect({ saidEarlierTry: /eerdere poging/.test(cardText(again)), field: field(again, 'notSent.text') }).toEqual({ saidEarlierTry: false, field: undefined });
  });

  it('guard: the same send press delivered twice at once: one record, one card per member', async () => {
    const data = { ...buttonData(await openForm(), SEND), text: 'TWEE-TEGELIJK' };
    const replies = await Promise.all([press(data, 'mia-at-once'), press(data, 'mia-at-once')]);
    expect(replies.map((r) => cardText(r).split('\n')[0])).toEqual(['Verantwoording verstuurd', 'Verantwoording verstuurd']);
    expect((await kept()).filter((r: any) => r.text === 'TWEE-TEGELIJK')).toHaveLength(1);
    for (const who of ['aad-anna', 'aad-eva']) expect((await cardsTo(who)).filter((c) => c.includes('TWEE-TEGELIJK'))).toHaveLength(1);
  });
});
