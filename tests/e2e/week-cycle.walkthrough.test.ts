import { botAdded } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A full four-day Vitale Weekcyclus over HTTP, as Teams would drive it, with AI off.
 * Each step is (who acts, what they do, what the card they get back must say).
 */
describe('a group walks through a whole week cycle', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z'); // Monday 09:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
  });
  afterAll(() => t.stop());
  const lastPosted = () => t.connector.cards((c) => c.method === 'POST').at(-1)!.card;

  it('greets the chat when the app is added', async () => {
    await t.send(botAdded(g.conv, anna));
    expect(cardText(lastPosted())).toContain('Welkom bij Lerend Werken');
    // AI is off here: the greeting promises no AI draft, and says the group writes its own proposal.
    expect(cardText(lastPosted())).not.toContain('laat AI');
    expect(cardText(lastPosted())).toContain('eigen verbetervoorstel');
  });

  it('sets up the group from the roster and starts week 1', async () => {
    const setup = await g.setUp();
    expect(cardText(setup.value)).toContain('Team Zorg is klaar om te beginnen');
    // The group's own plan comes back as saved: who, which days, what time.
    expect(cardText(setup.value)).toMatch(/Leden\W*Anna, Bram, Cem, Dewi/);
    expect(cardText(setup.value)).toMatch(/Dagen\W*ma, di, wo, do/);
    expect(cardText(setup.value)).toMatch(/Tijd\W*09:00-10:00 \(Europe\/Amsterdam\)/);
    const cycle = await g.startCycle();
    expect(cardText(cycle.value)).toMatch(/Dag 1 · ma 23 nov · 09:00/);
    expect(cardText(cycle.value)).toMatch(/week 1 van 20/);
    expect(cardText(cycle.value)).toContain('Kiezen en verkennen: 1, 2, 3');
  });

  it('day 1: check-in stays private until it closes with three answers, questions 1-3 answered together', async () => {
    const opened = await g.startSession();
    expect(opened.type).toBe('application/vnd.microsoft.activity.message');
    expect(g.sessionId).toMatch(/_s1$/);
    expect(cardText(g.sharedCard())).toContain('dag 1: Kiezen en verkennen');

    const afterTwo = [await g.checkIn(anna, 2), await g.checkIn(bram, 5)].at(-1)!;
    expect(cardText(afterTwo.value)).toContain("2 collega's ingecheckt");
    expect(cardText(afterTwo.value)).toContain('Jouw energie bij de start: 5');
    expect(cardText(g.sharedCard())).not.toMatch(/Jouw energie/);
    const third = await g.checkIn(cem, 4);
    // Three answers, but the check-in is still open: no figure yet, only how many checked in.
    expect(cardText(third.value)).toContain("3 collega's ingecheckt");
    expect(cardText(third.value)).not.toMatch(/gemiddeld \d/);
    // A check-in is the member's own addition: the shared card is not edited under the others' typing.
    expect(cardText(g.sharedCard())).toContain("0 collega's ingecheckt");

    const steps: [typeof anna, number, number, string][] = [
      [anna, 0, 1, 'De overdracht tussen dienst en avonddienst'],
      [bram, 0, 1, 'Vooral op maandag na het weekend'],
      [cem, 1, 2, 'Informatie staat verspreid in drie systemen'],
      [dewi, 2, 3, 'Goed: collegialiteit. Knelt: geen vaste tijd voor overdracht'],
    ];
    for (const [who, index, questionId, text] of steps) {
      await g.goTo(who, index);
      const card = await g.contribute(who, questionId, text);
      expect(cardText(card.value)).toContain(text);
    }
    // Moving on closed the check-in: its average is published once, without a count.
    expect(cardText(g.sharedCard())).toContain('Energie bij de start: gemiddeld 3,7.');
    await g.goTo(anna, 0);
    // The live card names each author once, at their answer; no second line repeats them.
    expect(cardText(g.sharedCard())).toMatch(/Anna:\W*De overdracht tussen dienst en avonddienst/);
    expect(cardText(g.sharedCard())).not.toContain('Bijgedragen door');

    await g.end(bram);
    const summary = lastPosted();
    expect(cardText(summary)).toContain('Samenvatting Team Zorg');
    // The summary shows the answers without their authors' lines, so it says who contributed.
    expect(cardText(summary)).toContain('Bijgedragen door: Anna, Bram');
    expect(cardText(summary)).toContain('Volgende sessie: dag 2, Probleem en ideeën.');
    expect(cardText(g.sharedCard())).toContain('Deze sessie is afgerond');
  });

  it('day 2: problem statement and ideas', async () => {
    t.clock.advanceMinutes(24 * 60);
    await g.startSession(cem);
    expect(g.sessionId).toMatch(/_s2$/);
    expect(cardText(g.sharedCard())).toContain('dag 2: Probleem en ideeën');
    await g.contribute(anna, 4, 'Overdracht kost te veel tijd en er valt informatie weg.');
    await g.goTo(anna, 1);
    await g.contribute(bram, 5, 'Vaste overdrachtsmomenten van tien minuten');
    await g.contribute(dewi, 5, 'Eén overdrachtsformulier');
    await g.end();
    expect(cardText(lastPosted())).toContain('dag 3, AI als co-intelligentie');
  });

  it('day 3: AI is off, so the group writes its own proposal, judges it and decides', async () => {
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    expect(cardText(g.sharedCard())).toContain('AI staat uit in deze omgeving.');
    expect(cardText(g.sharedCard())).toContain('Ga verder met jullie eigen verbetervoorstel');
    await g.contribute(bram, 6, 'Elke dienst start met tien minuten overdracht met één formulier.');
    await g.goTo(bram, 1);
    const proposalId = `${g.sessionId.replace(/_s3$/, '')}_p`;
    for (const [who, opinion, reason] of [[anna, 'agree', 'Eenvoudig te starten'], [bram, 'doubt', 'Formulier eerst testen'], [cem, 'agree', 'Past bij ons rooster']] as const) {
      const card = await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion, reason });
      expect(cardText(card.value)).toContain(`${who.name} · `);
    }
    const decided = await g.press(dewi, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'Eerst testen, dan invoeren.', adoptedText: 'Tien minuten overdracht, formulier eerst twee weken testen.', firstStep: 'Dewi maakt het formulier voor donderdag.' });
    expect(cardText(decided.value)).toContain('Besluit van de groep: aanpassen in eigen woorden');
    expect(cardText(decided.value)).toContain('Dewi maakt het formulier voor donderdag.');
    await g.end();
  });

  it('day 4: broad value, private personal questions, check-out and the weekly summary', async () => {
    t.clock.advanceMinutes(24 * 60);
    await g.startSession();
    await g.contribute(cem, 8, 'Minder stress, ook voor nieuwe collega\'s');
    await g.goTo(anna, 1);
    const own = await g.press(anna, 'session.personal', { ...g.ids(), questionId: 9, text: 'Ik wil beter leren plannen' });
    expect(cardText(own.value)).toContain('Ik wil beter leren plannen');
    expect(cardText(g.sharedCard())).not.toContain('Ik wil beter leren plannen');
    const bramsView = await g.press(bram, 'session.refresh', g.ids());
    expect(cardText(bramsView.value)).not.toContain('Ik wil beter leren plannen');

    await g.goTo(anna, 2);
    const checkout = await g.checkIn(anna, 4);
    expect(cardText(checkout.value)).toContain('Hoeveel energie heb je nu, aan het eind?');
    await g.checkIn(anna, 5, 'out');
    await g.end();
    const weekly = cardText(lastPosted());
    expect(weekly).toContain('Weekoverzicht Team Zorg · week 1');
    expect(weekly).toContain('Welke werksituatie pakken we aan?');
    expect(weekly).toContain('Besluit van de groep: aanpassen in eigen woorden');
    expect(weekly).toContain('Dewi maakt het formulier voor donderdag.');
    expect(weekly).toContain('Deze week is rond.');
    const cycle = (await t.cosmos.container('sessions').item(g.sessionId.replace(/_s4$/, ''), g.groupId).read()).resource;
    expect(cycle.completedAt).toBeDefined();
  });

  it('stored the personal answer in the member\'s own partition, private', async () => {
    const { resources } = await t.cosmos.container('personal').items.query("SELECT * FROM c WHERE c.type = 'personalAnswer'").fetchAll();
    expect(resources).toHaveLength(1);
    expect(resources[0]).toMatchObject({ userId: 'aad-anna', questionId: 9, visibility: 'private' });
    const sessions = await t.cosmos.container('sessions').items.query('SELECT * FROM c').fetchAll();
    expect(JSON.stringify(sessions.resources)).not.toContain('Ik wil beter leren plannen');
  });

  it('sent only cards that parse as Adaptive Cards 1.5 and fit Teams\' size limit', () => {
    const cards = [...t.connector.cards().map((c) => c.card), ...g.invokeCards];
    expect(cards.length).toBeGreaterThan(40);
    const problems = cards.flatMap((card) => cardProblems(card as object));
    expect(problems).toEqual([]);
  });

  it('logged no names and no answer text', () => {
    const logs = t.logs.join('\n');
    for (const secretish of ['Anna', 'Bram', 'Dewi', 'overdracht', 'Ik wil beter leren plannen', 'Team Zorg']) expect(logs).not.toContain(secretish);
  });
});
