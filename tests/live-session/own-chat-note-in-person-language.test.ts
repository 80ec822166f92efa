import { message, submit, TestUser } from '../support/activities';
import { buttonTitles, inputValues } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { preferencesId } from '../../src/domain/verantwoording/preferences';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/**
 * README "From stop 48": a note for the presser's own 1:1 chat about a press in a group's chat
 * (the Action.Submit fallback, a refused form sent there) was in the group's language, also when
 * the person chose another for their own chat ("taal en"), and a refused session form came there
 * as the group's session card, whose buttons only work in the group's chat.
 * Must hold: Anna chose English in her own chat; in a Dutch group, on the Submit fallback, her
 * refused contribution reaches her own chat as a note in English: the reason, her words to copy,
 * and the group card's button to press again quoted as that card shows it, in Dutch ("Toevoegen"),
 * marked as the card's label; no button of its own (a group action there would be refused). A
 * press answered with words reaches her in English too. Bram chose nothing: his stay Dutch. A
 * stored press costs no read of anyone's language.
 */
describe("a note in the presser's own chat about a press in a Dutch group's chat", () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];
  const ownChat = (who: TestUser) => t.connector.personalChats.get(who.id) ?? t.connector.personalChats.get(who.aadObjectId);
  const textOf = (c: any) => `${c.activity?.text ?? ''} ${(c.activity?.attachments ?? []).map((a: any) => cardText(a.content)).join(' ')}`;

  /** What reached `who`'s own chat after `before`, once something did. */
  const toOwnChat = async (who: TestUser, before: number) => {
    await t.app.outbox.drain(30_000);
    await waitUntil(`a note in ${who.name}'s own chat`, () => t.connector.calls.slice(before).some((c) => c.method === 'POST' && c.conversationId === ownChat(who)), {
      state: () => t.connector.calls.slice(before).map((c) => `${c.method} ${c.conversationId}`).join(' | '),
    });
    return t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === ownChat(who));
  };
  const actionsOn = (card: unknown) => JSON.stringify(card).match(/"Action\.(Execute|Submit)"/g) ?? [];
  /** Runs `work` and counts the requests for a language chosen for a 1:1 chat (anyone's preferences). */
  const languageReads = async (work: () => Promise<unknown>, who: TestUser[]) => {
    const ids = who.map((w) => preferencesId(w.aadObjectId));
    let reads = 0;
    t.proxy!.faults = (req) => {
      if (ids.some((id) => req.path.includes(id))) reads++;
      return undefined;
    };
    try {
      await work();
    } finally {
      t.proxy!.faults = undefined;
    }
    return reads;
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat', '19:own-chat-note-language@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('nl');
    await g.startCycle();
    await g.startSession();
    await t.send(message(t.conversation('personal', 'a:personal-anna'), anna, 'taal en'));
  }, 60_000);
  afterAll(() => t.stop());

  it("draws Anna's refused contribution in English, quoting the Dutch card's button as its label", async () => {
    const long = 'Een lange bijdrage van Anna. '.repeat(90).slice(0, 2400);
    const before = t.connector.calls.length;
    // Her language is read on this rare path, once.
    const reads = await languageReads(async () => expect((await t.send(submit(g.conv, anna, { verb: 'session.contribute', ...g.ids(), questionId: 1, text: long }, g.sessionMessageId))).status).toBe(200), [anna]);
    expect(reads).toBe(1);
    const notes = await toOwnChat(anna, before);
    expect(notes).toHaveLength(1);
    const note = notes[0]!.activity.attachments[0].content;
    expect(cardProblems(note)).toEqual([]);
    const text = cardText(note);
    // The reason and the note's own words in English, none of the group's Dutch around them.
    expect(text).toContain('At most 2,000 characters; this is 2,400.');
    expect(text).not.toMatch(/Hoogstens|Nog niet bewaard|Niet bewaard|kaart|knop|Vraag \d/);
    // The button to press again as the group's card shows it, in Dutch, marked as that card's label.
    expect(text).toMatch(/button 'Toevoegen'/);
    expect(buttonTitles(g.sharedCard())).toContain('Toevoegen');
    // Her words are kept to copy; the note has no button (a group action pressed there is refused).
    expect(inputValues(note).text).toBe(long);
    expect(actionsOn(note)).toEqual([]);
    // Nothing was stored, and nothing of it went to the group's chat.
    expect(await g.items('contribution')).toEqual([]);
    expect(t.connector.calls.slice(before).filter((c) => c.conversationId === g.conv.id && JSON.stringify(c.activity).includes('Een lange bijdrage'))).toEqual([]);
  }, 60_000);

  it("draws a refused agenda in English, quoting the Dutch agenda card's button", async () => {
    const cycleId = `${g.groupId}_w1`;
    const agenda = (await g.press(anna, 'cycle.agenda.open', { groupId: g.groupId, cycleId }, 'cycle-card')).value;
    expect(buttonTitles(agenda)).toContain('Agenda opslaan');
    const before = t.connector.calls.length;
    await t.send(submit(g.conv, anna, { verb: 'cycle.agenda.save', groupId: g.groupId, cycleId, day1: 'een, twee', day2: '8', day3: '9', day4: '10' }, 'agenda-card'));
    const note = (await toOwnChat(anna, before))[0]!.activity.attachments[0].content;
    expect(cardProblems(note)).toEqual([]);
    const text = cardText(note);
    expect(text).toContain('Only question numbers, separated by commas (such as 4,5).');
    expect(text).toMatch(/button 'Agenda opslaan'/);
    expect(text).not.toMatch(/Alleen vraagnummers|Niet bewaard|kaart|knop/);
    expect(actionsOn(note)).toEqual([]);
  }, 60_000);

  it('tells Anna in English why her judgement was not stored', async () => {
    const before = t.connector.calls.length;
    await t.send(submit(g.conv, anna, { verb: 'proposal.judge', ...g.ids(), opinion: 'agree', reason: 'Goed' }, g.sessionMessageId));
    const text = (await toOwnChat(anna, before)).map(textOf).join(' ');
    expect(text).toContain('There is no proposal to judge yet');
    expect(text).not.toContain('Er is nog geen voorstel');
  }, 60_000);

  it('keeps the note Dutch for Bram, who chose no language for his own chat', async () => {
    const before = t.connector.calls.length;
    await t.send(submit(g.conv, bram, { verb: 'session.contribute', ...g.ids(), questionId: 1, text: 'x'.repeat(2100) }, g.sessionMessageId));
    const note = (await toOwnChat(bram, before))[0]!.activity.attachments[0].content;
    const text = cardText(note);
    expect(cardProblems(note)).toEqual([]);
    expect(text).toContain('Hoogstens 2.000 tekens; dit zijn er 2.100.');
    expect(text).toMatch(/knop 'Toevoegen'/);
    expect(inputValues(note).text).toBe('x'.repeat(2100));
  }, 60_000);

  it("reads nobody's language for a stored press on the fallback", async () => {
    const reads = await languageReads(async () => expect((await t.send(submit(g.conv, cem, { verb: 'session.contribute', ...g.ids(), questionId: 1, text: 'Overdracht' }, g.sessionMessageId))).status).toBe(200), MEMBERS);
    expect(reads).toBe(0);
    expect((await g.items('contribution')).map((c) => c.text)).toEqual(['Overdracht']);
  }, 60_000);
});
