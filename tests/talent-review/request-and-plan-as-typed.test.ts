// Found in review, stop 55 (fixed then: cleanJson reads "\r\n" and a lone "\r" as one "\n" for every card and tab string).
// The plan form's two cases are guards (held when written, in review of stop 55).

/**
 * Two talent-review forms as Dutch users fill them. The request form: a message of 500 characters
 * as its field counts them, typed in five lines, which the Teams client sends with "\r\n" breaks
 * (prep.card.ts `sameAccount`). Promise: sent as typed. The plan form: " 2 " prep days is 2; a
 * date that does not exist (31 February, from a client that sends typed text) comes back with the
 * reason next to the date, in Dutch, the other inputs kept, nothing stored.
 *
 * Directory: Mia manages Anna and Eva; Olga manages Mia.
 */
import { execute, TestUser, user } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { cardAfterCommand, startMiasTeamApp } from './support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, eva, mia] = ['Anna', 'Eva', 'Mia'].map(user) as [TestUser, TestUser, TestUser];
const SEND = 'review.request.send';

describe('talent-review forms with what Dutch users type', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, replyTo = 'card-1') => (await t.send({ ...execute(chat(who), who, verb, data, replyTo), locale: 'nl-NL' })).body.value;
  const requests = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'reviewRequest'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const reviews = async () => (await t.store.container('reviews').items.query('SELECT * FROM c', { partitionKey: 'aad-mia' }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startMiasTeamApp();
  });
  afterAll(() => t.stop());

  it('a request message of 500 characters in five lines, sent with "\\r\\n" breaks, is sent', async () => {
    const form = await cardAfterCommand(t, anna, 'gesprek aanvragen');
    const text = `${'a'.repeat(100)}\r\n${'b'.repeat(99)}\r\n${'c'.repeat(99)}\r\n${'d'.repeat(99)}\r\n${'e'.repeat(99)}`;
    expect(text.replace(/\r\n/g, '\n')).toHaveLength(500);
    const card = await press(anna, SEND, { ...buttonData(form, SEND), text });
    expect({ sent: cardText(card).includes('Verzoek verstuurd'), reason: field(card, 'text')?.next }).toEqual({ sent: true, reason: undefined });
    expect((await requests('aad-anna')).length).toBe(1);
  });

  it('prep days typed " 2 " plan the conversation with 2 prep days', async () => {
    const card = await press(mia, 'review.plan.save', { reportId: 'aad-eva', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: ' 2 ' }, 'plan-card');
    // The answer too: when this fails, it says why (a refusal, or a store that timed out on a busy machine).
    expect({ said: cardText(card).split('\n')[0], prepDays: (await reviews()).filter((r: any) => r.reportId === 'aad-eva').map((r: any) => r.prepDays ?? r.prepDaysBefore) }).toEqual({
      said: expect.stringContaining('Gepland: gesprek met Eva'),
      prepDays: [2],
    });
  });

  it('a date that does not exist (31 February) comes back next to the date in Dutch, the report and prep days kept, nothing stored', async () => {
    const before = await reviews();
    const card = await press(mia, 'review.plan.save', { reportId: 'aad-anna', date: '2027-02-31', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    expect(field(card, 'date')?.next).toMatch(/datum/i);
    expect(field(card, 'reportId')?.value).toBe('aad-anna');
    expect(field(card, 'prepDays')?.value).toBe(3);
    expect(await reviews()).toEqual(before);
  });
});
