import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE } from '../live-session/support';

/**
 * "An error card means nothing was stored" holds for the agenda card (cycle.agenda.save).
 * - The cycle's replace reaches Cosmos DB and its answer is lost on every try (the model the
 *   other lost-answer tests use): the retry finds the agenda stored, writes nothing more, and the
 *   member gets the week's card.
 * - The replace answers, but the reads that build the cycle card afterwards fail (503): the
 *   member is told the agenda is saved, never shown an error card.
 * Found in review, stop 39.
 */
describe('agenda save whose write landed', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  const withFaults = <R>(rule: CosmosFaultRule, work: () => Promise<R>): Promise<R> => t.proxy!.withFaults(rule, work);
  const weekStarted = async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:agenda-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    return g;
  };
  const cycleOf = async (g: GroupDriver) => (await t.store.container('sessions').item(`${g.groupId}_w1`, g.groupId).read()).resource;
  const save = (g: GroupDriver) => g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,9,10', day2: '2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');

  it('the cycle replace is stored but its answer is lost: not an error card', async () => {
    const g = await weekStarted();
    const cycleDoc = `/docs/${g.groupId}_w1`;
    const res = await withFaults((req) => (req.kind === 'replace' && req.path.endsWith(cycleDoc) ? { kind: 'dropAfter' } : undefined), () => save(g));
    const stored = (await cycleOf(g)).agenda[0].questionIds;
    expect({ stored, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ stored: [1, 9, 10], error: false });
    expect(res.type).toBe('application/vnd.microsoft.card.adaptive');
  });

  it('the agenda is stored and the reads for the answer card fail (503): not an error card', async () => {
    const g = await weekStarted();
    const cycleDoc = `/docs/${g.groupId}_w1`;
    let written = false;
    const res = await withFaults((req) => {
      if (req.kind === 'replace' && req.path.endsWith(cycleDoc)) {
        written = true;
        return undefined;
      }
      return written && (req.kind === 'pointRead' || req.kind === 'query') ? { kind: 'status', status: 503 } : undefined;
    }, () => save(g));
    const stored = (await cycleOf(g)).agenda[0].questionIds;
    expect({ stored, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ stored: [1, 9, 10], error: false });
    expect(res.value).toBe('De agenda is opgeslagen. Typ status om de week te zien.');
  });
});
