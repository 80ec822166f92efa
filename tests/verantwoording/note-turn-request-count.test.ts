/**
 * Cosmos DB requests of a note's turn, counted on the wire (as tests/live-session/request-counts.test.ts):
 * `notitie <tekst>` in the person's own chat with its overview card, the same words typed again
 * that day, and a Save from a message in the message extension. Stop 58: the add's erasure check
 * is its query of the person's records (which holds the erasure's ticket), not a point read more;
 * the overview after a `notitie` is built from the records the add's own query read after its
 * create (the membership index among them), not read again. Before: 9, 7 and 5 requests.
 * Stop 62: the same words again confirm the note they find (one write), 4 -> 5 requests, once.
 * Every query stays in one partition, the person's own for their records.
 */
import { SeenCosmosRequest } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { DocumentStore } from '../../src/store/document-store';
import { extensionInvoke, noteTexts, PersonalChat } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const anna = MEMBERS[0]!;
/** On the overview from the group's week (its name comes with the trace read through the membership index). */
const partOfWeek = 'Team Zorg';
const LINK = 'https://teams.microsoft.com/l/message/19:groupchat-1@thread.v2/1763900000000?context=%7B%22contextType%22%3A%22chat%22%7D';
const messagePayload = {
  id: '1763900000000', createdDateTime: '2026-11-23T07:12:00.000Z', linkToMessage: LINK,
  from: { user: { id: 'aad-bram', displayName: 'Bram', userIdentityType: 'aadUser' } },
  body: { contentType: 'html', content: '<p>Vraag om feedback na elke dienst.</p>' },
};

interface TurnCost {
  pointReads: number;
  queries: number;
  writes: number;
  queryPlans: number;
  crossPartition: number;
}

const WRITES = new Set(['create', 'upsert', 'replace', 'delete', 'batch']);
const costOf = (seen: SeenCosmosRequest[]): TurnCost => ({
  pointReads: seen.filter((r) => r.kind === 'pointRead').length,
  queries: seen.filter((r) => r.kind === 'query').length,
  writes: seen.filter((r) => WRITES.has(r.kind)).length,
  queryPlans: seen.filter((r) => r.kind === 'queryPlan').length,
  crossPartition: seen.filter((r) => r.crossPartition).length,
});

describe('Cosmos DB requests of a note\'s turn', () => {
  let t: TestApp;
  let chat: PersonalChat;
  /** Each query the app's stores made: its container and the partition it named. */
  let queries: jest.SpyInstance;
  const partitionsQueried = () => queries.mock.calls.map((call, i) => ({ container: (queries.mock.contexts[i] as any).container.id as string, partition: call[1] as string | undefined }));
  const measure = async <R>(turn: () => Promise<R>): Promise<{ cost: TurnCost; result: R }> => {
    t.proxy!.reset();
    queries.mockClear();
    const result = await turn();
    return { cost: costOf(t.proxy!.seen), result };
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, sharedCardIntervalMs: 0 });
    // As the README's table: the person acting is a member of one group.
    const g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'Warm maken');
    chat = new PersonalChat(t, anna);
    await chat.say('verantwoording');
    queries = jest.spyOn(DocumentStore.prototype, 'queryStored');
  }, 60_000);
  afterAll(async () => {
    queries?.mockRestore();
    await t?.stop();
  });

  const everyQueryInOnePartition = () => {
    const seen = partitionsQueried();
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.filter((q) => q.partition === undefined)).toEqual([]);
    // The person's records: in their own partition.
    expect(seen.filter((q) => q.container === 'personal').map((q) => q.partition)).toEqual(seen.filter((q) => q.container === 'personal').map(() => anna.aadObjectId));
  };

  /** The overview a `notitie` answered with is the one "verantwoording" shows right after: built from what the add read, as from a read of its own. */
  const sameAsOverviewRead = async (cards: unknown[]) => {
    // The add-note form's key is new on every card (a press delivered twice saves one note).
    const keyless = (c: unknown[]) => JSON.parse(JSON.stringify(c).replace(/"k":"[0-9a-f-]{36}"/g, '"k":"key"'));
    expect(cards).toHaveLength(1);
    expect(keyless(cards)).toEqual(keyless((await chat.say('verantwoording')).cards));
  };

  it('"notitie <tekst>" with its overview: two point reads, three queries, one write', async () => {
    const { cost, result } = await measure(() => chat.say('notitie Vandaag de overdracht voorbereid'));
    expect(cost).toEqual({ pointReads: 2, queries: 3, writes: 1, queryPlans: 0, crossPartition: 0 });
    everyQueryInOnePartition();
    expect(result.cards.map(cardText).join(' ')).toContain('Vandaag de overdracht voorbereid');
    expect(await noteTexts(t, anna.aadObjectId)).toEqual(['Vandaag de overdracht voorbereid']);
    // The group's week is on it too: the membership index came with the person's records.
    expect(result.cards.map(cardText).join(' ')).toContain(partOfWeek);
    await sameAsOverviewRead(result.cards);
  });

  // Stop 62: the note found is confirmed (one replace) before it is said saved, while the first
  // message's late create could still take it back; once confirmed, the same words again write nothing.
  it('the same words typed again that day: found by the one query, confirmed once, the overview not read again', async () => {
    const { cost, result } = await measure(() => chat.say('notitie Vandaag de overdracht voorbereid'));
    expect(cost).toEqual({ pointReads: 2, queries: 2, writes: 1, queryPlans: 0, crossPartition: 0 });
    everyQueryInOnePartition();
    expect(await noteTexts(t, anna.aadObjectId)).toEqual(['Vandaag de overdracht voorbereid']);
    await sameAsOverviewRead(result.cards);
    const again = await measure(() => chat.say('notitie Vandaag de overdracht voorbereid'));
    expect(again.cost).toEqual({ pointReads: 2, queries: 2, writes: 0, queryPlans: 0, crossPartition: 0 });
  });

  it('a Save from a message in the message extension: one point read, two queries, one write', async () => {
    const group = t.conversation('groupChat');
    const opened = await t.send(extensionInvoke(group, anna, 'composeExtension/fetchTask', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload }));
    const card = opened.body.task.value.card.content;
    const data = { ...card.actions.find((a: any) => a.type === 'Action.Submit').data, noteText: card.body.find((e: any) => e.id === 'noteText').value };
    const { cost, result } = await measure(() => t.send(extensionInvoke(group, anna, 'composeExtension/submitAction', { commandId: 'bewaarInVerantwoording', commandContext: 'message', messagePayload, data })));
    expect(JSON.stringify(result.body)).toContain('Bewaard in Mijn verantwoording');
    expect(await noteTexts(t, anna.aadObjectId)).toEqual(['Vandaag de overdracht voorbereid', 'Vraag om feedback na elke dienst.']);
    expect(cost).toEqual({ pointReads: 1, queries: 2, writes: 1, queryPlans: 0, crossPartition: 0 });
    everyQueryInOnePartition();
  });
});
