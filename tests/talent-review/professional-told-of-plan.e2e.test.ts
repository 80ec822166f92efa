/**
 * The professional hears it when their manager plans, moves or cancels their talentontwikkelgesprek.
 * Before, only the manager knew: the professional found it in their verantwoording if they looked,
 * and could not prepare what the manager's prep card would show (which is theirs to share).
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna and Bram; Bram chose English.
 * 1. Mia plans Anna's conversation: Anna gets one notice in her own 1:1 chat with the bot, with the
 *    date, Mia's name, that the prep card shows only what she shares, and buttons for the preview
 *    and her verantwoording. Teams delivering Mia's press again, or Mia planning the same date
 *    again, tells her nothing twice. The preview button works from the notice.
 * 2. Mia moves it: Anna hears from which date to which. Mia cancels it: Anna hears that too,
 *    without a preview to prepare.
 * 3. Bram's notice is in English, the language he chose, although Mia works in Dutch.
 * 4. The notice names nothing Anna wrote, not even what she shares.
 * 5. When the notice cannot be queued, Mia's plan is stored and she is told so, not given an error.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const mia = user('Mia');
const anna = user('Anna');
const bram = user('Bram');
const ERROR = /Er ging iets mis|niets verloren/i;

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('the professional told of their planned conversation', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const press = async (verb: string, data: Record<string, unknown>, messageId = 'card-1', activityId?: string) =>
    (await t.send(execute(miaChat(), mia, verb, data, messageId, activityId))).body.value;
  /** The cards in a person's 1:1 chat that the outbox opened with their directory id. */
  const noticesTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card);
  const reviewOn = async (date: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.find((r) => r.date === date);

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('tells Anna once, in her own chat, with the date, and the preview of what Mia will see', async () => {
    // Anna keeps a private note and shares another: the notice names neither.
    const annaChat = t.conversation('personal', 'a:personal-anna');
    await t.send(message(annaChat, anna, 'notitie Mijn privé twijfel over het team'));
    const plan = { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' };
    const saved = await press('review.plan.save', plan, 'plan-card', 'plan-press');
    expect(cardText(saved)).not.toMatch(ERROR);
    await press('review.plan.save', plan, 'plan-card', 'plan-press');
    await press('review.plan.save', { ...plan, prepDays: '5' }, 'plan-card', 'plan-again');
    await t.app.outbox.drain(60_000);

    const notices = noticesTo('aad-anna');
    expect(notices).toHaveLength(1);
    const text = cardText(notices[0]);
    expect(text).toContain('Mia heeft je talentontwikkelgesprek gepland op ma 14 december.');
    expect(text).toContain('alleen wat jij deelt');
    expect(text).not.toContain('twijfel');
    expect(cardProblems(notices[0])).toEqual([]);

    // Anna presses the preview on the notice, in her own chat.
    const preview = (await t.send(execute(t.conversation('personal', t.connector.personalChats.get('aad-anna')!), anna, 'review.preview', buttonData(notices[0], 'review.preview'), 'notice'))).body.value;
    expect(cardText(preview)).toContain('Voorbeeld: zo ziet je leidinggevende de voorbereidingskaart');
    expect(buttonData(notices[0], 'verantwoording.show')).toBeDefined();
  });

  it('tells Anna of a move, from which date to which, and of a cancellation, without a preview', async () => {
    const change = await press('review.change.open', { reviewId: (await reviewOn('2026-12-14')).id }, 'change-card');
    await press('review.move', { ...buttonData(change, 'review.move'), date: '2026-12-21' }, 'change-card');
    await press('review.cancel', { reviewId: (await reviewOn('2026-12-21')).id }, 'change-card-2');
    await t.app.outbox.drain(60_000);

    const [, moved, cancelled] = noticesTo('aad-anna');
    expect(cardText(moved)).toContain('Mia heeft je talentontwikkelgesprek verplaatst van ma 14 december naar ma 21 december.');
    expect(cardText(cancelled)).toContain('Mia heeft je talentontwikkelgesprek op ma 21 december geannuleerd.');
    expect(() => buttonData(cancelled, 'review.preview')).toThrow();
    expect(noticesTo('aad-anna')).toHaveLength(3);
  });

  it("tells Bram in English, the language he chose, while Mia works in Dutch", async () => {
    await t.send(message(t.conversation('personal', 'a:personal-bram'), bram, 'taal en'));
    await press('review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    await t.app.outbox.drain(60_000);
    const [notice] = noticesTo('aad-bram');
    expect(cardText(notice)).toContain('Mia planned your talent development conversation for Thu 10 December.');
    expect(cardText(notice)).toContain('See what my manager sees');
  });
});

describe('a plan whose notice cannot be queued', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('is stored, and Mia hears it is planned', async () => {
    t.proxy!.faults = (req) => (req.container === 'outbox' && ['create', 'upsert', 'replace', 'batch'].includes(req.kind) ? { kind: 'status', status: 503 } : undefined);
    const card = (await t.send(execute(t.conversation('personal', 'a:personal-mia'), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'card-1'))).body.value;
    t.proxy!.faults = undefined;
    expect(cardText(card)).not.toMatch(ERROR);
    expect(cardText(card)).toContain('Anna');
    expect((await t.store.container('reviews').items.query('SELECT c.date FROM c').fetchAll()).resources).toEqual([{ date: '2026-12-14' }]);
    // The notice was refused by the store, not sent: Anna finds the plan in her verantwoording.
    await t.app.outbox.drain(60_000);
    expect(t.connector.personalChats.has('aad-anna')).toBe(false);
  });
});
