import { botAdded, execute, submit, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, allActionData, PersonalChat, runWeek } from './support';

/**
 * Mijn verantwoording in the personal chat, over HTTP as Teams sends it: the overview per cycle
 * (time, proposals, personal answers), notes with their share toggle, time corrections, the
 * Prof-traject, language, and attempts to reach another person's entries.
 */
describe('Mijn verantwoording in the personal chat', () => {
  let t: TestApp;
  let g: GroupDriver;
  let anna: PersonalChat;
  let bram: PersonalChat;
  let eva: PersonalChat;
  const [a, b, c, d] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const ANNA_SECRET = 'Mijn persoonlijke groeipunt: feedback vragen';

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), [a, b, c, d]);
    anna = new PersonalChat(t, a);
    bram = new PersonalChat(t, b);
    eva = new PersonalChat(t, user('Eva'));
  });
  afterAll(() => t.stop());

  it('lists the personal commands in the personal chat\'s help', async () => {
    const { cards } = await anna.say('help');
    const text = cardText(cards[0]);
    for (const command of ['verantwoording', 'notitie <tekst>', 'mijn gegevens', 'wis mijn gegevens', 'taal en / taal nl', 'gesprek plannen', 'voorbereiding']) expect(text).toContain(command);
    // Downloading is in the tab only: the chat's help says where, and does not promise it here.
    expect(text).not.toContain('downloaden of wissen');
    expect(text).toContain('tabblad Mijn verantwoording');
  });

  it('greets in the personal chat with the same full list, and helps in the language the person chose', async () => {
    const sam = new PersonalChat(t, user('Sam'));
    const before = t.connector.calls.length;
    await t.send(botAdded(sam.conv, sam.who));
    const greeting = t.connector.calls.slice(before).flatMap((c) => (c.activity.attachments ?? []).map((x: { content: unknown }) => x.content));
    const text = cardText(greeting[0]);
    for (const command of ['gesprek plannen', 'voorbereiding', 'wis mijn gegevens', 'wat ziet mijn leidinggevende']) expect(text).toContain(command);
    await sam.say('taal en');
    const english = cardText((await sam.say('help')).cards[0]);
    expect(english).toContain('plan review');
    expect(english).toContain('erase my data');
    expect(english).toContain('My accountability tab');
  });

  it('offers the Prof-traject and explains the empty overview before the first cycle', async () => {
    const { cards } = await anna.say('verantwoording');
    expect(cards).toHaveLength(1);
    const text = cardText(cards[0]);
    expect(text).toContain('Mijn verantwoording');
    expect(text).toContain('Je hebt nog geen Prof-traject');
    expect(text).toContain('Nog geen weken');
    expect(actionData(cards[0], 'verantwoording.traject.open')).toEqual({});
  });

  it('links a week of sessions automatically: time used, the proposal, the personal answers', async () => {
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: ANNA_SECRET, personal10: 'Energie gaf het samen puzzelen', contribution: 'De overdracht tussen diensten' });
    const { cards } = await anna.say('verantwoording');
    const text = cardText(cards[0]);
    expect(text).toContain('Team Zorg · week 1');
    expect(text).toContain('4 uur (4 sessies bijgewoond)');
    expect(text).toContain('Tien minuten overdracht met een vast formulier.');
    expect(text).toContain('aangepast aangenomen');
    expect(text).toContain(ANNA_SECRET);
    expect(text).toContain('Energie gaf het samen puzzelen');
    expect(text).toMatch(/Privé/);
  });

  it('adds, shares, edits and deletes notes from the card', async () => {
    let card = await anna.press('verantwoording.note.add', { text: 'Eerste notitie over plannen' });
    expect(cardText(card)).toContain('Eerste notitie over plannen');
    const noteId = actionData(card, 'verantwoording.note.open')!.noteId as string;

    card = await anna.press('verantwoording.visibility', allActionData(card, 'verantwoording.visibility').find((x) => x.id === noteId)!);
    expect(allActionData(card, 'verantwoording.visibility').find((x) => x.id === noteId)).toMatchObject({ visibility: 'private' });
    expect(cardText(card)).toContain('Gedeeld met leidinggevende');

    const edit = await anna.press('verantwoording.note.open', { noteId });
    expect(cardText(edit)).toContain('Eerste notitie over plannen');
    const save = actionData(edit, 'verantwoording.note.save')!;
    expect(save).toEqual({ noteId, rev: 1, visibilityRev: 1 });
    card = await anna.press('verantwoording.note.save', { ...save, text: 'Eerste notitie, herschreven' });
    expect(cardText(card)).toContain('Eerste notitie, herschreven');

    // The same (stale) edit card saved again with other text: a conflict, shown with the newest text.
    const stale = await anna.press('verantwoording.note.save', { ...save, text: 'Oude kaart' });
    expect(cardText(stale)).toContain('intussen ergens anders gewijzigd');
    expect(cardText(stale)).toContain('Eerste notitie, herschreven');

    const extra = await anna.press('verantwoording.note.add', { text: 'Tweede notitie' });
    const secondId = allActionData(extra, 'verantwoording.note.delete').map((x) => x.noteId).find((x) => x !== noteId)!;
    card = await anna.press('verantwoording.note.delete', { noteId: secondId });
    expect(cardText(card)).not.toContain('Tweede notitie');
  });

  it('the "notitie" command adds a note; the Action.Submit fallback works too', async () => {
    const { cards } = await anna.say('notitie Geleerd hoe de overdracht korter kan');
    expect(cardText(cards[0])).toContain('Geleerd hoe de overdracht korter kan');
    const before = t.connector.calls.length;
    await t.send(submit(anna.conv, a, { verb: 'verantwoording.note.add', text: 'Via de terugvaloptie' }, 'msg-fallback'));
    const updated = t.connector.calls.slice(before).find((x) => x.method === 'PUT' && x.activityId === 'msg-fallback');
    expect(cardText(updated?.activity.attachments[0].content)).toContain('Via de terugvaloptie');
    anna.cards.push(updated?.activity.attachments[0].content);
  });

  it('shares a personal answer and corrects the hours of a week', async () => {
    let card = (await anna.say('verantwoording')).cards[0];
    const answerToggle = allActionData(card, 'verantwoording.visibility').find((x) => x.kind === 'answer')!;
    card = await anna.press('verantwoording.visibility', answerToggle);
    expect(allActionData(card, 'verantwoording.visibility').find((x) => x.id === answerToggle.id)).toMatchObject({ visibility: 'private' });

    const open = actionData(card, 'verantwoording.time.open')!;
    const timeCard = await anna.press('verantwoording.time.open', open);
    expect(cardText(timeCard)).toContain('Je bevestigde 4 sessies van deze week, dat is 4 uur.');
    card = await anna.press('verantwoording.time.save', { ...actionData(timeCard, 'verantwoording.time.save'), hours: '3.5' });
    expect(cardText(card)).toContain('3,5 uur (4 sessies bijgewoond; door jou aangepast)');
    const badHours = await anna.press('verantwoording.time.save', { ...open, hours: '400' });
    expect(cardText(badHours)).toContain('Vul een aantal uren in van 0 tot 40.');
  });

  it('sketches the Prof-traject, suggesting the group\'s planned weeks', async () => {
    const form = await anna.press('verantwoording.traject.open', {});
    expect(JSON.stringify(form)).toContain('"id":"weeks","label":"Aantal actieve weken","value":20');
    const card = await anna.press('verantwoording.traject.save', { learningNeeds: 'Beter plannen', talents: 'Collega\'s begeleiden', weeks: '24' });
    expect(cardText(card)).toContain('Beter plannen');
    expect(cardText(card)).toContain('24 actieve weken gepland');
    expect(cardText(card)).not.toContain('Je hebt nog geen Prof-traject');
  });

  it('never shows or changes another person\'s entries, whatever ids a card sends', async () => {
    const annaCard = (await anna.say('verantwoording')).cards[0];
    const noteId = actionData(annaCard, 'verantwoording.note.open')!.noteId as string;
    const answer = allActionData(annaCard, 'verantwoording.visibility').find((x) => x.kind === 'answer')!;
    const time = actionData(annaCard, 'verantwoording.time.open')!;
    const attempts: [string, Record<string, unknown>][] = [
      ['verantwoording.note.open', { noteId }],
      ['verantwoording.note.save', { noteId, rev: 1, text: 'Overgenomen door Bram' }],
      ['verantwoording.note.delete', { noteId }],
      ['verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }],
      ['verantwoording.visibility', { ...answer, visibility: 'private' }],
    ];
    const seen: string[] = [];
    for (const [verb, data] of attempts) {
      const card = await bram.press(verb, data);
      seen.push(cardText(card));
      // A save on a note he does not have keeps only his own typed text, as for a note deleted meanwhile.
      expect(cardText(card)).toMatch(/Dat lukte niet|Mijn verantwoording|intussen verwijderd/);
    }
    // Eva never attended Anna's week: she can neither open nor correct its time.
    seen.push(cardText(await eva.press('verantwoording.time.open', time)));
    seen.push(cardText(await eva.press('verantwoording.time.save', { ...time, hours: '2' })));
    seen.push(cardText(await eva.press('verantwoording.visibility', { kind: 'time', id: time.cycleId, groupId: time.groupId, visibility: 'shared' })));
    // The Action.Submit fallback path as well.
    const before = t.connector.calls.length;
    await t.send(submit(bram.conv, b, { verb: 'verantwoording.note.open', noteId }, 'bram-msg'));
    seen.push(JSON.stringify(t.connector.calls.slice(before).map((x) => x.activity)));
    // Bram's own overview.
    seen.push(cardText((await bram.say('verantwoording')).cards[0]));

    for (const s of seen) {
      expect(s).not.toContain('Eerste notitie');
      expect(s).not.toContain(ANNA_SECRET);
    }
    const after = cardText((await anna.say('verantwoording')).cards[0]);
    expect(after).toContain('Eerste notitie, herschreven');
    expect(allActionData((await anna.say('verantwoording')).cards[0], 'verantwoording.visibility').find((x) => x.id === noteId)).toMatchObject({ visibility: 'private' });
  });

  it('works only in the personal chat: in a group chat the actions are refused and nothing is posted there', async () => {
    const res = await t.send(execute(g.conv, a, 'verantwoording.show', {}, 'group-msg'));
    expect(cardText(res.body.value)).toContain('Dat lukte niet');
    expect(cardText(res.body.value)).not.toContain(ANNA_SECRET);
    const before = t.connector.calls.length;
    await t.send({ ...submit(g.conv, a, { verb: 'verantwoording.show' }, 'group-msg') });
    const posted = JSON.stringify(t.connector.calls.slice(before).map((x) => x.activity));
    expect(posted).not.toContain(ANNA_SECRET);
    expect(posted).not.toContain('Eerste notitie');
  });

  it('follows the Teams language until the person chooses one ("language en"), which then wins, and knows the English command words', async () => {
    // Nothing chosen yet: the language of the Teams client decides, as it does for the manifest and the tab.
    expect(cardText((await anna.say('accountability')).cards[0])).toContain('Mijn verantwoording');
    expect(cardText((await anna.say('verantwoording', 'en-US')).cards[0])).toContain('My accountability');
    expect((await anna.say('taal en')).texts).toEqual(['From now on I will talk to you in English.']);
    const card = (await anna.say('accountability')).cards[0];
    expect(cardText(card)).toContain('My accountability');
    expect(cardText(card)).toContain('Team Zorg · week 1');
    expect(cardText(card)).toContain('Your answers');
    const edit = await anna.press('verantwoording.note.open', { noteId: actionData(card, 'verantwoording.note.open')!.noteId });
    expect(cardText(edit)).toContain('Edit note');
    expect(cardText((await anna.say('my data')).cards[0])).toContain('Download a copy of all your data');
    expect((await anna.say('language')).texts).toEqual(["Choose your language with 'language nl' or 'language en'."]);
    expect((await anna.say('language nl')).texts).toEqual(['Ik spreek je voortaan in het Nederlands aan.']);
    // A choice made in the chat outranks the Teams client's language.
    expect(cardText((await anna.say('accountability', 'en-US')).cards[0])).toContain('Mijn verantwoording');
  });

  it('shows "mijn gegevens" and asks for confirmation before erasing', async () => {
    const data = (await anna.say('mijn gegevens')).cards[0];
    expect(cardText(data)).toContain('tabblad Mijn verantwoording');
    expect(actionData(data, 'verantwoording.erase.ask')).toEqual({});
    const confirm = (await anna.say('wis mijn gegevens')).cards[0];
    expect(cardText(confirm)).toContain('Al je gegevens wissen?');
    expect(actionData(confirm, 'verantwoording.erase.confirm')).toEqual({ confirm: 'yes', k: expect.stringMatching(/^[A-Za-z0-9_-]{22}$/) });
    expect(cardText(await anna.press('verantwoording.erase.ask', {}))).toContain('Dit kun je niet ongedaan maken');
  });

  it('sent only valid Adaptive Cards (1.5, within the size limit)', () => {
    const cards = [...anna.cards, ...bram.cards, ...eva.cards];
    expect(cards.length).toBeGreaterThan(25);
    expect(cards.flatMap((card) => cardProblems(card as object))).toEqual([]);
  });

  it('logged no names and no note or answer text', () => {
    const logs = t.logs.join('\n');
    for (const s of ['Anna', 'Bram', 'Eva', 'Eerste notitie', ANNA_SECRET, 'Beter plannen']) expect(logs).not.toContain(s);
  });
});
