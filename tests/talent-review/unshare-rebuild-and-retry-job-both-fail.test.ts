import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { prepRefreshOwedId } from '../../src/domain/talent-review/prep-refresh-owed';
import { nextManagerCheckAt } from '../../src/domain/talent-review/review';
import { CosmosPrepRefreshesOwed } from '../../src/store/prep-refresh-owed.repository';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // the manager of Anna and Bram
const anna = user('Anna');
const bram = user('Bram');

/**
 * "Notes are private until shared", and taking back is the professional's: found in review
 * (stop 65). A professional takes a shared note back (un-shares or deletes it) while the
 * `reviews` and `jobs` containers refuse writes (503), and only their own `personal` partition
 * answers: the change is stored, and they are told so. Neither the rebuild of the manager's prep
 * card nor its retry job can be stored then. Once Cosmos DB answers again, the note must leave
 * the manager's card without the professional doing anything more: the daily manager check
 * rebuilds what their own partition says is owed.
 */
describe('a note taken back while the rebuild and its retry job both fail', () => {
  let t: TestApp;
  const chatOf = (who: string) => t.conversation('personal', `a:personal-${who}`);
  const cardsAbout = (name: string) =>
    t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(`Voorbereiding: talentontwikkelgesprek met ${name}`));
  const owedOf = async (userId: string) => (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.id = @id', parameters: [{ name: '@id', value: prepRefreshOwedId(userId) }] }).fetchAll()).resources[0];
  const stored = async (userId: string, id: string) => (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.userId = @u AND c.id = @id', parameters: [{ name: '@u', value: userId }, { name: '@id', value: id }] }).fetchAll()).resources[0];

  /** Mia's prep card about the report, as Teams shows it after the scheduled card went out, showing the shared note. */
  const cardShowing = async (reportId: string, name: string, manager: typeof mia, note: string) => {
    await t.send(execute(chatOf('mia'), manager, 'review.plan.save', { reportId, date: '2026-11-25', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const showing = cardsAbout(name).filter((c) => cardText(c.activity.attachments[0].content).includes(note));
    expect(showing).toHaveLength(1);
    return showing[0]!.id as string;
  };

  /** The press, while only the `personal` container takes writes: reads everywhere still answer. */
  const whileManagersContainersRefuseWrites = async (press: () => Promise<{ body?: unknown }>) => {
    t.proxy!.faults = (req) =>
      (req.container === 'reviews' || req.container === 'jobs') && !['pointRead', 'query', 'metadata', 'queryPlan'].includes(req.kind) ? { kind: 'status', status: 503 } : undefined;
    try {
      const res = await press();
      await t.app.background.idle();
      return JSON.stringify(res.body);
    } finally {
      t.proxy!.faults = undefined;
    }
  };

  /** Hourly scheduler ticks with Cosmos DB answering, until the next daily manager check has run, then the outbox. */
  const throughNextDailyCheck = async () => {
    const check = nextManagerCheckAt(t.clock.now(), 'Europe/Amsterdam');
    while (t.clock.now().getTime() <= check.getTime()) {
      t.clock.advanceMinutes(60);
      await t.app.scheduler.runDue();
    }
    await t.app.outbox.drain(60_000);
  };

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(
      directory,
      JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }),
    );
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  it('un-shared: the note leaves Mia\'s card once Cosmos DB is back, and nothing of it is logged', async () => {
    const NOTE = 'Anna overweegt ontslag te nemen';
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'k1', text: NOTE, shared: true })).id;
    const card = await cardShowing('aad-anna', 'Anna', mia, NOTE);

    const reply = await whileManagersContainersRefuseWrites(() => t.send(execute(chatOf('anna'), anna, 'verantwoording.visibility', { kind: 'note', id: noteId, visibility: 'private' }, 'overview-card')));
    const visibility = (await stored('aad-anna', noteId))?.visibility;
    // The rebuild it owes is kept in her own partition, naming nothing of what changed.
    const owed = await owedOf('aad-anna');
    const owedFields = owed && Object.keys(owed).filter((k) => !k.startsWith('_')).sort();

    await throughNextDailyCheck();
    expect({
      visibility,
      toldStored: !/niet opgeslagen|mislukt|Er ging iets mis/i.test(reply),
      owedFields,
      owedLeft: !!(await owedOf('aad-anna')),
      stillShowsNote: cardText(t.connector.latest(card)).includes(NOTE),
    }).toEqual({ visibility: 'private', toldStored: true, owedFields: ['at', 'id', 'type', 'userId'], owedLeft: false, stillShowsNote: false });
    expect(t.logs.filter((l) => l.includes('aad-anna') || l.includes(NOTE))).toEqual([]);
  }, 240_000);

  it('deleted: the note leaves Mia\'s card once Cosmos DB is back', async () => {
    const NOTE = 'Bram wil weg bij dit team';
    const noteId = (await addNote(verantwoordingDeps(t.cosmos), 'aad-bram', { key: 'k2', text: NOTE, shared: true })).id;
    const card = await cardShowing('aad-bram', 'Bram', mia, NOTE);

    await whileManagersContainersRefuseWrites(() => t.send(execute(chatOf('bram'), bram, 'verantwoording.note.delete', { noteId }, 'overview-card')));
    // Deleted (a deleted-note record may stay in its place, without the text), and the rebuild owed.
    const left = await stored('aad-bram', noteId);
    const owedRightAfter = !!(await owedOf('aad-bram'));

    await throughNextDailyCheck();
    expect({
      noteLeft: left?.type === 'note' || JSON.stringify(left ?? {}).includes(NOTE),
      owedRightAfter,
      owedLeft: !!(await owedOf('aad-bram')),
      stillShowsNote: cardText(t.connector.latest(card)).includes(NOTE),
    }).toEqual({ noteLeft: false, owedRightAfter: true, owedLeft: false, stillShowsNote: false });
  }, 240_000);

  it('an owed rebuild owed again while the check rebuilt is kept for the next check', async () => {
    const owed = new CosmosPrepRefreshesOwed(t.cosmos, t.clock);
    await owed.owe('aad-carla');
    const read = (await owed.oldest(100)).find((o) => o.userId === 'aad-carla')!;
    // Carla takes something else back, and that rebuild fails too, after the check read hers.
    t.clock.advanceMinutes(1);
    await owed.owe('aad-carla');
    await owed.settle(read);
    const keptForNextCheck = !!(await owedOf('aad-carla'));
    await owed.settle((await owed.oldest(100)).find((o) => o.userId === 'aad-carla')!);
    expect({ keptForNextCheck, settledByNextCheck: !(await owedOf('aad-carla')) }).toEqual({ keptForNextCheck: true, settledByNextCheck: true });
  });
});
