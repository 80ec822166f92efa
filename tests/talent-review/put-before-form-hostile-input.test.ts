// Found in review, stop 57 (fixed then: the same press pressed again with changed words, its first
// answer lost, says the first version went and gives the new words back to copy, as the tab's 409 does).
// A guard (held when written, in review of stop 57): the cases marked "guard".
//
// The put-before form in the chat (and the tab's POST), and the manager's answer, with input real
// users and crafted clients send; one round of redelivery at once.
// Promise (README "A member puts an adopted proposal before their own manager", common brief):
// refused input comes back with the words kept and the reason next to the field, nothing stored;
// a forged manager or record reaches nobody; accepted words are stored as meant; the same press
// delivered twice at once stores once; a press that finds its earlier try stored never loses the
// words now typed unseen (the tab says `alreadySent` with the words that went, found in review stop 52).
//
// World (put-before-world.ts): Anna, Bram, Cem report to Mia (in English); the group adapted its proposal.
import { execute, TestUser } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { putBeforeApi } from '../verantwoording/support';
import { anna, bram, cem, MANAGER_CARD, mia, putBeforeHelpers, startPutBeforeApp } from './support/put-before-world';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const SEND = 'review.proposalToManager.send';
const ANSWER = 'review.proposalToManager.answer';

describe('putting a proposal before the manager, with what people send', () => {
  let t: TestApp;
  let group: { groupId: string; proposalId: string };
  const h = putBeforeHelpers(() => t, () => group);
  const tab = putBeforeApi(() => t);
  const managerCards = async (about: string) => {
    await t.app.outbox.drain(60_000);
    return h.cardsTo('aad-mia', MANAGER_CARD).map(cardText).filter((c) => c.includes(about));
  };
  const sendAt = (who: TestUser, data: Record<string, unknown>, activityId?: string) => t.send({ ...execute(h.chat(who), who, SEND, data, 'card-1', activityId), locale: 'nl-NL' }).then((r) => r.body.value);

  beforeAll(async () => {
    ({ t, group } = await startPutBeforeApp('19:probe-forms57-put-before@thread.v2'));
  }, 180_000);
  afterAll(() => t?.stop());

  it('guard: a forged `to` (another manager) sends nothing to anyone: the form again says the manager changed, the words kept', async () => {
    const form = await h.openForm(bram);
    const words = 'VOOR-OLGA <b>vet</b>';
    const card = await sendAt(bram, { ...buttonData(form, SEND), words, to: 'aad-olga', toName: 'Olga' });
    expect(cardText(card)).toMatch(/Niet verstuurd: volgens de directory heb je nu een andere leidinggevende/);
    expect(field(card, 'words')?.value).toBe(words);
    expect(await h.records('aad-bram')).toEqual([]);
    await t.app.outbox.drain(60_000);
    expect(t.connector.personalChats.get('aad-olga')).toBeUndefined();
  });

  it('guard: a crafted press with words as an array or object is refused, nothing stored, no crash', async () => {
    for (const words of [['a'], { a: 1 }, 12]) {
      const card = await sendAt(bram, { ...buttonData(await h.openForm(bram), SEND), words });
      expect(cardText(card)).not.toMatch(/Er ging iets mis|Something went wrong/);
      expect(field(card, 'words')).toBeDefined();
      // A number comes back as typed (submittedInput), with its reason.
      if (typeof words === 'number') expect({ value: field(card, 'words')?.value, hasReason: !!field(card, 'words')?.next }).toEqual({ value: '12', hasReason: true });
    }
    expect(await h.records('aad-bram')).toEqual([]);
  });

  it('the same press pressed again with changed words (its first answer lost): the new words are not lost unseen', async () => {
    const data = buttonData(await h.openForm(cem), SEND);
    await sendAt(cem, { ...data, words: 'EERSTE-WOORDEN' }, 'cem-first');
    // Teams showed no answer (lost), the form still holds her words; she changes them and presses again.
    const again = await sendAt(cem, { ...data, words: 'TWEEDE-WOORDEN' }, 'cem-second');
    const [record] = await h.records('aad-cem');
    expect(record.words).toBe('EERSTE-WOORDEN');
    // What she sees: that the first words went (as the request form says it), and the second ones in a field to copy.
    expect({ saidEarlierTry: /eerdere poging/.test(cardText(again)), sentShown: cardText(again).includes('EERSTE-WOORDEN'), wordsBack: field(again, 'notSent.words')?.value }).toEqual({ saidEarlierTry: true, sentShown: true, wordsBack: 'TWEEDE-WOORDEN' });
    // Mia got the first words once, the second never.
    const toMia = await managerCards('');
    expect({ first: toMia.filter((c) => c.includes('EERSTE-WOORDEN')).length, second: toMia.filter((c) => c.includes('TWEEDE-WOORDEN')).length }).toEqual({ first: 1, second: 0 });
  });

  it('guard: the tab POST delivered twice at once (same key): one record, one card for Mia', async () => {
    const body = { ...group, words: 'TAB-TWEE-KEER', key: 'probe-forms57-tab-at-once', to: 'aad-mia' };
    const [a, b] = await Promise.all([tab.send('aad-anna', body), tab.send('aad-anna', body)]);
    expect([a.status, b.status]).toEqual([201, 201]);
    expect((await h.records('aad-anna')).filter((r: any) => r.words === 'TAB-TWEE-KEER')).toHaveLength(1);
    expect((await managerCards('TAB-TWEE-KEER')).length).toBe(1);
  });

  it('guard: Mia\'s answer of only white space and zero-width characters is refused next to the field, nothing stored', async () => {
    await t.app.outbox.drain(60_000);
    const card = h.cardsTo('aad-mia', MANAGER_CARD).at(-1);
    const refused = await h.send(mia, ANSWER, { ...buttonData(card, ANSWER), answer: ' \r\n\u200B\u2060\u202E ' });
    expect(field(refused, 'answer')?.next).toBeTruthy();
    expect((await h.records('aad-anna')).every((r: any) => !r.answer)).toBe(true);
  });

  it('guard: an answer press forged with another member\'s record (not hers) stores nothing and shows nothing of it', async () => {
    const [annas] = await h.records('aad-anna');
    const card = await h.send(bram, ANSWER, { memberId: 'aad-anna', recordId: annas.id, answer: 'Nee', k: 'probe-forged-answer' });
    expect(cardText(card)).not.toContain('TAB-TWEE-KEER');
    expect((await h.records('aad-anna')).every((r: any) => !r.answer)).toBe(true);
  });
});
