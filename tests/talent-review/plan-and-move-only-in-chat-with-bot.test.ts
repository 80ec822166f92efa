/**
 * Found in review, stop 45. The prep card goes to the chat the plan (or the move) was pressed in,
 * and `review.plan.save` / `review.move` only checked that Teams called the chat "personal". Mia's
 * 1:1 chat with a colleague is "personal" too, and the bot's cards can land there: a plan or move
 * pressed there stored that chat as the review's `conversationRef`, and the scheduled prep card,
 * with everything Anna shares with her manager alone, was posted into the chat with the colleague.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna and Bram. Each shares a note.
 * 1. Mia presses "Plannen" on a plan card in her 1:1 chat with a colleague, for Anna, 14 December.
 * 2. Mia presses "Verplaatsen" on a change card in that chat, moving Bram's conversation (planned
 *    in her own chat with the bot) to 14 December.
 * Must hold: both refused, friendly and in Mia's language, with nothing stored (no plan for Anna,
 * Bram's still on 10 December in Mia's own chat); on the prep day nothing with Anna's or Bram's
 * note reaches the chat with the colleague. A move from Mia's own chat keeps the prep card there.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const OTHER_CHAT = '19:mia-and-a-colleague@unq.gbl.spaces';
const ANNA_NOTE = 'Anna wil minder avonddiensten';
const BRAM_NOTE = 'Bram overweegt een andere functie';
const ELSEWHERE = 'alleen in je eigen chat met Lerend Werken';

describe('a plan or move pressed in a 1:1 chat with a colleague', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const otherChat = () => t.conversation('personal', OTHER_CHAT);
  const reviews = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview'").fetchAll()).resources;
  /** What reached the chat with the colleague and holds a report's shared note: the message's summary and the note. */
  const leakedIntoOtherChat = () =>
    t.connector.calls
      .filter((c) => c.conversationId === OTHER_CHAT)
      .map((c) => JSON.stringify(c.activity))
      .filter((a) => a.includes(ANNA_NOTE) || a.includes(BRAM_NOTE))
      .map((a) => `${JSON.parse(a).summary ?? 'message'}: ${a.includes(ANNA_NOTE) ? ANNA_NOTE : BRAM_NOTE}`);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'plan-other-chat-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'anna-note', text: ANNA_NOTE, shared: true });
    await addNote(verantwoordingDeps(t.cosmos), 'aad-bram', { key: 'bram-note', text: BRAM_NOTE, shared: true });
  }, 120_000);
  afterAll(() => t.stop());

  it('never posts the prep card, with what the report shares, into the chat with the colleague', async () => {
    // 1. The plan, pressed on a card in the other chat: refused, nothing stored.
    const plan = (await t.send(execute(otherChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card-elsewhere'))).body.value;
    expect(cardText(plan)).toContain(ELSEWHERE);
    expect(await reviews()).toEqual([]);
    // 2. Bram's conversation, planned in Mia's own chat, moved from a change card in the other chat: refused, not moved.
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const bram = (await reviews()).find((r) => r.reportId === 'aad-bram');
    const change = (await t.send(execute(miaChat(), mia, 'review.change.open', { reviewId: bram.id }, 'list-card'))).body.value;
    const move = (await t.send(execute(otherChat(), mia, 'review.move', { ...buttonData(change, 'review.move'), date: '2026-12-14' }, 'change-card-elsewhere'))).body.value;
    expect(cardText(move)).toContain(ELSEWHERE);
    expect((await reviews()).map((r) => ({ report: r.reportId, date: r.date, chat: r.conversationRef?.conversation?.id }))).toEqual([{ report: 'aad-bram', date: '2026-12-10', chat: 'a:personal-mia' }]);

    // Friday 11 December, 09:00 Amsterdam: the prep cards of 14 December are due.
    t.clock.set('2026-12-11T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);

    expect(leakedIntoOtherChat()).toEqual([]);
    // Whatever was stored points at Mia's own chat with the bot, never at the chat with the colleague.
    expect((await reviews()).map((r) => ({ report: r.reportId, chat: r.conversationRef?.conversation?.id })).filter((r) => r.chat === OTHER_CHAT)).toEqual([]);
  }, 120_000);

  it("keeps a conversation moved from Mia's own chat in that chat, and refuses in English to who chose English", async () => {
    await t.send(message(miaChat(), mia, 'taal en'));
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-21', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card-2'));
    const anna = (await reviews()).find((r) => r.reportId === 'aad-anna');
    const change = (await t.send(execute(miaChat(), mia, 'review.change.open', { reviewId: anna.id }, 'list-card-2'))).body.value;
    const refused = (await t.send(execute(otherChat(), mia, 'review.move', { ...buttonData(change, 'review.move'), date: '2026-12-22' }, 'change-card-elsewhere-2'))).body.value;
    expect(cardText(refused)).toContain('only in your own chat with Lerend Werken');
    expect((await reviews()).filter((r) => r.reportId === 'aad-anna').map((r) => r.date)).toEqual(['2026-12-21']);

    await t.send(execute(miaChat(), mia, 'review.move', { ...buttonData(change, 'review.move'), date: '2026-12-22' }, 'list-card-2'));
    expect((await reviews()).filter((r) => r.reportId === 'aad-anna').map((r) => ({ date: r.date, chat: r.conversationRef?.conversation?.id }))).toEqual([{ date: '2026-12-22', chat: 'a:personal-mia' }]);
  }, 120_000);
});
