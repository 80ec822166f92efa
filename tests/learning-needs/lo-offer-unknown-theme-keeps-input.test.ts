import { user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna');

const offers = async (t: TestApp): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'loOffer'").fetchAll()).resources;

/**
 * Found in review, stop 46. Hanna saves an offer from a form whose theme is not (or no longer) in
 * the list (a card of an earlier version, or a payload naming another word). The save is refused
 * with the theme's reason, but the refused form opened that theme's view again, which failed for
 * the same theme: the generic "Dat lukte niet ... Er is niets verloren gegaan" card replaced the
 * form and her words were gone. The form must come back with her words, a theme to choose and
 * "Kies een thema." next to it, nothing stored; choosing a theme there and saving stores them.
 */
describe('a save for a theme not in the list', () => {
  let t: TestApp;
  afterAll(() => t.stop());

  it('gives the typed words back with a theme to choose, and saves them once one is chosen', async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    const hr = new PersonalChat(t, hanna);
    const overview = (await hr.say('aanbod')).cards[0];
    const form = await hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
    const typed = 'Training ketensamenwerking, met de regio samen';
    const link = 'https://leren.voorbeeld.nl/keten';
    const back = await hr.press('loOffer.save', { ...actionData(form, 'loOffer.save'), theme: 'ketenzorg', offerText: typed, offerLink: link });
    expect(field(back, 'offerText')?.value).toBe(typed);
    expect(field(back, 'offerLink')?.value).toBe(link);
    expect(field(back, 'theme')).toEqual({ value: '', next: 'Kies een thema.' });
    expect(cardText(back)).toContain('Niet opgeslagen');
    expect(await offers(t)).toEqual([]);

    // The theme comes from the choice on the form, not from the button.
    const save = actionData(back, 'loOffer.save');
    expect(save).not.toHaveProperty('theme');
    expect(cardText(await hr.press('loOffer.save', { ...save, theme: 'samenwerken', offerText: typed, offerLink: link }))).toContain('opgeslagen');
    expect(await offers(t)).toEqual([expect.objectContaining({ theme: 'samenwerken', text: typed, link, revision: 1 })]);
  });
});
