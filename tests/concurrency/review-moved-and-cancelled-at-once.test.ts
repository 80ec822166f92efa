import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonData, buttonDataNaming, inputValue } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');

/**
 * Found in review, stop 53 (fixed then: moving or cancelling a planned talentontwikkelgesprek read
 * it, then created the moved one and deleted the old one without an ETag check, so two presses at
 * once were both told "saved": "Geannuleerd" while the moved conversation stayed planned, two
 * moves from two change cards left two conversations and two prep jobs, and a phase proposed as
 * the move landed was confirmed and lost). A move is now one transaction (the old version read
 * goes, the moved one comes), a cancellation deletes the version it read, and a phase proposed on
 * a conversation moved meanwhile goes to the moved one (src/usecases/talent-review/change-plan.ts).
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna and plans her conversation on
 * 14 December. The first three tests press at the same moment (either may win: what Mia is told
 * must match what is stored, and Anna is told what stands); the last three press one after the
 * other from a card that the first press made stale, which is what the loser of a race meets, and
 * deliver that press again (Teams does): answered as the first time.
 */
describe('a planned conversation moved and cancelled at once', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId = 'card-1', id?: string) => (await t.send(execute(miaChat(), mia, verb, data, messageId, id))).body?.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);
  const pendingPrep = async () => (await t.store.container('jobs').items.query('SELECT * FROM c').fetchAll()).resources.filter((j) => j.kind === 'review.prep' && j.status === 'pending');
  const changeCardFor = async (name: string) => {
    const before = t.connector.calls.length;
    await t.send(message(miaChat(), mia, 'gesprekken'));
    const list = t.connector.calls.slice(before).find((c) => c.method === 'POST')!.activity.attachments[0].content;
    return press('review.change.open', buttonDataNaming(list, 'review.change.open', name), 'list-card');
  };
  const annaTold = async () => {
    await t.app.outbox.drain(30_000);
    const chat = t.connector.personalChats.get('aad-anna');
    return t.connector.calls.filter((c) => c.conversationId === chat && c.method === 'POST').map((c) => `${c.activity.text ?? ''} ${cardText(c.activity.attachments?.[0]?.content)}`.trim());
  };

  beforeEach(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'move-cancel-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  });
  afterEach(() => t.stop());

  it('move and cancel pressed at once: Mia is not told "cancelled" while a conversation stays planned', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const change = await changeCardFor('Anna');
    const [moved, cancelled] = await Promise.all([
      press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card', 'act-move'),
      press('review.cancel', buttonData(change, 'review.cancel'), 'change-card', 'act-cancel'),
    ]);
    const left = await reviews('aad-anna');
    const said = { moved: cardText(moved), cancelled: cardText(cancelled) };
    const told = await annaTold();
    // Either the cancel came first (nothing planned, the move says so) or the move did (one conversation on the 21st, the cancel refers to it).
    const cancelSaidDone = /geannuleerd/i.test(said.cancelled) && !/niet (meer )?gepland/i.test(said.cancelled);
    expect({ left: left.map((r) => r.date), cancelSaidDone, prepJobs: (await pendingPrep()).length, annaLast: told.at(-1) }).toEqual(
      left.length ? { left: ['2026-12-21'], cancelSaidDone: false, prepJobs: 1, annaLast: expect.stringMatching(/21 december|verplaatst/i) } : { left: [], cancelSaidDone: true, prepJobs: 0, annaLast: expect.stringMatching(/geannuleerd|gaat niet door/i) },
    );
  });

  it('moved to two dates at once from two change cards: one conversation stays planned, one prep job', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const one = await changeCardFor('Anna');
    const two = await changeCardFor('Anna');
    await Promise.all([
      press('review.move', { ...buttonData(one, 'review.move'), date: '2026-12-21' }, 'change-card-1', 'act-move-1'),
      press('review.move', { ...buttonData(two, 'review.move'), date: '2026-12-28' }, 'change-card-2', 'act-move-2'),
    ]);
    const left = await reviews('aad-anna');
    expect({ left: left.length, prepJobs: (await pendingPrep()).length }).toEqual({ left: 1, prepJobs: 1 });
  });
  it('a phase proposed while the conversation is moved: the phase Mia was told is proposed stands on the conversation that stays', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [planned] = await reviews('aad-anna');
    await press('review.prep.show', { reviewId: planned.id }, 'anna-prep');
    const change = await changeCardFor('Anna');
    const [, proposed] = await Promise.all([
      press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card', 'act-move'),
      press('review.phase.propose', { reviewId: planned.id, phase: 'actie' }, 'anna-prep', 'act-phase'),
    ]);
    const left = await reviews('aad-anna');
    // Saved on the moved one, or (the proposal stored and its prep card built before the move landed) the prep card showing it.
    const toldProposed = (/Fase voorgesteld: Actie/.test(cardText(proposed)) && /bewaard/i.test(cardText(proposed))) || /Jouw voorstel voor het gesprek: Actie\./.test(cardText(proposed));
    expect({ toldProposed, left: left.map((r) => ({ date: r.date, phase: r.phaseProposal?.phase })) }).toEqual({ toldProposed: true, left: [{ date: '2026-12-21', phase: 'actie' }] });
  });

  it('cancelled from a card made stale by a move: nothing is cancelled, Mia is told where it stands, also when Teams delivers the press again', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const stale = await changeCardFor('Anna');
    const fresh = await changeCardFor('Anna');
    await press('review.move', { ...buttonData(fresh, 'review.move'), date: '2026-12-21' }, 'change-card-2', 'act-move');
    const cancelled = cardText(await press('review.cancel', buttonData(stale, 'review.cancel'), 'change-card-1', 'act-cancel'));
    const again = cardText(await press('review.cancel', buttonData(stale, 'review.cancel'), 'change-card-1', 'act-cancel'));
    expect(cancelled).toContain('Niets gewijzigd: het gesprek met Anna is intussen verplaatst naar ma 21 december.');
    expect(cancelled).not.toMatch(/geannuleerd/i);
    expect(again).toBe(cancelled);
    expect({ left: (await reviews('aad-anna')).map((r) => r.date), prepJobs: (await pendingPrep()).length, annaLast: (await annaTold()).at(-1) }).toEqual({ left: ['2026-12-21'], prepJobs: 1, annaLast: expect.stringMatching(/verplaatst/) });
  });

  it('moved from a card made stale by another move: the form comes back for the conversation as it stands, the date Mia chose kept and why next to it', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const stale = await changeCardFor('Anna');
    const fresh = await changeCardFor('Anna');
    await press('review.move', { ...buttonData(fresh, 'review.move'), date: '2026-12-21' }, 'change-card-2', 'act-move-2');
    const refused = await press('review.move', { ...buttonData(stale, 'review.move'), date: '2026-12-28' }, 'change-card-1', 'act-move-1');
    const again = await press('review.move', { ...buttonData(stale, 'review.move'), date: '2026-12-28' }, 'change-card-1', 'act-move-1');
    const [moved] = await reviews('aad-anna');
    expect(cardText(refused)).toContain('Gepland op ma 21 december.');
    expect(cardText(refused)).toContain('Dit gesprek is intussen (met een andere kaart) verplaatst naar ma 21 december.');
    expect(inputValue(refused, 'date')).toBe('2026-12-28');
    // Its buttons are the moved conversation's: pressing "Verplaatsen" again moves that one.
    expect(buttonData(refused, 'review.move')).toMatchObject({ reviewId: moved.id, planned: moved.createdAt });
    expect(cardText(again)).toBe(cardText(refused));
    expect({ left: (await reviews('aad-anna')).map((r) => r.date), prepJobs: (await pendingPrep()).length }).toEqual({ left: ['2026-12-21'], prepJobs: 1 });
    await press('review.move', { ...buttonData(refused, 'review.move'), date: '2026-12-28' }, 'change-card-1', 'act-move-3');
    expect({ left: (await reviews('aad-anna')).map((r) => r.date), prepJobs: (await pendingPrep()).length }).toEqual({ left: ['2026-12-28'], prepJobs: 1 });
  });

  it('a phase proposed on the prep card of a conversation moved since: it stands on the moved one, and Mia is told its new date', async () => {
    await press('review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [planned] = await reviews('aad-anna');
    await press('review.prep.show', { reviewId: planned.id }, 'anna-prep');
    const change = await changeCardFor('Anna');
    await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card', 'act-move');
    const proposed = cardText(await press('review.phase.propose', { reviewId: planned.id, phase: 'actie' }, 'anna-prep', 'act-phase'));
    expect(proposed).toContain('Fase voorgesteld: Actie.');
    expect(proposed).toContain('Je wijziging is bewaard bij het gesprek met Anna, dat intussen is verplaatst naar ma 21 december.');
    expect((await reviews('aad-anna')).map((r) => ({ date: r.date, phase: r.phaseProposal?.phase }))).toEqual([{ date: '2026-12-21', phase: 'actie' }]);
  });
});
