import { message, TestUser, user } from '../support/activities';
import { buttonData, textInput } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';

/**
 * Found in review, stop 47. Each account a manager sends their team is kept as a record in the
 * manager's own `personal` partition. Every other write there (notes, hours, Prof-traject,
 * sharing, language, a proposal put before a manager) is refused while the person's erasure is
 * unfinished (`refuseWhileErasing`): the erasure, resumed by its job, deletes whatever the
 * partition holds, so a change answered as kept now is lost without a word (or, written after the
 * erasure's last listing, outlives the erasure). The team-account send had no such check.
 *
 * Mia erases her data while the store refuses deletes in her partition (the erasure is unfinished
 * and resumes by itself), then presses "send" on the team-account form she opened before. It was
 * stored, sent to Anna and answered "Je vindt hem terug onder teamverantwoording"; the resume job
 * then deleted it.
 * Must hold: while her erasure is unfinished the send is refused as "erasure under way" in her
 * language: nothing is kept in her partition, no card is queued or sent to anyone, and her words
 * come back on the form with the reason.
 */
const [mia] = ['Mia'].map(user) as [TestUser];
const WORDS = 'TIJDENS-WISSEN: een uur per week vrijgemaakt';

describe('a team account sent while the manager\'s erasure is unfinished', () => {
  let t: TestApp;
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources;
  const jobsNaming = async (words: string) =>
    (await t.store.container('outbox').items.query({ query: "SELECT c.id FROM c WHERE c.type = 'outboxJob' AND CONTAINS(ToString(c), @w)", parameters: [{ name: '@w', value: words }] }).fetchAll()).resources;

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 120_000);
  afterAll(() => t?.stop());

  it('is refused as "erasure under way": nothing kept, no card sent, her words back on the form', async () => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: mia.aadObjectId }) })).json();
    const api = (method: string, path: string, body?: unknown) =>
      fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
    expect((await api('POST', '/notes', { text: 'Van voor het wissen', key: 'team-account-before-erasure-1' })).status).toBe(201);

    // The form, opened before the erasure began.
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    const form = t.connector.cards((c) => c.conversationId === personalChat(t, mia).id).at(-1)?.card;

    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const erase = await api('POST', '/erase', { confirm: true });
    t.proxy!.faults = undefined;
    // Precondition: her erasure is unfinished and resumes by itself.
    expect(erase.status).toBe(503);

    const answer = await pressIn(t, mia, 'review.teamAccount.send', { ...buttonData(form, 'review.teamAccount.send'), text: WORDS });
    expect({ kept: (await keptOf(mia.aadObjectId)).length, says: cardText(answer) }).toEqual({ kept: 0, says: expect.stringContaining('worden op dit moment gewist') });
    expect(cardText(answer)).not.toContain('Verantwoording verstuurd');
    // Her words come back in the text box, with the send button to press once the erasure is done.
    expect(textInput(answer, 'text')?.value).toBe(WORDS);
    expect(buttonData(answer, 'review.teamAccount.send')).toEqual(expect.objectContaining({ k: expect.any(String) }));
    // Nothing queued for anyone, and nothing went out.
    expect(await jobsNaming(WORDS)).toEqual([]);
    await t.app.outbox.drain(60_000);
    expect(JSON.stringify(t.connector.cards(() => true))).not.toContain(WORDS);
  }, 120_000);
});
