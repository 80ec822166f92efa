/**
 * Found in review, stop 46 (English user). Hanna is HR/L&O. She once typed `taal nl` in her 1:1
 * chat (her stored choice is Dutch) and now types the English command word `offer`. The overview
 * answered in English (the command word won over everything) and its button carried
 * `language: 'en'`, but the press follows her stored Dutch choice, so the form it opened was Dutch.
 * As for `annual plan` and `report`, the command word counts only where no language is stored:
 * the overview and the form it opens speak one language, hers. Without a stored language, `offer`
 * gives English throughout.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

const hanna = user('Hanna');

const OVERVIEW = { nl: 'Aanbod van L&O per thema', en: "L&O's offer per theme" } as const;
const FORM = { nl: 'Aanbod van L&O:', en: "L&O's offer:" } as const;

describe("L&O's offer overview and the form it opens speak one language", () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris' }, '2026-11-23T09:00:00Z');
  });
  afterAll(() => t.stop());

  it('opens the form in the language of the overview it was opened from', async () => {
    const hr = new PersonalChat(t, hanna);
    await hr.say('taal nl');
    const overview = (await hr.say('offer')).cards[0];
    const overviewText = cardText(overview);
    const lang = overviewText.includes(OVERVIEW.en) ? 'en' : overviewText.includes(OVERVIEW.nl) ? 'nl' : undefined;
    expect(lang).toBeDefined();
    const form = await hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
    const formText = cardText(form);
    // Before: the overview said "L&O's offer per theme", the form "Aanbod van L&O: Samenwerken".
    expect({ overview: lang, form: formText.includes(FORM.en) ? 'en' : formText.includes(FORM.nl) ? 'nl' : formText.slice(0, 80) }).toEqual({ overview: 'nl', form: 'nl' });
  });

  it('speaks English throughout when `offer` is typed and no language is stored', async () => {
    const hr = new PersonalChat(t, user('Iris'));
    const overview = (await hr.say('offer')).cards[0];
    expect(cardText(overview)).toContain(OVERVIEW.en);
    const form = await hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
    expect(cardText(form)).toContain(FORM.en);
  });
});
