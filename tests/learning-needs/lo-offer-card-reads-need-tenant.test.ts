import { execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna'); // HR/L&O of tenant-1
const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const OFFER = 'E-learning Samenwerken in de keten';

/**
 * Found in review, stop 46. Hanna (HR/L&O of tenant-1) saved an offer for "samenwerken". Anna
 * passes on a learning need with that theme from her group's session card, by a press whose
 * activity names no tenant: the need is stored for the group's tenant (tenant-1). Her tab shows
 * tenant-1's offer with it; the card she got back read the offer of the turn's tenant ('') and
 * showed none. The card must read the offer of the tenant the need is stored for, as the tab does.
 */
describe("the learning-need card reads the offer of the need's tenant", () => {
  let t: TestApp;
  let g: GroupDriver;
  afterAll(() => t.stop());

  it("shows the offer of the tenant the need is stored for, as the tab does", async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '9', day2: '1,2,3', day3: '4,5,6,7', day4: '8,10' }, 'cycle-card');
    await g.startSession();
    const hr = new PersonalChat(t, hanna);
    const overview = (await hr.say('aanbod')).cards[0];
    const form = await hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'samenwerken' });
    expect(cardText(await hr.press('loOffer.save', { ...actionData(form, 'loOffer.save'), offerText: OFFER, offerLink: '' }))).toContain('opgeslagen');

    const q9 = { ...g.ids(), questionId: 9 };
    await g.press(anna, 'session.personal', { ...q9, text: 'Antwoord van Anna' });
    // The same group chat, a press whose activity names no tenant.
    const res = await t.send(execute({ ...g.conv, tenantId: '' }, anna, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: 'Beter afstemmen' }, g.sessionMessageId));
    const card = res.body.value;
    expect(cardText(card)).toContain('Doorgegeven');
    const { resources } = await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn'" }, { partitionKey: anna.aadObjectId }).fetchAll();
    expect(resources[0]).toMatchObject({ theme: 'samenwerken', tenantId: 'tenant-1' });

    // The tab shows tenant-1's offer with this need ...
    const signIn = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) });
    const { token } = await signIn.json();
    const mine = await (await fetch(`${t.app.url}/api/verantwoording/learning-needs`, { headers: { authorization: `Bearer ${token}` } })).json();
    expect(mine.offers?.byTheme).toEqual([{ theme: 'samenwerken', text: OFFER }]);
    // ... and the card the member got for the same need should too.
    expect(cardText(card)).toContain(OFFER);
  });
});
