/**
 * Found in review, stop 43. Anna asks Mia for a talentontwikkelgesprek and is promised: "Kan Teams
 * je verzoek niet afleveren bij je leidinggevende, dan hoor je dat ook hier." Teams refuses Mia's
 * chat for good (403). Just as the outbox's onRefused hook queues Anna's notice, Cosmos DB answers
 * 503 for a moment. The request is recorded as undeliverable, but its hook was run once and, having
 * failed, never again: Anna never heard it. Now the given-up job keeps its hook (without its TTL)
 * until the hook ran, and the outbox runs it again once the store answers: Anna is told, once,
 * however often the outbox runs after that, and then the job keeps nothing of whom it told.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { waitUntil } from '../outbox/wait-until';
import { execute, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, cem] = ['Anna', 'Cem'].map(user) as [TestUser, TestUser];
const ORG = [
  { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
  { id: 'aad-mia', name: 'Mia' },
  { id: 'aad-cem', name: 'Cem', managerId: 'aad-olga' },
  { id: 'aad-olga', name: 'Olga' },
];

describe('the refused-request notice under a brief store fault', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>) => (await t.send(execute(chat(who), who, verb, data, 'card-1'))).body.value;
  const NOT_ARRIVED = 'Je verzoek om een talentontwikkelgesprek is niet aangekomen bij je leidinggevende';
  const toldAnna = () =>
    t.connector.calls
      .filter((c) => c.conversationId === chat(anna).id)
      .map((c) => [c.activity.text ?? '', ...(c.activity.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .filter((text) => text.includes(NOT_ARRIVED)).length;
  const requestJobs = async () =>
    (await t.store.container('outbox').items.query("SELECT c.status, c.ttl, c.onRefused FROM c WHERE c.type = 'outboxJob' AND c.target.appUserId = 'aad-mia'").fetchAll()).resources as { status: string; ttl?: number; onRefused?: unknown }[];

  beforeAll(async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'request-refused-fault-')), 'directory.json');
    writeFileSync(file, JSON.stringify({ users: ORG }));
    t = await startTestApp({ DIRECTORY_FILE: file }, '2026-11-23T08:00:00Z', { proxy: true });
  }, 120_000);
  afterAll(() => t.stop());

  it('Anna hears once, when the store answers again, that her request did not arrive', async () => {
    // Earlier today the outbox sent something for this tenant (Cem's request to Olga).
    const cems = await press(cem, 'review.request.open', {});
    await press(cem, 'review.request.send', buttonData(cems, 'review.request.send'));
    await t.app.outbox.drain(30_000);
    t.connector.blocked.add('aad-mia');
    const form = await press(anna, 'review.request.open', {});
    // The request itself is queued; after it, new outbox records (the notice) cannot be written while the store is down.
    let down = true;
    let creates = 0;
    let failed = 0;
    t.proxy!.faults = (req) => {
      if (req.container !== 'outbox' || req.kind !== 'create' || ++creates === 1 || !down) return undefined;
      failed++;
      return { kind: 'status', status: 503 };
    };
    const sent = await press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: 'Graag over mijn ontwikkeling' });
    expect(cardText(sent)).toContain('dan hoor je dat ook hier');

    // Teams refuses Mia's chat; the hook that queues Anna's notice meets the 503s.
    const draining = t.app.outbox.drain(60_000);
    await waitUntil('the onRefused hook met the store fault', () => t.logs.some((l) => l.includes('outbox onRefused hook failed')), { state: () => `${failed} creates refused` });
    const whileDown = await requestJobs();

    // The store is back; the outbox runs on, as it does all day.
    down = false;
    t.proxy!.faults = undefined;
    await draining;
    for (let i = 0; i < 3; i++) await t.app.outbox.drain(30_000);
    expect({ failed: failed > 0, whileDown, told: toldAnna(), after: await requestJobs() }).toEqual({
      failed: true,
      // Recorded as undeliverable, and kept with its hook (no TTL yet) until the hook ran.
      whileDown: [{ status: 'undeliverable', onRefused: expect.objectContaining({ kind: 'talentReview.requestRefused' }) }],
      told: 1,
      // Told: the job ended; since stop 59 it is deleted, leaving only the blank that holds its key.
      after: [],
    });
  }, 120_000);
});
