import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { gatedAzureOpenAi } from '../support/gated-azure-openai';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { PersonalChat, verantwoordingDeps } from '../verantwoording/support';

/**
 * The AI summary on the prep card is optional ("the card is complete without it"), and a turn
 * never waits for it longer than a short budget. Teams waits only seconds for an invoke; with
 * the defaults (AI_TIMEOUT_MS 20 s, 2 retries, Retry-After waits on a 429) a slow or throttled
 * Azure would keep the turn open for a minute or more, and Teams would show the manager its own
 * error, here after their account of what they facilitated was already stored ("an error card
 * means nothing was stored"). Past the budget the card goes without the summary; the summary is
 * made after the press was answered (as the proposal draft is), stored, and shown by the next render.
 *
 * The fake Azure here holds the request until the test lets it answer (the app's timeout is 10
 * minutes): the press is answered while it still holds it.
 *
 * Found in review, stop 39.
 */
const mia = user('Mia');
const anna = user('Anna');
const AI_LABEL = 'Samenvatting door AI: controleer het zelf';

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  writeFileSync(file, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }] }));
  return file;
}

describe('a press on the prep card while Azure OpenAI is slow', () => {
  let t: TestApp;
  let ai: Awaited<ReturnType<typeof gatedAzureOpenAi>>;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  /** The summaries stored in Anna's partition, read directly. */
  const storedSummaries = async () =>
    (await t.store.container('personal').items.query<{ text: string }>({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'prepSummary'" }, { partitionKey: 'aad-anna' }).fetchAll()).resources.map((d) => d.text);

  beforeAll(async () => {
    ai = await gatedAzureOpenAi();
    // The wait shortened: the held request outlasts any wait, so only the test's length changes.
    t = await startTestApp({ ...ai.env, AI_TIMEOUT_MS: '600000', DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { prepSummaryWaitMs: 200 });
    // Planned while Anna shares nothing: no summary to make yet.
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id as string;
  });
  afterAll(async () => {
    await ai.close(); // ends any request still held: the summary's background work ends before the app stops
    await t.stop();
  });

  it('is answered without waiting for the AI summary, which the next render shows once the model answered', async () => {
    // Anna shares a note with her manager: the next render of the card asks AI for a summary.
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'shared-1', text: 'Anna wil graag meer regie over haar rooster', shared: true });

    let answered = false;
    const press = t
      .send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId, facilitated: 'Ik heb Anna gekoppeld aan een roostermaker.', shareFacilitation: false }, 'prep-card'))
      .then((res) => { answered = true; return res; });
    await ai.held(); // Azure has the summary request, and does not answer
    const res = await press;
    expect(answered).toBe(true);
    expect(cardText(res.body?.value)).toContain('roostermaker');
    expect(cardText(res.body?.value)).not.toContain(AI_LABEL);
    // The model still holds the request: nothing is stored yet.
    expect(await storedSummaries()).toEqual([]);

    // The model answers after the press was answered: its summary is stored for the next render.
    ai.answer('Anna wil meer regie over haar rooster.');
    await t.app.background.idle();
    expect(await storedSummaries()).toEqual([expect.stringContaining('Anna wil meer regie over haar rooster.')]);
    const shown = cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'prep-card'))).body?.value);
    expect(shown).toContain(AI_LABEL);
    expect(shown).toContain('Anna wil meer regie over haar rooster.');
  });

  it('answers the professional\'s preview without waiting for the AI summary', async () => {
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'shared-2', text: 'Anna wil minder avonddiensten', shared: true });
    const preview = new PersonalChat(t, anna).say('wat ziet mijn leidinggevende');
    await ai.held();
    const card = cardText((await preview).cards[0]);
    expect(card).toContain('Anna wil minder avonddiensten');
    expect(card).not.toContain(AI_LABEL);
    expect(await storedSummaries()).toEqual([]);

    ai.answer('Anna wil meer regie en minder avonddiensten.');
    await t.app.background.idle();
    expect(cardText((await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende')).cards[0])).toContain('Anna wil meer regie en minder avonddiensten.');
  });
});
