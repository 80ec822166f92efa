/**
 * Stop 49 (the reviewer's data-rights probe). README (stop 44): while an erasure is unfinished,
 * "changes from the tab or the chat are refused (409 `erasureUnderway`) rather than confirmed and
 * deleted by the erasure's next run". A manager's own plan of a talentontwikkelgesprek was not
 * checked, nor a move, a phase proposal or her account of what she facilitated: each was confirmed
 * to her (and a plan or move told to the professional), and the erasure's resume then deleted it.
 *
 * Mia manages Bram and has a conversation with him planned, its prep card open. She confirms "wis
 * mijn gegevens" while Cosmos DB refuses every delete in `reviews` and `personal`: the erasure
 * stays unfinished (its ticket stays; the resume job will run it again), the conversation still there.
 * What must hold, from her other device meanwhile: a new plan, a move, a phase and her account are
 * each refused as under way: nothing stored or changed, Bram told nothing new, and the form (or the
 * prep card) comes back with what she entered and why. A cancellation is not refused (it keeps
 * nothing the erasure would delete).
 */
import { message, execute, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from '../talent-review/support/proposal-put-before';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const [bram, mia] = ['Bram', 'Mia'].map(user) as [TestUser, TestUser];
const ERASING = 'je gegevens worden op dit moment gewist';

describe('a manager\'s changes to her conversations while her erasure is unfinished', () => {
  let t: TestApp;
  let reviewId = '';
  const reviewsOfMia = async () => (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.type = 'talentReview' AND c.managerId = 'aad-mia'").fetchAll()).resources as any[];
  const ticketsOfMia = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'erasureTicket' AND c.userId = 'aad-mia'").fetchAll()).resources as any[];
  const toBram = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-bram')).length;
  const pressOnPrep = async (verb: string, data: Record<string, unknown>, id: string) => (await t.send(execute(personalChat(t, mia), mia, verb, data, 'prep-card', id))).body.value;

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: { baseMs: 1, capMs: 4 } });
    await pressIn(t, mia, 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-first');
    reviewId = (await reviewsOfMia())[0].id;
    await t.send(execute(personalChat(t, mia), mia, 'review.prep.show', { reviewId }, 'prep-card'));
    await t.app.outbox.drain(60_000);
    await t.send(message(personalChat(t, mia), mia, 'wis mijn gegevens'));
    const said = await t.proxy!.withFaults(
      (req) => (req.kind === 'delete' && (req.container === 'personal' || req.container === 'reviews') ? { kind: 'status', status: 503 } : undefined),
      () => pressIn(t, mia, 'verantwoording.erase.confirm', { confirm: 'yes' }),
    );
    expect(cardText(said)).toMatch(/nog niet helemaal gewist/);
    expect(await ticketsOfMia()).toHaveLength(1);
    await t.app.outbox.drain(60_000);
    expect((await reviewsOfMia()).map((r) => r.date)).toEqual(['2026-12-10']);
  }, 120_000);
  afterAll(() => t?.stop());

  /** Her conversations as stored, and how many cards Bram has, once the outbox is drained. */
  const snapshot = async () => {
    await t.app.outbox.drain(60_000);
    const strip = (rs: any[]) => rs.map(({ _ts, _etag, ...r }) => r);
    return { reviews: strip(await reviewsOfMia()), toBram: toBram() };
  };

  it('refuses a new plan: nothing stored, nothing told to Bram, the form back with her choice and why', async () => {
    const before = await snapshot();
    const answer = await pressIn(t, mia, 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-18', timeZone: 'Europe/Amsterdam', prepDays: '5' }, 'plan-erasing');
    expect(await snapshot()).toEqual(before);
    const text = cardText(answer);
    expect({ why: text.includes(ERASING), form: JSON.stringify(answer).includes('"value":"2026-12-18"') && JSON.stringify(answer).includes('"value":5') }).toEqual({ why: true, form: true });
  });

  it('refuses a move: the conversation stays on its date, Bram told nothing, the move form back with the date she chose and why', async () => {
    const before = await snapshot();
    const answer = await pressIn(t, mia, 'review.move', { reviewId, date: '2026-12-17', k: 'move-key' }, 'move-erasing');
    expect(await snapshot()).toEqual(before);
    expect({ why: cardText(answer).includes(ERASING), date: JSON.stringify(answer).includes('"value":"2026-12-17"') }).toEqual({ why: true, date: true });
  });

  it('refuses a phase proposal and her account of what she facilitated: nothing changed, the prep card back with what she entered and why', async () => {
    const before = await snapshot();
    const phase = await pressOnPrep('review.phase.propose', { reviewId, phase: 'actie', facilitated: 'MIA-FACILITEERDE-TIJDENS-WISSEN' }, 'phase-erasing');
    const account = await pressOnPrep('review.facilitated.save', { reviewId, facilitated: 'MIA-FACILITEERDE-TIJDENS-WISSEN', shareFacilitation: true }, 'fac-erasing');
    expect(await snapshot()).toEqual(before);
    expect([phase, account].map((card) => ({ why: cardText(card).includes(ERASING), typed: JSON.stringify(card).includes('MIA-FACILITEERDE-TIJDENS-WISSEN') }))).toEqual([
      { why: true, typed: true },
      { why: true, typed: true },
    ]);
  });
});
