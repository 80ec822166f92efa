/**
 * The manager's card and the member's notice are rendered when they go (stop 51). The render reads
 * the manager's language when the card goes, and Cosmos does not answer that read for a while: the
 * card is retried, not lost, not sent twice; while they wait, the outbox's documents hold none of
 * the member's words nor the manager's answer. (Held in review, stop 51.)
 */
import { message, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { preferencesId } from '../../src/domain/verantwoording/preferences';
import { chatOverview, directoryFile, groupDecides, personalChat, pressIn } from './support/proposal-put-before';

const [anna, bram, cem, mia] = [user('Anna'), user('Bram'), user('Cem'), user('Mia')];
const WORDS = 'Probe-woorden-S51C graag bespreken';
const ANSWER = 'Probe-antwoord-S51C we plannen het in';

describe('a put-before card whose render fails at send', () => {
  let t: TestApp;
  const outboxJobs = async () => (await t.store.container('outbox').items.query('SELECT * FROM c').fetchAll()).resources as Record<string, unknown>[];
  const toMia = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-mia')).map((c) => c.card).filter((c) => /Een voorstel voor jou|A proposal for you/.test(cardText(c)));
  const toAnna = () => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get('aad-anna')).map((c) => cardText(c.card)).filter((x) => /An answer to your proposal|Antwoord op je voorstel/.test(x));

  beforeAll(async () => {
    t = await startTestApp(
      { DIRECTORY_FILE: directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram' }, { id: 'aad-cem', name: 'Cem' }, { id: 'aad-mia', name: 'Mia' }]) },
      '2026-11-23T08:00:00Z',
      { proxy: true, outboxTimings: { backoffBaseMs: 50, backoffCapMs: 400 } },
    );
    await groupDecides(t, '19:s51c-render@thread.v2', [anna, bram, cem]);
    await t.send(message(personalChat(t, mia), mia, 'taal en'));
  }, 120_000);
  afterAll(() => t?.stop());

  it('the manager\'s card whose render cannot read her language waits (its job holds none of the words), then goes once when Cosmos answers', async () => {
    const overview = await chatOverview(t, anna);
    const form = await pressIn(t, anna, 'review.proposalToManager.open', buttonData(overview, 'review.proposalToManager.open'));
    await pressIn(t, anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS }, 'press-r1');
    const jobs = await outboxJobs();
    expect(jobs.length).toBeGreaterThan(0);
    expect(JSON.stringify(jobs)).not.toContain(WORDS);

    const miaPrefs = `/docs/${preferencesId('aad-mia')}`;
    t.proxy!.faults = (req) => (req.kind === 'pointRead' && req.path.endsWith(miaPrefs) ? { kind: 'status', status: 503 } : undefined);
    const draining = t.app.outbox.drain(90_000);
    try {
      await waitUntil('the card\'s render failed twice and was put off', async () => (await outboxJobs()).some((j) => Number(j.checksFailed ?? 0) >= 2), { timeoutMs: 60_000 });
      expect(toMia()).toHaveLength(0);
      expect(JSON.stringify(await outboxJobs())).not.toContain(WORDS);
    } finally {
      t.proxy!.faults = undefined;
    }
    await draining;
    const cards = toMia();
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0])).toMatch(/A proposal for you/);
    expect(cardText(cards[0])).toContain(WORDS);
    expect(JSON.stringify(await outboxJobs())).not.toContain(WORDS);
  }, 150_000);

  it('the answer\'s notice job holds ids only while it waits, and goes once', async () => {
    const card = toMia().at(-1)!;
    await pressIn(t, mia, 'review.proposalToManager.answer', { ...buttonData(card, 'review.proposalToManager.answer'), answer: ANSWER });
    expect(JSON.stringify(await outboxJobs())).not.toContain(ANSWER);
    await t.app.outbox.drain(60_000);
    const notices = toAnna();
    expect(notices).toHaveLength(1);
    expect(notices[0]).toContain(ANSWER);
    expect(JSON.stringify(await outboxJobs())).not.toContain(ANSWER);
  }, 120_000);
});
