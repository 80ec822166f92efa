import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { waitUntil } from '../outbox/wait-until';
import { execute, user } from '../support/activities';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

/**
 * Found in review, stop 41. Kees has Dewi's prep card in his chat, Mia has Anna's. Anna takes a
 * note back and the rebuild of Mia's card asks Azure OpenAI, which is slow, for a new summary.
 * That rebuild was rendered inside a worker of the outbox sender's round and waited for the model;
 * the round's other workers had stopped, and a job queued meanwhile only kicked a busy run loop.
 * So when Dewi then took back her only shared note, the rebuild of Kees's card (which needs no AI
 * at all) waited for Anna's summary too: every message of the instance did.
 *
 * What must hold: Kees's card is rebuilt without Dewi's note while Anna's summary is still being
 * written. (A rebuild no longer waits for the model at all, and a job queued while another job's
 * render or send is slow is picked up by the round: tests/outbox/slow-render-holds-no-other-job.)
 */
const mia = user('Mia');
const anna = user('Anna');
const kees = user('Kees');
const dewi = user('Dewi');

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(
    file,
    JSON.stringify({
      users: [
        { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
        { id: 'aad-mia', name: 'Mia' },
        { id: 'aad-dewi', name: 'Dewi', managerId: 'aad-kees' },
        { id: 'aad-kees', name: 'Kees' },
      ],
    }),
  );
  return file;
}

describe('a slow AI summary for one report and another report\'s un-share', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  const chat = (id: string) => t.conversation('personal', id);
  const reviewOf = async (reportId: string) =>
    (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: reportId }] }).fetchAll()).resources[0].id as string;

  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp({ ...ai.env, AI_TIMEOUT_MS: '600000', DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { prepSummaryWaitMs: 200 });
  });
  afterAll(async () => {
    await ai.close();
    await t.stop();
  });

  it('rebuilds Kees\'s card without the note Dewi made private while the model writes Anna\'s summary', async () => {
    const v = verantwoordingDeps(t.cosmos);
    const DEWI_SECRET = 'Dewi heeft een burn-out gehad';
    await addNote(v, 'aad-anna', { key: 'keep', text: 'Anna wil graag meer regie over haar rooster', shared: true });
    const annaSecret = (await addNote(v, 'aad-anna', { key: 'secret', text: 'Anna overweegt een andere baan', shared: true })).id;
    const dewiSecret = (await addNote(v, 'aad-dewi', { key: 'secret', text: DEWI_SECRET, shared: true })).id;
    const plan = (manager: typeof mia, chatId: string, reportId: string) =>
      t.send(execute(chat(chatId), manager, 'review.plan.save', { reportId, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    await plan(kees, 'a:personal-kees', 'aad-dewi');
    await plan(mia, 'a:personal-mia', 'aad-anna');

    // Each manager opens the prep from their list; each summary is made after the press and answered.
    const keesCard = await t.send(execute(chat('a:personal-kees'), kees, 'review.prep.show', { reviewId: await reviewOf('aad-dewi') }, 'kees-list-card'));
    expect(cardText(keesCard.body.value)).toContain(DEWI_SECRET);
    await ai.held();
    ai.answer('Dewi deelt een notitie over haar gezondheid.');
    await t.app.background.idle();
    await t.send(execute(chat('a:personal-mia'), mia, 'review.prep.show', { reviewId: await reviewOf('aad-anna') }, 'mia-list-card'));
    await ai.held();
    ai.answer('Anna wil meer regie en overweegt een andere baan.');
    await t.app.background.idle();

    // The outbox sends on its own, as in production.
    t.app.outbox.start();
    // Anna takes a note back: her card's rebuild asks the model for a new summary, and Azure is slow.
    await t.send(execute(chat('a:personal-anna'), anna, 'verantwoording.visibility', { kind: 'note', id: annaSecret, visibility: 'private' }, 'anna-overview'));
    await ai.held();
    // Dewi takes back her only shared note: her rebuild needs no summary at all.
    await t.send(execute(chat('a:personal-dewi'), dewi, 'verantwoording.visibility', { kind: 'note', id: dewiSecret, visibility: 'private' }, 'dewi-overview'));

    await waitUntil(
      'Kees\'s prep card no longer shows the note Dewi made private',
      () => {
        const now = t.connector.latest('kees-list-card');
        return now !== undefined && cardText(now).includes('Dewi') && !cardText(now).includes(DEWI_SECRET);
      },
      { timeoutMs: 20_000, state: () => (t.connector.latest('kees-list-card') ? 'updated, still with the note' : 'Kees\'s message not updated at all') },
    );
  }, 90_000);
});
