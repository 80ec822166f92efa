/**
 * Guards against a prep card that keeps what the report took back. A review remembers at most
 * MAX_PREP_CARDS messages showing its prep card, and only those are rebuilt when the report
 * changes what they share. A manager who opened the prep from more messages than that, or from
 * a 1:1 chat other than the one the conversation was planned in, used to keep a message that
 * was never rebuilt: a note the report made private again stayed in it.
 *
 * 1. Mia opens Anna's prep from eleven list cards: the oldest message, no longer remembered, is
 *    withdrawn at once, and after Anna makes her note private no message shows it.
 * 2. A rebuild that still saw the dropped message as remembered (queued by a change of sharing
 *    just before the drop, sent after the withdrawal) does not bring the prep back into it.
 * 3. The turn that drops a message fails right after the review was written (the outbox cannot be
 *    reached), and Teams sends the press again: the dropped message was withdrawn before it was
 *    forgotten, so it does not keep Bram's note either.
 * 4. Mia asks for Dewi's prep (or presses its buttons) in another 1:1 chat, one with a colleague:
 *    refused, nothing stored, nothing remembered, and nothing there is ever rebuilt into a prep.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MAX_PREP_CARDS } from '../../src/domain/talent-review/review';
import { outboxPrepCards } from '../../src/teams/features/talent-review/prep-cards';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // the manager of Anna, Bram and Dewi
const anna = user('Anna');
const bram = user('Bram');
const dewi = user('Dewi');
const WITHDRAWN = 'Deze voorbereiding is niet meer beschikbaar.';
const ELSEWHERE = 'alleen in je eigen chat met Lerend Werken';

describe('a prep card is shown only in messages that are rebuilt', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const chatOf = (who: ReturnType<typeof user>) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const reviewOf = async (reportId: string) => (await t.store.container('reviews').items.query(`SELECT * FROM c WHERE c.reportId = '${reportId}'`).fetchAll()).resources[0];
  const showPrep = async (reviewId: string, messageId: string) => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, messageId))).body.value);
  /** A message never rebuilt still shows what the press answered: for these, the prep with the note. */
  const showingNote = (messages: string[], note: string) =>
    messages.filter((m) => {
      const latest = t.connector.latest(m);
      return latest === undefined || cardText(latest).includes(note);
    });

  const plan = async (who: ReturnType<typeof user>, note: string) => {
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), `aad-${who.name.toLowerCase()}`, { key: `note-${who.name}`, text: note, shared: true })).id;
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: `aad-${who.name.toLowerCase()}`, date: '2027-01-12', timeZone: 'Europe/Amsterdam', prepDays: '3' }, `plan-card-${who.name}`));
    const review = await reviewOf(`aad-${who.name.toLowerCase()}`);
    const unshare = () => t.send(execute(chatOf(who), who, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card'));
    return { reviewId: review.id as string, unshare };
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    const reports = [anna, bram, dewi].map((r) => ({ id: `aad-${r.name.toLowerCase()}`, name: r.name, managerId: 'aad-mia' }));
    writeFileSync(directory, JSON.stringify({ users: [...reports, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it("takes a note Anna un-shares off every message in Mia's chat that showed it, also beyond the messages the review remembers", async () => {
    const note = 'Anna overweegt ontslag te nemen';
    const { reviewId, unshare } = await plan(anna, note);
    const messages = Array.from({ length: MAX_PREP_CARDS + 1 }, (_, i) => `anna-list-card-${i + 1}`);
    for (const m of messages) expect(await showPrep(reviewId, m)).toContain(note);
    await t.app.outbox.drain(60_000);
    // The oldest is no longer remembered, so no longer rebuilt: it is withdrawn at once.
    expect(cardText(t.connector.latest(messages[0]!))).toContain(WITHDRAWN);
    expect((await reviewOf('aad-anna')).prepCards.map((c: { activityId: string }) => c.activityId)).toEqual(messages.slice(1));

    await unshare();
    await t.app.outbox.drain(60_000);
    expect(showingNote(messages, note)).toEqual([]);
    // The remembered ones are rebuilt into the prep as it is now; the dropped one stays withdrawn.
    expect(cardText(t.connector.latest(messages.at(-1)!))).toContain('Anna');
    expect(cardText(t.connector.latest(messages[0]!))).toContain(WITHDRAWN);
  }, 120_000);

  it('does not rebuild the prep into a dropped message from a rebuild that saw it still remembered', async () => {
    const review = await reviewOf('aad-anna');
    const dropped = { conversationId: 'a:personal-mia', activityId: 'anna-list-card-1' };
    // As a change of sharing queues it when it read the review just before the drop: the message
    // still in its list, the job queued after the withdrawal.
    const stale = { ...review, prepCards: [dropped, ...review.prepCards] };
    await outboxPrepCards(t.app.outbox, 'unused: a rebuild keys no withdrawal').refresh(stale, dropped, 'read-before-the-drop');
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest(dropped.activityId))).toContain(WITHDRAWN);
  }, 60_000);

  it('withdraws a dropped message before forgetting it, so a turn that fails after the write leaves nothing behind', async () => {
    const note = 'Bram wil minder uren werken';
    const { reviewId, unshare } = await plan(bram, note);
    const messages = Array.from({ length: MAX_PREP_CARDS + 1 }, (_, i) => `bram-list-card-${i + 1}`);
    for (const m of messages.slice(0, -1)) expect(await showPrep(reviewId, m)).toContain(note);
    await t.app.outbox.drain(60_000);

    // Once the review that forgets the oldest message is written, the outbox cannot be reached.
    let written = false;
    const afterTheWrite: CosmosFaultRule = (req) => {
      if (req.container === 'reviews' && req.kind === 'replace') written = true;
      return written && req.container === 'outbox' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined;
    };
    t.proxy!.faults = afterTheWrite;
    const failed = await showPrep(reviewId, messages.at(-1)!);
    t.proxy!.faults = undefined;
    expect(written).toBe(true);
    expect(failed).not.toContain(note);
    // Teams sends the press again (or Mia presses once more): now it goes through.
    expect(await showPrep(reviewId, messages.at(-1)!)).toContain(note);

    await unshare();
    await t.app.outbox.drain(60_000);
    expect(showingNote(messages, note)).toEqual([]);
    expect(cardText(t.connector.latest(messages[0]!))).toContain(WITHDRAWN);
  }, 120_000);

  it('refuses the prep and its buttons in a 1:1 chat other than the one the conversation was planned in', async () => {
    const note = 'Dewi wil graag een andere rol';
    const { reviewId } = await plan(dewi, note);
    // Mia's 1:1 chat with a colleague: Teams calls it personal too, and the bot's cards can land there.
    const otherChat = t.conversation('personal', '19:mia-and-a-colleague@unq.gbl.spaces');
    const press = async (verb: string, data: Record<string, unknown>) => cardText((await t.send(execute(otherChat, mia, verb, { reviewId, ...data }, 'card-in-other-chat'))).body.value);

    for (const answer of [
      await press('review.prep.show', {}),
      await press('review.phase.propose', { phase: 'actie' }),
      await press('review.facilitated.save', { facilitated: 'Tijd en ruimte' }),
      // Refused input: the form would come back as the prep card with what was typed.
      await press('review.phase.propose', { phase: '', facilitated: 'Tijd' }),
    ]) {
      expect(answer).not.toContain(note);
      expect(answer).toContain(ELSEWHERE);
    }
    const review = await reviewOf('aad-dewi');
    expect({ prepCards: review.prepCards, phaseProposal: review.phaseProposal, facilitated: review.facilitated }).toEqual({ prepCards: undefined, phaseProposal: undefined, facilitated: undefined });

    // In her own chat it opens as ever.
    expect(await showPrep(reviewId, 'dewi-list-card')).toContain(note);
    const second = await addNote(verantwoordingDeps(t.cosmos), 'aad-dewi', { key: 'dewi-2', text: 'Nog een gedachte', shared: false });
    await t.send(execute(chatOf(dewi), dewi, 'verantwoording.visibility', { kind: 'note', id: second.id, visibility: 'shared', rev: 1 }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    expect(cardText(t.connector.latest('dewi-list-card'))).toContain('Nog een gedachte');
    expect(t.connector.calls.filter((c) => c.conversationId === '19:mia-and-a-colleague@unq.gbl.spaces')).toEqual([]);
  }, 120_000);
});
