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
 * Found in review, stop 41. Mia has Anna's prep card in her chat, with two notes Anna shares and
 * the AI summary of them. Anna makes one note private again. The rebuild of Mia's message is
 * rendered by the outbox, which asked Azure OpenAI for a summary of what is left and waited for it
 * (AI_TIMEOUT_MS 20 s x 3 attempts, plus Retry-After waits, by default) before the update that
 * takes Anna's note off went out: all that time Mia's chat kept showing what Anna took back.
 *
 * What must hold: the summary is optional ("the card is complete without it"), a rebuild never
 * waits for it. The card without the note goes out at once, without a summary; the summary is made
 * meanwhile and follows in a later rebuild once it is stored. The fake Azure here holds the
 * summary request and does not answer while the test looks.
 */
const mia = user('Mia');
const anna = user('Anna');
const TITLE = 'Voorbereiding: talentontwikkelgesprek met Anna';
const AI_LABEL = 'Samenvatting door AI: controleer het zelf';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('an un-share while Azure OpenAI is slow', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');

  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    t = await startTestApp({ ...ai.env, AI_TIMEOUT_MS: '600000', DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { prepSummaryWaitMs: 200 });
  });
  afterAll(async () => {
    await ai.close();
    await t.stop();
  });

  it('takes the note Anna made private off Mia\'s card without waiting for the AI summary', async () => {
    const KEEP = 'Anna wil graag meer regie over haar rooster';
    const SECRET = 'Anna overweegt een andere baan';
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'keep', text: KEEP, shared: true });
    const secretId = (await addNote(v, 'aad-anna', { key: 'secret', text: SECRET, shared: true })).id;
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id as string;

    // Mia opens the prep from her list: the message 'list-card' shows it, with Anna's note.
    const shown = await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'));
    expect(cardText(shown.body.value)).toContain(SECRET);
    // Its summary is made after the press was answered; the model answers it.
    await ai.held();
    ai.answer('Anna wil meer regie en overweegt een andere baan.');
    await t.app.background.idle();

    // Anna takes the note back. The rebuild asks the model for a summary of what is left, and Azure is slow.
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: secretId, visibility: 'private' }, 'overview-card'));
    // The outbox sends the rebuild (not awaited: on the current code it waits for the model).
    const sending = t.app.outbox.drain(60_000).catch(() => undefined);
    await ai.held();

    // Mia's message is rebuilt without the note while the model still holds the summary request.
    await waitUntil(
      'Mia\'s prep card in her chat no longer shows the note Anna made private',
      () => {
        const now = t.connector.latest('list-card');
        return now !== undefined && cardText(now).includes(TITLE) && !cardText(now).includes(SECRET);
      },
      { timeoutMs: 20_000, state: () => (t.connector.latest('list-card') ? `card still shows the note: ${cardText(t.connector.latest('list-card')).includes(SECRET)}` : 'no update of the message at all') },
    );
    expect(cardText(t.connector.latest('list-card'))).not.toContain(AI_LABEL);
    await sending;

    // The model answers: the summary of what Anna still shares is stored, and follows in a rebuild of Mia's message.
    ai.answer('Anna wil meer regie over haar rooster.');
    await t.app.background.idle();
    await t.app.outbox.drain(60_000);
    const now = cardText(t.connector.latest('list-card'));
    expect(now).toContain(AI_LABEL);
    expect(now).toContain('Anna wil meer regie over haar rooster.');
    expect(now).not.toContain(SECRET);
  }, 90_000);
});
