import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE } from '../live-session/support';

/**
 * "An error card means nothing was stored" holds for the week's own forms: the agenda card
 * (cycle.agenda.save) and the group's settings saved again with a new name and start time
 * (group.setup.save).
 * - The replace reaches Cosmos DB and its answer is lost on every try (the model the other
 *   lost-answer tests use): the retry finds the change stored and writes nothing more (the
 *   settings' revision counts the change once, the rhythm follows the new start time), and the
 *   member gets the week's card.
 * - Everything is stored, only the reads that build the answer card fail (503): the member is
 *   told the change is saved, never shown an error card.
 * Found in review, stop 39.
 */
describe('week-cycle saves whose write landed', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  const withFaults = <R>(rule: CosmosFaultRule, work: () => Promise<R>): Promise<R> => t.proxy!.withFaults(rule, work);
  const setUp = async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:saves-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    return g;
  };

  describe('the agenda', () => {
    const weekStarted = async () => {
      const g = await setUp();
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

  describe('the group settings', () => {
    const groupOf = async (g: GroupDriver) => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource;
    const saveAgain = (g: GroupDriver) =>
      g.press(anna, 'group.setup.save', { name: 'Team Zorg Noord', members: g.members.map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '10:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20' }, 'setup-card');

    it('the group replace is stored but its answer is lost: not an error card', async () => {
      const g = await setUp();
      const groupDoc = `/docs/${g.groupId}`;
      const res = await withFaults((req) => (req.kind === 'replace' && req.path.endsWith(groupDoc) ? { kind: 'dropAfter' } : undefined), () => saveAgain(g));
      const stored = await groupOf(g);
      expect({ name: stored.name, startTime: stored.schedule.startTime, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ name: 'Team Zorg Noord', startTime: '10:00', error: false });
      expect(stored.rev).toBe(2);
      const jobs = (await t.store.container('jobs').items.query({ query: 'SELECT * FROM c WHERE c.payload.groupId = @g', parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources;
      // The sessions start at 10:00 in Amsterdam (09:00 UTC) from the first week on, and no longer at 09:00.
      const pending = (jobs as { kind: string; status: string; dueAt: string }[]).filter((j) => j.kind === 'session.start' && j.status === 'pending').map((j) => j.dueAt).sort();
      expect(pending).toEqual(['2026-11-23T09:00:00.000Z', '2026-11-24T09:00:00.000Z', '2026-11-25T09:00:00.000Z', '2026-11-26T09:00:00.000Z']);
    });

    it('all is stored, the read for the answer card fails (503): not an error card', async () => {
      const g = await setUp();
      let jobsWritten = false;
      const res = await withFaults((req) => {
        if (req.container === 'jobs' && req.kind !== 'metadata') jobsWritten = true;
        return jobsWritten && req.kind === 'pointRead' && req.path.endsWith('_plan') ? { kind: 'status', status: 503 } : undefined;
      }, () => saveAgain(g));
      const stored = await groupOf(g);
      expect({ name: stored.name, startTime: stored.schedule.startTime, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ name: 'Team Zorg Noord', startTime: '10:00', error: false });
      expect(res.value).toBe('De groepsinstellingen zijn opgeslagen. Typ status om de week te zien.');
    });
  });
});
