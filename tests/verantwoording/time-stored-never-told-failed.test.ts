/**
 * Found in review of stop 46's whole change. Stop 46 made `correctTimeUsed` record the week as one of the
 * person's active weeks (their Prof-traject count) right after the hours were written
 * (`recordActiveWeek`: a read of their whole partition, then maybe creates), unguarded. When that
 * extra step fails (a store hiccup on the read that follows the write), the whole correction
 * fails: the tab gets a 500 ("not saved") and the chat an error card, while the hours ARE stored,
 * and a shared figure's `sharingChanged` (the manager's prep card) is skipped. The look-back check
 * on the chat path (`lookBackIfDue`) is guarded for exactly this reason ("never fails the save
 * that was stored"); the active-week record is not.
 *
 * Anna corrects her hours of week 1 to 2,5 in the tab. The time record's replace lands; every
 * query on the personal container after it fails (503). Before stop 46 nothing followed the replace
 * for private hours, so the answer was 200.
 * Must hold: what was stored is answered as stored (not a 500), since it was.
 */
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from './support';

describe('a time correction whose extra active-week step fails after the hours were stored', () => {
  let t: TestApp;
  let token = '';
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${t.app.url}/api/verantwoording${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : undefined };
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Plannen', personal10: 'Puzzelen', contribution: 'Overdracht' });
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  }, 180_000);
  afterAll(() => t.stop());

  const storedHours = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'timeUsed' AND c.userId = 'aad-anna'" }).fetchAll()).resources.map((r) => r.hours);

  it('answers the stored correction as stored', async () => {
    const overview = (await api('GET', '')).json;
    const cycle = overview.cycles[0];
    expect(cycle).toBeDefined();

    // Once the time record's replace went through, every later read of the personal container fails.
    let written = false;
    const rule: CosmosFaultRule = (req) => {
      if (req.container !== 'personal') return undefined;
      if (req.kind === 'replace') {
        written = true;
        return undefined;
      }
      return written && req.kind === 'query' ? { kind: 'status', status: 503 } : undefined;
    };
    const answer = await t.proxy!.withFaults(rule, () => api('PUT', '/time', { groupId: cycle.groupId, cycleId: cycle.cycleId, hours: 2.5 }));

    // The hours are stored...
    expect(written).toBe(true);
    expect(await storedHours()).toEqual([2.5]);
    // ...so the answer must not say the save failed.
    expect({ status: answer.status, hours: answer.json?.hours }).toEqual({ status: 200, hours: 2.5 });
  });
});
