/**
 * Found in review, stop 46. Teams calls a 1:1 chat between two people "personal" too (its id is a
 * thread's, "19:…"; the bot's own chat's is "a:…"), and the bot's messages and cards can land
 * there. The verantwoording commands, card actions and refusal forms checked only for "personal",
 * so they answered in Anna's 1:1 chat with Bram as in her own chat with the bot: her overview
 * (private Prof-traject, private notes) was posted where Bram reads it, a typed note was stored
 * there, and "Mijn verantwoording" or a note's "Bewerken" pressed there showed the same.
 *
 * Clock: Monday 23 November 2026. Anna keeps a private note and a private Prof-traject.
 * 1. In her 1:1 chat with Bram she types every verantwoording command (`verantwoording`,
 *    `notitie ...`, `mijn gegevens`, `wis mijn gegevens`, `taal en`, `help`).
 * 2. There she presses every verantwoording card action (overview, notes, sharing, time,
 *    Prof-traject, the look-back card's three buttons, her data, erasure), with good input and
 *    with input each form refuses, and once on the Action.Submit fallback.
 * 3. She types `verantwoording` and opens her note in her own chat with the bot.
 * Must hold: in the chat with Bram each answer is only the pointer to her own chat with Lerend
 * Werken, naming none of her entries; nothing in her partition is added, changed or erased. In her
 * own chat everything shows as before.
 */
import { randomUUID } from 'node:crypto';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { saveProfTraject } from '../../src/usecases/verantwoording/prof-traject';
import { ConversationSpec, execute, message, submit, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from './support';

const anna = user('Anna');
const WITH_BRAM = '19:anna-and-bram@unq.gbl.spaces';
const OWN_CHAT = 'a:personal-anna';
const PRIVATE_NOTE = 'Ik twijfel of ik bij dit team wil blijven';
const PRIVATE_TRAJECT = 'Omgaan met conflicten in het team';
const LEAKS = /twijfel of ik bij dit team|conflicten in het team/;
const POINTER = 'alleen in je eigen chat met Lerend Werken';

describe('Mijn verantwoording in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  let noteId: string;
  const withBram = () => t.conversation('personal', WITH_BRAM);
  const ownChat = () => t.conversation('personal', OWN_CHAT);

  /** Each thing the bot posted to (or put in) a chat since `before`: its text and its cards. */
  const answersIn = (conversationId: string, before: number) =>
    t.connector.calls
      .slice(before)
      .filter((c) => c.conversationId === conversationId)
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'));
  /** Whether an answer is the pointer alone: it says where to go, and names nothing of hers. */
  const heard = (answers: string[]) => ({ answers: answers.length, pointers: answers.filter((a) => a.includes(POINTER)).length, leaks: answers.map((a) => LEAKS.exec(a)?.[0]).filter(Boolean) });
  const typed = async (conv: ConversationSpec, who: TestUser, text: string) => {
    const before = t.connector.calls.length;
    const res = await t.send(message(conv, who, text));
    expect(res.status).toBe(200);
    return answersIn(conv.id, before);
  };
  const pressed = async (conv: ConversationSpec, who: TestUser, verb: string, data: Record<string, unknown>) => {
    const res = await t.send(execute(conv, who, verb, data, 'card-in-chat-with-bram'));
    expect(res.status).toBe(200);
    return res.body?.value ? cardText(res.body.value) : JSON.stringify(res.body ?? '');
  };
  /** Anna's own partition as stored: every record with its version, to see nothing was added, changed or erased. */
  const annaPartition = async () =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: 'aad-anna' }] }).fetchAll()).resources
      .map((d) => `${d.type}:${d.id}:${d._etag}`)
      .sort();

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
    const deps = verantwoordingDeps(t.cosmos);
    noteId = (await addNote(deps, 'aad-anna', { key: 'anna-private-note', text: PRIVATE_NOTE })).id;
    await saveProfTraject(deps, 'aad-anna', { learningNeeds: PRIVATE_TRAJECT, talents: 'Luisteren', plannedWeeks: 20 });
  }, 120_000);
  afterAll(() => t.stop());

  it('answers every typed command there with only the pointer, and stores nothing', async () => {
    const stored = await annaPartition();
    const commands = ['verantwoording', 'mijn verantwoording', 'notitie Gesprek met Bram over de planning', 'notitie', 'mijn gegevens', 'wis mijn gegevens', 'taal en', 'help'];
    const answers: Record<string, ReturnType<typeof heard>> = {};
    for (const command of commands) answers[command] = heard(await typed(withBram(), anna, command));
    expect(answers).toEqual(Object.fromEntries(commands.map((c) => [c, { answers: 1, pointers: 1, leaks: [] }])));
    expect(await annaPartition()).toEqual(stored);
  }, 120_000);

  it('answers every card action there with only the pointer, refused input included, and stores or erases nothing', async () => {
    const stored = await annaPartition();
    const tooLong = 'x'.repeat(5001);
    const presses: [string, string, Record<string, unknown>][] = [
      ['overview', 'verantwoording.show', {}],
      ['add a note', 'verantwoording.note.add', { text: 'Gesprek met Bram', k: randomUUID() }],
      ['add a note, too long (its form)', 'verantwoording.note.add', { text: tooLong, k: randomUUID() }],
      ['open a note', 'verantwoording.note.open', { noteId }],
      ['save a note', 'verantwoording.note.save', { noteId, rev: 1, text: 'Anders verwoord' }],
      ['save a note, too long (its form)', 'verantwoording.note.save', { noteId, rev: 1, text: tooLong }],
      ['delete a note', 'verantwoording.note.delete', { noteId, rev: 1 }],
      ['share a note', 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'shared' }],
      ['share the Prof-traject', 'verantwoording.visibility', { kind: 'profTraject', id: 'profTraject', visibility: 'shared' }],
      ['open a week\'s time', 'verantwoording.time.open', { groupId: 'group-1', cycleId: 'cycle-1' }],
      ['save a week\'s time', 'verantwoording.time.save', { groupId: 'group-1', cycleId: 'cycle-1', hours: 2 }],
      ['save a week\'s time, out of range (its form)', 'verantwoording.time.save', { groupId: 'group-1', cycleId: 'cycle-1', hours: 2000 }],
      ['open the Prof-traject', 'verantwoording.traject.open', {}],
      ['save the Prof-traject', 'verantwoording.traject.save', { learningNeeds: 'Iets anders', talents: 'Plannen', weeks: 10 }],
      ['save the Prof-traject, weeks out of range (its form)', 'verantwoording.traject.save', { learningNeeds: 'Iets anders', talents: 'Plannen', weeks: 99 }],
      ['look-back: keep as a note', 'verantwoording.note.add', { text: 'Terugblik op mijn traject', k: randomUUID() }],
      ['look-back: more weeks', 'verantwoording.traject.open', {}],
      ['look-back: a new traject', 'verantwoording.traject.open', { fresh: true }],
      ['my data', 'verantwoording.data.open', {}],
      ['ask to erase', 'verantwoording.erase.ask', {}],
      ['confirm the erasure', 'verantwoording.erase.confirm', { confirm: 'yes' }],
    ];
    const answers: Record<string, { pointer: boolean; leak: string | null }> = {};
    for (const [what, verb, data] of presses) {
      const said = await pressed(withBram(), anna, verb, data);
      answers[what] = { pointer: said.includes(POINTER), leak: LEAKS.exec(said)?.[0] ?? null };
    }
    expect(answers).toEqual(Object.fromEntries(presses.map(([what]) => [what, { pointer: true, leak: null }])));
    expect(await annaPartition()).toEqual(stored);
  }, 120_000);

  it('on the Action.Submit fallback there, the pressed card becomes only the pointer', async () => {
    const before = t.connector.calls.length;
    const res = await t.send(submit(withBram(), anna, { verb: 'verantwoording.note.open', noteId }, 'card-in-chat-with-bram'));
    expect(res.status).toBe(200);
    expect(heard(answersIn(WITH_BRAM, before))).toEqual({ answers: 1, pointers: 1, leaks: [] });
  }, 120_000);

  it("still shows all of it in Anna's own chat with the bot", async () => {
    const said = (await typed(ownChat(), anna, 'verantwoording')).join('\n');
    expect(said).toContain(PRIVATE_NOTE);
    expect(said).toContain(PRIVATE_TRAJECT);
    expect(said).not.toContain(POINTER);
    const res = await t.send(execute(ownChat(), anna, 'verantwoording.note.open', { noteId }, 'note-card'));
    expect(cardText(res.body.value)).toContain(PRIVATE_NOTE);
  }, 120_000);
});
