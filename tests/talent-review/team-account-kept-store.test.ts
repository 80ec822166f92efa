/**
 * Stop 47: keeping a manager's account to their team costs the send press one write (the record's
 * create in the manager's own partition) after one point read of the manager's erasure ticket (a
 * send while it is unfinished is refused), and the form one single-partition query, never a query
 * across partitions. A store that does not take the record sends nothing: the error card means
 * nothing was kept and nothing queued. A card that cannot be queued after the record was stored
 * takes the record back (no card of the press had gone), so the error card means the same there.
 *
 * Mia manages Anna, Cem and Eva.
 */
import { message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { SeenCosmosRequest } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile, personalChat, pressIn } from './support/proposal-put-before';

const mia = user('Mia') as TestUser;
const SEND = 'review.teamAccount.send';

/**
 * The turn's own data requests: everything but the outbox sender's work after the queueing creates,
 * and the SDK's one-time container metadata (request-counts.test.ts leaves it out too).
 */
const turnPath = (seen: SeenCosmosRequest[]) => seen.filter((r) => r.kind !== 'metadata' && (r.container !== 'outbox' || r.kind === 'create')).map((r) => `${r.kind} ${r.container}`);
/** Queries across partitions, or query plans, outside the outbox sender's own work. */
const fanOut = (seen: SeenCosmosRequest[]) => seen.filter((r) => r.container !== 'outbox' && (r.crossPartition || r.kind === 'queryPlan'));

describe('a kept team account: its requests, and a store that fails', () => {
  let t: TestApp;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === personalChat(t, who).id).at(-1)?.card;
  const openForm = async () => {
    await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
    return lastCardIn(mia);
  };
  const keptOf = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT c.id, c.text FROM c WHERE c.type = 'teamAccount' AND c.userId = @u", parameters: [{ name: '@u', value: userId }] }).fetchAll()).resources as { id: string; text: string }[];
  const jobsAboutMia = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob' AND ARRAY_CONTAINS(c.about, 'aad-mia')").fetchAll()).resources.length;
  const measure = async <R>(turn: () => Promise<R>) => {
    await t.app.outbox.drain(60_000);
    t.proxy!.reset();
    const answer = await turn();
    return { answer, seen: [...t.proxy!.seen] };
  };

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t?.stop());

  it('the send: her language, her erasure ticket, one create in her own partition, and per member their language and the queued card', async () => {
    const form = await openForm();
    const { answer, seen } = await measure(() => pressIn(t, mia, SEND, { ...buttonData(form, SEND), text: 'GETELD: wat ik deed' }));
    expect(cardText(answer)).toContain('Verantwoording verstuurd');
    // The ticket's point read (team-account-refused-while-erasing.test.ts) is the one request the
    // erasure check adds: no write, no query, nothing across partitions.
    expect(turnPath(seen)).toEqual(['pointRead personal', 'pointRead personal', 'create personal', ...Array(3).fill(['pointRead personal', 'create outbox']).flat()]);
    expect(seen.filter((r) => r.container !== 'outbox' && ['create', 'upsert', 'replace', 'delete', 'batch'].includes(r.kind))).toHaveLength(1);
    expect(fanOut(seen)).toEqual([]);
  });

  it('opening the form: her language and one query in her own partition, nothing written, no fan-out', async () => {
    const { answer, seen } = await measure(async () => {
      await t.send(message(personalChat(t, mia), mia, 'teamverantwoording'));
      return lastCardIn(mia);
    });
    expect(cardText(answer)).toContain('GETELD: wat ik deed');
    expect(turnPath(seen)).toEqual(['pointRead personal', 'query personal']);
    expect(fanOut(seen)).toEqual([]);
  });

  it('a store that does not take the record: the error card, no card queued for anyone, nothing kept', async () => {
    const form = await openForm();
    const before = { kept: (await keptOf('aad-mia')).length, jobs: await jobsAboutMia() };
    const answer = await t.proxy!.withFaults(
      (req) => (req.container === 'personal' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      () => pressIn(t, mia, SEND, { ...buttonData(form, SEND), text: 'NIET-BEWAARD: dit gaat mis' }),
    );
    expect(cardText(answer)).not.toContain('Verantwoording verstuurd');
    expect(cardText(answer)).toContain('Opslaan lukte nu niet');
    // The words come back with the same button (the same key): pressed again, stored and sent once.
    expect(cardText(answer)).toContain('NIET-BEWAARD: dit gaat mis');
    await t.app.outbox.drain(60_000);
    expect(await jobsAboutMia()).toBe(before.jobs);
    expect((await keptOf('aad-mia')).length).toBe(before.kept);
    expect(JSON.stringify(t.connector.cards(() => true))).not.toContain('NIET-BEWAARD');
  });

  it('a card that cannot be queued after the record was stored: the record is taken back, nothing goes; the same press again sends it once', async () => {
    const form = await openForm();
    const data = { ...buttonData(form, SEND), text: 'TERUGGENOMEN: wachtrij faalt' };
    const before = { kept: (await keptOf('aad-mia')).length, jobs: await jobsAboutMia() };
    const answer = await t.proxy!.withFaults(
      (req) => (req.container === 'outbox' && req.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      () => pressIn(t, mia, SEND, data),
    );
    expect(cardText(answer)).toContain('Opslaan lukte nu niet');
    await t.app.outbox.drain(60_000);
    expect((await keptOf('aad-mia')).map((r) => r.text)).not.toContain('TERUGGENOMEN: wachtrij faalt');
    expect(await jobsAboutMia()).toBe(before.jobs);

    expect(cardText(await pressIn(t, mia, SEND, data))).toContain('Verantwoording verstuurd');
    await t.app.outbox.drain(60_000);
    expect((await keptOf('aad-mia')).filter((r) => r.text === 'TERUGGENOMEN: wachtrij faalt')).toHaveLength(1);
    // Sent once to each of the three (since stop 59 a sent card keeps no job, only the blank holding its key).
    const cardsOut = t.connector.cards((c) => c.conversationId !== personalChat(t, mia).id).filter((c) => cardText(c.card).includes('TERUGGENOMEN: wachtrij faalt'));
    expect(cardsOut).toHaveLength(3);
    expect(await jobsAboutMia()).toBe(before.jobs);
  });
});
