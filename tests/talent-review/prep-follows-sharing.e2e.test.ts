import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { profTrajectId } from '../../src/domain/verantwoording/prof-traject';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // Anna's manager
const anna = user('Anna');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';

/**
 * "Notes are private until shared", and the professional owns their story: once Anna takes
 * something back, no prep card in her manager's chat may still show it: not one waiting in the
 * outbox, not one Teams delivers later, not one Mia already has.
 */
describe('a prep card shows only what the report shares now', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const prepPosts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(TITLE));
  const outboxText = async () => JSON.stringify((await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources);
  const plan = (date: string) => t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
  const sharedNote = async (key: string, text: string) => (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key, text, shared: true })).id;
  // Anna takes a note back the way she does in Teams: the toggle on her overview card.
  const unshare = (noteId: string) => t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card'));

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
    // Production's back-off (the queued card keeps most of its attempts while Teams is down);
    // the prep job waits 2 s for its card instead of 20, and leaves it queued.
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { outboxTimings: { backoffBaseMs: 1_000, backoffCapMs: 60_000, deliverWaitMs: 2_000 } });
  });
  afterAll(() => t.stop());

  describe('a card queued while Teams is unavailable', () => {
    const NOTE = 'Anna twijfelt of ze wil blijven';
    let noteId = '';

    it('holds nothing of what Anna shared while it waits in the outbox, before or after she takes it back', async () => {
      noteId = await sharedNote('queued', NOTE);
      await plan('2026-12-10');
      // Teams answers 503 for every post when the prep card is due: the card stays queued.
      t.connector.faults = [(req) => (req.method === 'POST' ? { status: 503 } : undefined)];
      t.clock.set('2026-12-07T08:00:00Z');
      await t.app.scheduler.runDue();
      expect(prepPosts()).toHaveLength(0);
      // The card is built when it is sent: the queued job never carried the note.
      expect(await outboxText()).not.toContain(NOTE);
      await unshare(noteId);
      expect(await outboxText()).not.toContain(NOTE);
    }, 90_000);

    it('reaches Mia once Teams is back, without the note Anna took back', async () => {
      t.connector.faults = [];
      t.clock.set('2026-12-07T09:00:00Z');
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(60_000);
      expect(prepPosts()).toHaveLength(1);
      expect(cardText(prepPosts()[0]!.activity.attachments[0].content)).not.toContain(NOTE);
      // And what was sent stays out of the outbox's record of it.
      expect(await outboxText()).not.toContain(NOTE);
    }, 90_000);
  });

  it('rebuilds a card Mia already received, in place, when Anna takes a note back', async () => {
    const NOTE = 'Anna overweegt een andere baan';
    const noteId = await sharedNote('delivered', NOTE);
    await plan('2026-12-21');
    t.clock.set('2026-12-18T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const delivered = prepPosts().filter((c) => cardText(c.activity.attachments[0].content).includes(NOTE));
    expect(delivered).toHaveLength(1);
    await unshare(noteId);
    await t.app.outbox.drain(60_000);
    // What Mia's chat shows for that message now: still her prep card, without the note.
    const now = cardText(t.connector.latest(delivered[0]!.id));
    expect(now).toContain(TITLE);
    expect(now).not.toContain(NOTE);
  }, 90_000);

  it('rebuilds a card that was on its way to Mia when Anna took the note back', async () => {
    const NOTE = 'Anna wil minder uren werken';
    const noteId = await sharedNote('in-flight', NOTE);
    await plan('2026-12-28');
    // The card was built with the note and Teams is receiving it when Anna takes the note back:
    // it arrives with the note, and is rebuilt as soon as its message id is known.
    let unshared = false;
    t.connector.holds = [
      async (req) => {
        if (unshared || req.method !== 'POST' || !JSON.stringify(req.body).includes(NOTE)) return;
        unshared = true;
        await unshare(noteId);
      },
    ];
    try {
      t.clock.set('2026-12-25T08:00:00Z');
      await t.app.scheduler.runDue();
      await t.app.outbox.drain(60_000);
    } finally {
      t.connector.holds = [];
    }
    expect(unshared).toBe(true);
    const delivered = prepPosts().filter((c) => cardText(c.activity.attachments[0].content).includes(NOTE));
    expect(delivered).toHaveLength(1);
    expect(cardText(t.connector.latest(delivered[0]!.id))).not.toContain(NOTE);
  }, 90_000);

  it('rebuilds a card Mia opened herself from her list, and one Anna deleted a shared note from', async () => {
    const NOTE = 'Anna zoekt een coach';
    const noteId = await sharedNote('on-request', NOTE);
    await plan('2027-01-12');
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna' AND c.date = '2027-01-12'").fetchAll()).resources[0].id;
    // Mia opens the prep from her list of conversations: that message now shows the card.
    const shown = await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'));
    expect(cardText(shown.body.value)).toContain(NOTE);
    // Deleting a shared note takes it back too.
    await t.send(execute(annaChat(), anna, 'verantwoording.note.delete', { noteId }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    const now = cardText(t.connector.latest('list-card'));
    expect(now).toContain(TITLE);
    expect(now).not.toContain(NOTE);
  }, 90_000);

  it('rebuilds a card Mia already received when Anna edits the Prof-traject she shares', async () => {
    const BEFORE = 'Anna wil leren plannen';
    const AFTER = 'Anna wil leren coachen';
    // `visibilityRev`: the sharing the form showed (since stop 68 a shared traject takes no words from a form that showed it otherwise).
    const saveTraject = (learningNeeds: string, visibilityRev?: number) => t.send(execute(annaChat(), anna, 'verantwoording.traject.save', { learningNeeds, talents: 'Rust in de groep', weeks: '8', ...(visibilityRev === undefined ? {} : { visibilityRev }) }, 'traject-card'));
    await saveTraject(BEFORE);
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'profTraject', id: profTrajectId('aad-anna'), visibility: 'shared', rev: 1 }, 'overview-card'));
    await plan('2027-01-19');
    t.clock.set('2027-01-16T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const delivered = prepPosts().filter((c) => cardText(c.activity.attachments[0].content).includes(BEFORE));
    expect(delivered.length).toBeGreaterThan(0);
    await saveTraject(AFTER, 1);
    await t.app.outbox.drain(60_000);
    for (const card of delivered) {
      const now = cardText(t.connector.latest(card.id));
      expect(now).toContain(TITLE);
      expect(now).toContain(AFTER);
      expect(now).not.toContain(BEFORE);
    }
  }, 90_000);

  // Last: Anna is gone after it.
  it('rebuilds every card Mia has about Anna once Anna erases her data, and keeps nothing of her in the outbox', async () => {
    const NOTE = 'Anna denkt aan een sabbatical';
    await sharedNote('before-erasure', NOTE);
    await plan('2027-01-26');
    t.clock.set('2027-01-23T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    expect(prepPosts().filter((c) => cardText(c.activity.attachments[0].content).includes(NOTE))).toHaveLength(1);
    const erased = await t.send(execute(annaChat(), anna, 'verantwoording.erase.confirm', { confirm: 'yes' }, 'erase-card'));
    expect(cardText(erased.body.value)).toContain('Je gegevens zijn gewist');
    await t.app.outbox.drain(60_000);
    // Every message in Mia's chat that showed a prep card about Anna, the one she opened from her list too.
    for (const id of [...prepPosts().map((c) => c.id), 'list-card']) {
      const now = cardText(t.connector.latest(id));
      expect(now).toContain('Deze voorbereiding is niet meer beschikbaar.');
      expect(now).not.toMatch(/Anna/);
    }
    expect(await outboxText()).not.toContain('aad-anna');
  }, 90_000);
});
