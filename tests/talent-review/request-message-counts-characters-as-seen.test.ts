// Found in review, stop 57 (fixed then: typed words pass the card payload check on a transport bound
// only, so the domain counts them as the reader sees them; sendReviewRequest had a 500 code-unit bound).
// A guard (held when written, in review of stop 57): the cases marked "guard".
//
// The professional's request for a conversation, with a message a person types on a phone (emoji).
// The form's field allows 1,000 code units (unitCeiling(500)) and the domain counts 500 characters
// as a reader sees them (graphemes). Promise (README "The professional asks"): an optional message
// of 500 characters goes to the manager as typed, counted in what the user sees. The notes' verbs,
// which paired their limit with a code-unit bound the same way, take whatever their input allows.
import { message, TestUser, user } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { unitCeiling } from '../../src/domain/shared/text';
import { MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { MAX_REQUEST_MESSAGE_LENGTH } from '../../src/domain/talent-review/review-request';
import { VERBS } from '../../src/teams/verbs';
import { pressIn, personalChat, startRequestApp } from './support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, mia] = ['Anna', 'Mia'].map(user) as [TestUser, TestUser];
const SEND = 'review.request.send';

describe('a request message counted in what the professional sees', () => {
  let t: TestApp;
  const requests = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const form = async () => {
    await t.send({ ...message(personalChat(t, anna), anna, 'gesprek aanvragen'), locale: 'nl-NL' });
    return t.connector.cards((c) => c.conversationId === personalChat(t, anna).id).at(-1)!.card;
  };

  beforeEach(async () => {
    t = await startRequestApp(anna, mia);
  });
  afterEach(() => t.stop());

  it('a message of 300 emoji (300 characters as seen, within 500) is sent and kept as typed', async () => {
    const text = `Graag een gesprek ${'🙂'.repeat(300)}`; // 318 characters as seen, 618 code units
    const card = await pressIn(t, anna, SEND, { ...buttonData(await form(), SEND), text });
    expect({ sent: cardText(card).includes('Verzoek verstuurd'), reason: field(card, 'text')?.next }).toEqual({ sent: true, reason: undefined });
    expect((await requests(anna.aadObjectId)).map((r: any) => r.message)).toEqual([text]);
  });

  it('a message of 501 emoji is refused with the count the professional sees (501), the words kept, nothing kept', async () => {
    const text = '👍'.repeat(501);
    const card = await pressIn(t, anna, SEND, { ...buttonData(await form(), SEND), text });
    expect({ value: field(card, 'text')?.value, reason: field(card, 'text')?.next }).toEqual({ value: text, reason: 'Hoogstens 500 tekens; dit zijn er 501.' });
    expect(await requests(anna.aadObjectId)).toEqual([]);
  });

  it('guard: a message of only white space, "\\r\\n" and zero-width characters is no message: the request goes without one', async () => {
    const card = await pressIn(t, anna, SEND, { ...buttonData(await form(), SEND), text: ' \r\n\u200B\u200D\u2060\uFEFF\t ' });
    expect(cardText(card)).toContain('Verzoek verstuurd');
    expect((await requests(anna.aadObjectId)).map((r: any) => r.message)).toEqual([undefined]);
  });

  it('a message of only invisible emoji parts (a variation selector, tag characters) is no message either', async () => {
    const card = await pressIn(t, anna, SEND, { ...buttonData(await form(), SEND), text: '\uFE0F\u{E0020}\u{E007F}\u{E0101}' });
    expect(cardText(card)).toContain('Verzoek verstuurd');
    expect((await requests(anna.aadObjectId)).map((r: any) => r.message)).toEqual([undefined]);
  });

  it('guard: the same press pressed again with changed words: the second words are not lost unseen', async () => {
    const data = buttonData(await form(), SEND);
    await pressIn(t, anna, SEND, { ...data, text: 'EERSTE-VRAAG' }, 'anna-first');
    const again = await pressIn(t, anna, SEND, { ...data, text: 'TWEEDE-VRAAG' }, 'anna-second');
    // Said that the earlier try's message went (talentReview.request.earlierTry), or the words back to copy.
    expect({ wordsBack: JSON.stringify(again).includes('TWEEDE-VRAAG'), saidEarlierTry: /eerdere poging|earlier try/i.test(cardText(again)) }).not.toEqual({ wordsBack: false, saidEarlierTry: false });
  });
});

describe('typed words the domain counts as seen pass the payload check up to their input\'s maxLength', () => {
  /** Emoji up to the input's maxLength (unitCeiling): within the domain's limit as the reader counts them. */
  const emoji = (max: number) => '🙂'.repeat(unitCeiling(max) / 2);
  const cases: [string, { safeParse: (v: unknown) => { success: boolean } }, Record<string, unknown>][] = [
    ['review.request.send text', VERBS.sendReviewRequest.data, { text: emoji(MAX_REQUEST_MESSAGE_LENGTH) }],
    ['verantwoording.note.add text', VERBS.addNote.data, { text: emoji(MAX_NOTE_LENGTH) }],
    ['verantwoording.note.save text', VERBS.saveNote.data, { noteId: 'n', rev: 0, text: emoji(MAX_NOTE_LENGTH) }],
  ];

  it.each(cases)('%s', (_name, schema, data) => {
    expect(schema.safeParse(data).success).toBe(true);
  });
});
