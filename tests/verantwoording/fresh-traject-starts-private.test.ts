import { cardText, MEMBERS } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { actionData, allActionData, lookBacksOf, PersonalChat, runDueJobs, sketchTraject, trajectApp, trajectGroup } from './support';

/**
 * Found in review, stop 46. "Nieuw Prof-traject schetsen" (from the look-back card) promises "Het is
 * privé tot je het deelt", but the new traject took over the old one's sharing: Anna had shared her
 * ended Prof-traject with her manager Mia, and her freshly sketched one went onto Mia's prep card at
 * once. Must hold: a traject sketched anew is private until Anna shares it; Mia no longer sees it.
 */
describe('a Prof-traject sketched anew is private until shared, as its form says', () => {
  let t: TestApp;
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await trajectApp({ managerOf: anna });
  }, 60_000);
  afterAll(() => t.stop());

  const chat = () => new PersonalChat(t, anna);

  it('the fresh traject is not shared with the manager', async () => {
    // Anna sketches a Prof-traject of one week and shares it with her manager.
    await sketchTraject(t, anna, 1);
    const overview = (await chat().say('verantwoording')).cards[0];
    const share = allActionData(overview, 'verantwoording.visibility').find((d) => d.kind === 'profTraject' && d.visibility === 'shared');
    expect(share).toBeDefined();
    await chat().press('verantwoording.visibility', share!);
    expect(cardText((await chat().say('wat ziet mijn leidinggevende')).cards.at(-1))).toContain('Beter plannen');

    // One session: her traject ends, the look-back arrives.
    const g = await trajectGroup(t, '19:fresh-share@thread.v2', [anna, bram, cem]);
    await g.checkIn(anna, 4);
    await g.end();
    await runDueJobs(t);
    const lookBack = lookBacksOf(t, anna)[0];
    expect(lookBack).toBeDefined();

    // She sketches a new one from it; the form promises it is private until she shares it.
    const form = await chat().press('verantwoording.traject.open', { fresh: true });
    expect(cardText(form)).toContain('Het is privé tot je het deelt');
    const saved = await chat().press('verantwoording.traject.save', { ...actionData(form, 'verantwoording.traject.save'), learningNeeds: 'Mijn nieuwe wens: presenteren', talents: '', weeks: '10' });

    expect(cardText(saved)).toContain('Mijn nieuwe wens: presenteren');
    const stored = (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'profTraject' AND c.userId = @u", parameters: [{ name: '@u', value: anna.aadObjectId }] }).fetchAll()).resources;
    expect(stored.map((d) => d.learningNeeds)).toEqual(['Mijn nieuwe wens: presenteren']);
    const preview = (await chat().say('wat ziet mijn leidinggevende')).cards.map(cardText).join('\n');
    expect({ visibility: stored[0].visibility, managerSees: preview.includes('Mijn nieuwe wens: presenteren') }).toEqual({ visibility: 'private', managerSees: false });
  }, 180_000);
});
