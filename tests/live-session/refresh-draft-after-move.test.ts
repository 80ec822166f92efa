/**
 * A member types an answer to question 1 on their own view and presses "Vernieuwen" (to see what
 * the others added; the card promises what was typed stays). Meanwhile a colleague moved the group
 * to question 2. The refreshed card showed question 2 and the typed words were nowhere, with no
 * word about it. They now come back on question 1, with why they are not saved. Found in review,
 * stop 38. A judgement typed on the validation question was lost the same way until stop 39.
 */
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

describe('"Vernieuwen" with a draft, after the group moved on', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('gives the member their typed words back', async () => {
    const [anna, bram] = MEMBERS;
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 3));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const own = (await g.press(anna!, 'session.refresh', g.ids())).value;
    const refresh = own.actions.find((a: any) => a.verb === 'session.refresh'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(refresh.data.questionId).toBe(1);
    await g.goTo(bram!, 1);
    const draft = 'De overdracht tussen avond- en nachtdienst, daar gaat het elke week mis';
    const fresh = await g.press(anna!, 'session.refresh', { ...refresh.data, text: draft });
    expect((await g.items('contribution')).map((c) => c.text)).not.toContain(draft);
    expect(JSON.stringify(fresh.value)).toContain(draft);
    expect(JSON.stringify(fresh.value)).toContain('De groep ging intussen verder');
  }, 60_000);

  it('gives the member their typed judgement back on the validation question', async () => {
    const [anna, bram] = MEMBERS;
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:judgement-draft@thread.v2'), MEMBERS.slice(0, 3)).answeredOnDayOne(
      ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vast overdrachtsmoment van tien minuten met een kort formulier'],
      { checkIn: 4 },
    );
    const own = (await g.press(anna!, 'session.refresh', g.ids())).value;
    expect(cardText(own)).toContain('Jouw oordeel');
    const refresh = own.actions.find((a: any) => a.verb === 'session.refresh'); // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(refresh.data.questionId).toBe(7);
    await g.goTo(bram!, 5);
    const reason = 'Tien minuten is krap op een drukke avond, maar het formulier helpt';
    const fresh = (await g.press(anna!, 'session.refresh', { ...refresh.data, opinion: 'doubt', reason })).value;
    expect(JSON.stringify(fresh)).toContain(reason);
    expect(cardText(fresh)).toContain('Je kunt het hier nog steeds bewaren');
    // Shown with its own save button, and nothing stored by the refresh.
    expect(JSON.stringify(fresh)).toContain('"verb":"proposal.judge"');
    const judgements = (await t.store.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.type = 'judgement'", parameters: [] }, { partitionKey: g.groupId }).fetchAll()).resources;
    expect(judgements).toEqual([]);
  }, 90_000);
});
