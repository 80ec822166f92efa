import { TestUser } from '../support/activities';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { weekUpToQuestion9 } from '../learning-needs/support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * A README left-out ("changing a personal answer takes three Cosmos requests"; counted, it was
 * four). Anna answers question 9 for herself, then changes her answer. The brief's goal is at most
 * two requests per click; a change asked for a create (refused: the answer exists), a read, a
 * second read and a replace, besides the session's query. Her card knows she has a saved answer
 * (its button says "Bijwerken"), and says so in the press (`had`): a change is then a read and a
 * replace. A card from before (no `had`) still works: create, read, replace. Counted by the test
 * proxy, on the personal container (her own partition); the stored answer is checked each time.
 */
describe('Cosmos requests of a personal answer', () => {
  let t: TestApp;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await weekUpToQuestion9(g);
  }, 120_000);
  afterAll(() => t.stop());

  const stored = async () => (await t.store.container('personal').items.query("SELECT c.text FROM c WHERE c.type = 'personalAnswer'").fetchAll()).resources.map((r) => r.text);
  const counted = async (text: string, had?: 1) => {
    t.proxy!.reset();
    await g.press(anna, 'session.personal', { ...g.ids(), questionId: 9, text, ...(had ? { had } : {}), k: `key-${text.length}` });
    return t.proxy!.seen.filter((r) => r.container === 'personal').map((r) => r.kind);
  };

  it('a first answer is one create in her partition', async () => {
    expect(await counted('Ik wil beter leren overdragen')).toEqual(['create']);
    expect(await stored()).toEqual(['Ik wil beter leren overdragen']);
  });

  it('a change from a card that showed her answer is a read and a replace', async () => {
    expect(await counted('Ik wil beter leren overdragen aan de avonddienst', 1)).toEqual(['pointRead', 'replace']);
    expect(await stored()).toEqual(['Ik wil beter leren overdragen aan de avonddienst']);
  });

  it('a change from a card of before is a refused create, a read and a replace', async () => {
    expect(await counted('Overdragen aan de avonddienst en de nachtdienst')).toEqual(['create', 'pointRead', 'replace']);
    expect(await stored()).toEqual(['Overdragen aan de avonddienst en de nachtdienst']);
  });

  it('her card shows her saved answer and marks the press as a change', async () => {
    const card = (await g.press(anna, 'session.refresh', g.ids())).value;
    const button = JSON.stringify(card).match(/"verb":"session\.personal","data":\{[^}]*\}/)?.[0] ?? '';
    expect(button).toContain('"had":1');
  });
});
