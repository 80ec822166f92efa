import { loOfferPressKey } from '../../src/domain/learning-needs/lo-offer';
import { TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { field } from '../support/card-fields';
import { storedText } from '../support/cosmos';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { groupWithQuestion9 } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna'); // HR/L&O
const iris = user('Iris'); // HR/L&O too
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const [gert, hugo, ilse] = ['Gert', 'Hugo', 'Ilse'].map(user) as [TestUser, TestUser, TestUser];

const OFFER = 'E-learning Samenwerken in de keten, aanmelden via het leerplatform.';
const LINK = 'https://leren.voorbeeld.nl/samenwerken';

/** A member answers question 9 and passes the need on; returns the card that confirms it. */
async function passOn(g: GroupDriver, who: TestUser, theme: string): Promise<any> {
  const q9 = { ...g.ids(), questionId: 9 };
  await g.press(who, 'session.personal', { ...q9, text: `Antwoord van ${who.name}` });
  const card = (await g.press(who, 'learningNeed.pass', { ...q9, theme, learningNeedText: 'Beter afstemmen' })).value;
  expect(cardText(card)).toContain('Doorgegeven');
  return card;
}

const offers = async (t: TestApp): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'loOffer'").fetchAll()).resources;
const openUrls = (card: any): string[] => JSON.stringify(card).match(/"url":"[^"]*"/g)?.map((m) => m.slice(7, -1)) ?? [];

/** HR's form for a theme, opened the way HR opens it: `aanbod`, then the theme on the overview. */
async function formFor(hr: PersonalChat, theme: string): Promise<any> {
  const overview = (await hr.say('aanbod')).cards[0];
  expect(cardProblems(overview)).toEqual([]);
  return hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme });
}

/** The form's save, as Teams sends it: the button's data and the inputs as typed. */
const saveData = (form: any, typed: Record<string, string>) => ({ ...actionData(form, 'loOffer.save'), ...typed });

/**
 * Stop 46: L&O answers the learning-need handover with an offer per theme, for the whole tenant,
 * naming nobody; members read it with their own need (pull), never pushed to a person.
 */
describe("L&O's offer per theme", () => {
  let t: TestApp;
  let hr: PersonalChat;
  let one: GroupDriver;
  let two: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    hr = new PersonalChat(t, hanna);
    one = await groupWithQuestion9(t, 'tenant-1', [anna, bram, cem]);
    two = await groupWithQuestion9(t, 'tenant-2', [gert, hugo, ilse]);
  });
  afterAll(() => t.stop());

  it('refuses anyone but HR: the command, and a save sent without the form', async () => {
    const member = new PersonalChat(t, anna);
    const said = await member.say('aanbod');
    expect(said.cards).toEqual([]);
    expect(said.texts).toEqual(['Alleen HR/L&O kan het aanbod van L&O instellen.']);
    const refused = await member.press('loOffer.save', { theme: 'samenwerken', rev: 0, k: 'forged', offerText: 'Iets', offerLink: '' });
    expect(cardText(refused)).not.toContain('opgeslagen');
    expect(await offers(t)).toEqual([]);
  });

  it('lets HR save an offer for a theme: one document for the tenant and theme, naming nobody', async () => {
    const form = await formFor(hr, 'samenwerken');
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('Aanbod van L&O: Samenwerken');
    const saved = await hr.press('loOffer.save', saveData(form, { offerText: OFFER, offerLink: LINK }));
    expect(cardProblems(saved)).toEqual([]);
    expect(cardText(saved)).toContain('Aanbod voor Samenwerken opgeslagen');
    const [offer, ...more] = await offers(t);
    expect(more).toEqual([]);
    expect(offer).toMatchObject({ tenantId: 'tenant-1', theme: 'samenwerken', text: OFFER, link: LINK, revision: 1 });
    // Organisation data: no person's name or id in it, so a person's erasure has nothing to delete here.
    expect(storedText([offer])).not.toMatch(/hanna|Hanna|aad-|29:/);
    // The overview shows it.
    expect(cardText((await hr.say('aanbod')).cards[0])).toContain(OFFER);
  });

  it('shows it to a member of that tenant who passes a need on with that theme, and not with another', async () => {
    const card = await passOn(one, anna, 'samenwerken');
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain('L&O biedt aan bij Samenwerken:');
    expect(cardText(card)).toContain(OFFER);
    expect(openUrls(card)).toContain(LINK);
    const other = await passOn(one, bram, 'digitaal');
    expect(cardText(other)).not.toContain('L&O biedt aan');
  });

  it('does not show it to a member of another tenant passing the same theme on', async () => {
    const card = await passOn(two, gert, 'samenwerken');
    expect(cardText(card)).not.toContain('L&O biedt aan');
    expect(JSON.stringify(card)).not.toContain(OFFER);
  });

  it('gives a refused form back with every input kept and the reason next to each field', async () => {
    const form = await formFor(hr, 'samenwerken');
    const long = 'x'.repeat(501);
    const back = await hr.press('loOffer.save', saveData(form, { offerText: long, offerLink: 'http://leren.voorbeeld.nl' }));
    expect(cardProblems(back)).toEqual([]);
    expect(cardText(back)).toContain('Niet opgeslagen: zie de reden bij het veld.');
    expect(field(back, 'offerText')).toEqual({ value: long, next: 'Hoogstens 500 tekens; dit zijn er 501.' });
    expect(field(back, 'offerLink')?.value).toBe('http://leren.voorbeeld.nl');
    expect(field(back, 'offerLink')?.next).toContain('https-link');
    expect((await offers(t))[0]).toMatchObject({ revision: 1, text: OFFER });
  });

  it('loses neither of two saves at once: the second gets its inputs back, with what the first stored', async () => {
    const other = new PersonalChat(t, iris);
    const mine = await formFor(hr, 'samenwerken');
    const theirs = await formFor(other, 'samenwerken');
    expect(cardText(await hr.press('loOffer.save', saveData(mine, { offerText: 'Training feedback geven', offerLink: '' })))).toContain('opgeslagen');
    const back = await other.press('loOffer.save', saveData(theirs, { offerText: 'Intervisie op afroep', offerLink: LINK }));
    expect(cardText(back)).toContain('iemand anders heeft het aanbod voor Samenwerken intussen gewijzigd');
    expect(cardText(back)).toContain('Nu opgeslagen: Training feedback geven');
    expect(field(back, 'offerText')?.value).toBe('Intervisie op afroep');
    expect(field(back, 'offerLink')?.value).toBe(LINK);
    expect((await offers(t))[0]).toMatchObject({ revision: 2, text: 'Training feedback geven' });
    // Pressing again on the form that came back saves theirs, knowingly.
    expect(cardText(await other.press('loOffer.save', saveData(back, { offerText: 'Intervisie op afroep', offerLink: LINK })))).toContain('opgeslagen');
    expect((await offers(t))[0]).toMatchObject({ revision: 3, text: 'Intervisie op afroep', link: LINK });
  });

  it('stores a save Teams delivers twice once', async () => {
    const form = await formFor(hr, 'digitaal');
    const data = saveData(form, { offerText: 'E-learning AI-basis', offerLink: '' });
    const first = await hr.press('loOffer.save', data);
    const again = await hr.press('loOffer.save', data);
    expect(cardText(first)).toContain('Aanbod voor Digitale vaardigheden en AI opgeslagen');
    expect(cardText(again)).toBe(cardText(first));
    expect((await offers(t)).find((o) => o.theme === 'digitaal')).toMatchObject({ revision: 1, keys: [loOfferPressKey(String(data.k), { offer: { text: 'E-learning AI-basis' } })] });
    // The member whose need has that theme sees it on their own card.
    expect(cardText((await one.press(bram, 'learningNeed.open', { ...one.ids(), questionId: 9 })).value)).toContain('E-learning AI-basis');
  });

  it('lets HR clear an offer: the member no longer sees it', async () => {
    const form = await formFor(hr, 'digitaal');
    const cleared = await hr.press('loOffer.save', { ...actionData(form, 'loOffer.save'), clear: true });
    expect(cardText(cleared)).toContain('gewist');
    expect((await offers(t)).find((o) => o.theme === 'digitaal')).toMatchObject({ revision: 2 });
    expect((await offers(t)).find((o) => o.theme === 'digitaal')?.text).toBeUndefined();
    expect(cardText((await one.press(bram, 'learningNeed.open', { ...one.ids(), questionId: 9 })).value)).not.toContain('L&O biedt aan');
  });

  it("shows the member's tab the offer for the theme they hold", async () => {
    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) });
    const { token } = await signIn.json();
    const mine = await (await fetch(`${t.app.url}/api/verantwoording/learning-needs`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(mine.offers).toEqual({ byTheme: [{ theme: 'samenwerken', text: 'Intervisie op afroep', link: LINK }] });
  });

  it('after the handover (the theme no longer kept with the member) shows every current offer of their tenant', async () => {
    await passOn(one, cem, 'samenwerken');
    t.clock.set('2026-11-30T01:00:00Z'); // Monday 02:00 in Amsterdam
    await t.app.scheduler.runDue();
    const card = (await one.press(anna, 'learningNeed.open', { ...one.ids(), questionId: 9 })).value;
    expect(cardText(card)).toContain('Anoniem overgedragen aan L&O');
    expect(cardText(card)).toContain('Wat L&O nu aanbiedt, per thema');
    expect(cardText(card)).toContain('Intervisie op afroep');
    expect(cardProblems(card)).toEqual([]);
  });
});
