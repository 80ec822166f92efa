import { user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna');

const offers = async (t: TestApp): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'loOffer'").fetchAll()).resources;

/**
 * Found in review, stop 46. Hanna types L&O's offer with a link that misses a slash
 * (`https:/host`, `https:host`). The link check was WHATWG `new URL()`, which repairs these into
 * https://host/, while the link was stored as typed: against the offer document's own schema
 * (`https://`), and handed to members as the url of "Naar het aanbod", where a client that parses
 * strictly (iOS, Android) finds no host. Such a link must be refused, with the reason next to the
 * link field and both inputs kept, and nothing stored. A well-formed link is stored as typed.
 */
describe('an https link with a missing slash', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  const formFor = async (hr: PersonalChat): Promise<any> => {
    const overview = (await hr.say('aanbod')).cards[0];
    return hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
  };

  it.each(['https:/leren.voorbeeld.nl/samenwerken', 'https:leren.voorbeeld.nl/samenwerken', 'https:///leren.voorbeeld.nl/samenwerken'])('%s is refused next to the link, inputs kept', async (typo) => {
    const hr = new PersonalChat(t, hanna);
    const answer = await hr.press('loOffer.save', { ...actionData(await formFor(hr), 'loOffer.save'), offerText: 'Training samenwerken', offerLink: typo });
    expect(field(answer, 'offerLink')).toEqual({ value: typo, next: expect.stringContaining('https://') });
    expect(field(answer, 'offerText')?.value).toBe('Training samenwerken');
    expect(cardText(answer)).toContain('Niet opgeslagen');
    expect(await offers(t)).toEqual([]);
  });

  it('a well-formed link is stored as typed, as its schema holds it', async () => {
    const hr = new PersonalChat(t, hanna);
    const link = 'https://leren.voorbeeld.nl/samenwerken';
    expect(cardText(await hr.press('loOffer.save', { ...actionData(await formFor(hr), 'loOffer.save'), offerText: 'Training samenwerken', offerLink: link }))).toContain('opgeslagen');
    const doc = (await offers(t)).find((o) => o.theme === 'samenwerken');
    expect({ link: doc?.link, problems: documentProblems('installations', doc) }).toEqual({ link, problems: [] });
  });
});
