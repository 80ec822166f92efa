import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { aiSettings, FakeAzureOpenAi, hang, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { waitUntil } from '../outbox/wait-until';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { verantwoordingDeps } from '../verantwoording/support';

/**
 * Found in review, stop 54 (fixed then: one change of sharing asked the model for the same summary
 * once per message showing the prep card, up to ten).
 *
 * A change in what Anna shares rebuilds every message in Mia's chat that shows Anna's prep card
 * (up to ten). Each rebuild is rendered by the outbox with prepSummaryWithoutWaiting: no stored
 * summary of the new input yet, so each starts prepSummary, and each asked Azure OpenAI for the
 * very same summary while the first was still being written. The model's answer takes seconds,
 * the outbox sends the rebuilds at once: one un-share cost as many model calls as there are
 * messages. The proposal drafter makes one call per press for the whole group
 * (transient-azure-answers-and-racing-presses.test.ts), and both share the deployment's rate
 * limit, so a burst here could make a live group's draft "te druk". Now one request per report and
 * input is under way at a time (prep-summary.ts, beingMade): every render of that input meanwhile
 * shares it. The model holds the request (AI_TIMEOUT_MS is a minute) until the test ends, so every
 * render comes while it is under way.
 */
const mia = user('Mia');
const anna = user('Anna');

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('one change of sharing, one AI summary asked', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => t.conversation('personal', 'a:personal-anna');
  const summaryPrompts = (from: number) => ai.requests.slice(from).filter((r) => JSON.stringify(r.body).includes('shared-items'));

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 60_000, retries: 0 }), DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(async () => {
    // First: the held request ends (its socket is destroyed), so the app's stop does not wait for it.
    await ai.close();
    await t.stop();
  });

  it('asks the model once for the summary of what Anna shares after she takes a note back, however many messages show her prep', async () => {
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'keep', text: 'Anna wil meer regie over haar rooster', shared: true });
    const secretId = (await addNote(v, 'aad-anna', { key: 'secret', text: 'Anna overweegt een andere baan', shared: true })).id;
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    const reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id as string;
    ai.script({ kind: 'success', content: 'Anna wil meer regie en overweegt een andere baan.' });
    const messages = ['prep-1', 'prep-2', 'prep-3', 'prep-4'];
    for (const m of messages) expect(cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, m))).body.value)).toContain('Samenvatting door AI');
    await t.app.outbox.drain(60_000);
    await t.app.background.idle();

    // The model is slow now: each request is held (until the test ends).
    ai.script(...messages.map(() => hang()), hang(), hang());
    const from = ai.requests.length;
    await t.send(execute(annaChat(), anna, 'verantwoording.visibility', { kind: 'note', id: secretId, visibility: 'private' }, 'overview-card'));
    await t.app.outbox.drain(60_000);
    // Set-up holds: every message was rebuilt without the note, and the summary of what she shares now is asked for.
    for (const m of messages) expect(cardText(t.connector.latest(m))).not.toContain('andere baan');
    await waitUntil('the summary of what Anna shares now is asked for', () => summaryPrompts(from).length > 0);
    // One render more of the same input, after the rebuilds (Mia opens the prep once more): it is
    // answered without the summary still being made (after the in-turn wait), and asks for none of its own either.
    const again = cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'prep-5'))).body.value);
    expect(again).toContain('Anna wil meer regie over haar rooster');
    expect(again).not.toContain('Samenvatting door AI');
    expect(summaryPrompts(from).length).toBe(1);
    expect(JSON.stringify(summaryPrompts(from)[0]?.body)).not.toContain('andere baan');
  }, 120_000);
});
