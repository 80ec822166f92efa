import { user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna'); // HR/L&O, with the form open on her laptop and her phone

const offers = async (t: TestApp): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'loOffer'").fetchAll()).resources;

async function formFor(hr: PersonalChat, theme: string): Promise<any> {
  const overview = (await hr.say('aanbod')).cards[0];
  return hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme });
}

/**
 * Found in review, stop 46. The offer form's key is drawn once per rendering and shared by its
 * "Opslaan" and "Aanbod wissen" buttons; the form may be open on two devices (Teams replaces the
 * card only where the press answered). Hanna clears the offer on her laptop, then saves new words
 * from the same form on her phone. That second press is not a redelivery of the first: it must
 * not be swallowed as "saved already" (the card said "gewist" and her words were gone). The form
 * showed a revision that is no longer current, so it comes back with her words and says another
 * change came first. A true redelivery of the clear press still stores nothing.
 */
describe('a different press on the same offer form', () => {
  let t: TestApp;
  let hr: PersonalChat;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    hr = new PersonalChat(t, hanna);
    const first = await formFor(hr, 'samenwerken');
    await hr.press('loOffer.save', { ...actionData(first, 'loOffer.save'), offerText: 'Training feedback geven', offerLink: '' });
  });
  afterAll(() => t.stop());

  it('clear on the laptop, then a new text saved on the phone from the same form: the form comes back with her words', async () => {
    const form = await formFor(hr, 'samenwerken'); // shown on both devices
    const clearData = { ...actionData(form, 'loOffer.save'), clear: true };
    expect(cardText(await hr.press('loOffer.save', clearData))).toContain('gewist');
    const afterClear = (await offers(t)).find((o) => o.theme === 'samenwerken');
    expect(afterClear).toMatchObject({ revision: 2 });
    expect(afterClear.text).toBeUndefined();

    const typed = 'Intervisie op afroep, elke dinsdag';
    const phone = await hr.press('loOffer.save', { ...actionData(form, 'loOffer.save'), offerText: typed, offerLink: '' });
    expect(field(phone, 'offerText')?.value).toBe(typed);
    expect(cardText(phone)).toContain('intussen gewijzigd');
    // Nothing stored by the refused press: the clear stands, at its revision.
    expect((await offers(t)).find((o) => o.theme === 'samenwerken')).toMatchObject({ revision: 2, keys: afterClear.keys });

    // Pressed again on the form that came back (it names the current revision): stored.
    const again = await hr.press('loOffer.save', { ...actionData(phone, 'loOffer.save'), offerText: typed, offerLink: '' });
    expect(cardText(again)).toContain('opgeslagen');
    expect((await offers(t)).find((o) => o.theme === 'samenwerken')).toMatchObject({ text: typed, revision: 3 });

    // Teams delivering the laptop's clear press again changes nothing.
    expect(cardText(await hr.press('loOffer.save', clearData))).toContain(typed);
    expect((await offers(t)).find((o) => o.theme === 'samenwerken')).toMatchObject({ text: typed, revision: 3 });
  });
});
