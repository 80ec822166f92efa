/**
 * Found in review, stop 64 (left open then, closed in stop 65). Anna alone wrote questions 1-6 of
 * a group of four and judged the proposal: one took part, so one judgement decided, and the shared
 * card everyone sees offered "Besluit vastleggen". Bram pressed it there and was refused "Nog 1
 * oordeel nodig" (pressing, he takes part: two took part, two judgements needed). The shared card
 * now counts as if a member who has not taken part yet pressed it, while the group has one; Anna's
 * own view still offers her the decision she can make alone. A group with no one else on its list
 * gets the offer on the shared card as before.
 */
import { membersRemoved, TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter', 'Formulier', 'Een vaste overdrachtstafel'];
const DECIDE = { decision: 'accept', decisionReason: 'Snel', adoptedText: '', firstStep: 'Morgen beginnen' };

describe('the shared card offers the decision only where a member pressing it can make it', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  }, 60_000);
  afterAll(() => t?.stop());

  /** The shared card as rendered after the judgements so far: a step to the question the group is at brings it up to date. */
  async function sharedAfterJudging(g: GroupDriver, reason: string): Promise<string> {
    await g.goTo(anna, 6);
    await t.app.background.idle();
    const shared = cardText(g.sharedCard());
    if (!shared.includes(reason)) throw new Error(`the shared card does not show the judgement yet: ${shared}`);
    return shared;
  }

  it('waits for a second judgement after one member wrote and judged alone; her own view offers it to her', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:shared-offer-one-judged@thread.v2'), [anna, bram, cem, dewi]);
    await g.answeredOnDayOne(ANSWERS, { author: anna });
    const own = cardText((await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Prima zo' })).value);
    const shared = await sharedAfterJudging(g, 'Prima zo');
    const bramPressed = cardText((await g.press(bram, 'proposal.decide', { ...g.ids(), ...DECIDE })).value);
    expect({
      ownOffers: own.includes('Besluit vastleggen'),
      sharedOffers: shared.includes('Besluit vastleggen'),
      sharedWaits: shared.includes('De groep besluit zodra ten minste 2 leden een oordeel gaven. Nog 1 oordeel nodig.'),
      bramRefused: bramPressed.includes('Nog 1 oordeel nodig'),
    }).toEqual({ ownOffers: true, sharedOffers: false, sharedWaits: true, bramRefused: true });
    // A second judgement opens the decision on the shared card, and a member who did nothing else can make it there.
    await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan' });
    expect(await sharedAfterJudging(g, 'Goed plan')).toContain('Besluit vastleggen');
    await g.press(dewi, 'proposal.decide', { ...g.ids(), ...DECIDE });
    const proposal = (await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource;
    expect(proposal?.decision?.verdict).toBe('accept');
  }, 180_000);

  it('offers it on one judgement when the one who judged is the only member left', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:shared-offer-only-member@thread.v2'), [anna, bram, cem]);
    await g.answeredOnDayOne(ANSWERS, { author: anna });
    expect((await t.send(membersRemoved(g.conv, anna, [bram, cem]))).status).toBe(200);
    t.connector.roster = [anna];
    await g.press(anna, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Prima zo' });
    expect(await sharedAfterJudging(g, 'Prima zo')).toContain('Besluit vastleggen');
  }, 180_000);
});
