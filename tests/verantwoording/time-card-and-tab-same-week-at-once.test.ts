/**
 * A guard (held when written, in review of stop 54): the time card in the chat and the tab correct the same
 * week from the same revision at the same moment. The chat's replace is held at the store (gate)
 * while the tab's correction lands and is answered 200. The chat then must not overwrite the tab's
 * figure (it gets the card with both figures), and the week's stored hours are the tab's.
 */
import type { IncomingMessage } from 'node:http';
import { timeUsedId } from '../../src/domain/verantwoording/time-used';
import { user } from '../support/activities';
import { cosmosGate } from '../support/cosmos-gate';
import { cardText } from '../support/group-driver';
import { TestApp } from '../support/test-app';
import { PersonalChat, tabApi, trajectApp, trajectGroup } from './support';

const path = (req: IncomingMessage) => decodeURIComponent((req.url ?? '').split('?')[0]!);

describe('time card and tab save the same week at once', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await trajectApp({ proxy: true });
  }, 60_000);
  afterAll(() => t.stop());

  it('the held chat save loses to the tab\'s stored figure and shows it; nothing is overwritten', async () => {
    const [wim, xan, yes] = [user('Wim'), user('Xan'), user('Yes')];
    const g = await trajectGroup(t, '19:probe-s54-time-race@thread.v2', [wim, xan, yes]);
    await g.checkIn(wim, 4);
    const api = await tabApi(t, wim.aadObjectId);
    const cycle = (await api('GET', '')).json.cycles.find((c: { groupId: string }) => c.groupId === g.groupId);
    const docId = timeUsedId(wim.aadObjectId, cycle.cycleId);

    const gate = cosmosGate(t.proxy!);
    const held = gate.hold((req) => req.method === 'PUT' && path(req).endsWith(`/docs/${docId}`));
    const chat = new PersonalChat(t, wim);
    const pressed = chat.press('verantwoording.time.save', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 2, rev: cycle.timeRev }, 'time-card');
    await held.arrived;
    const tab = await api('PUT', '/time', { groupId: g.groupId, cycleId: cycle.cycleId, hours: 5, rev: cycle.timeRev });
    expect(tab.status).toBe(200);
    held.release();
    const card = cardText(await pressed);
    const stored = (await t.store.container('personal').item(docId, wim.aadObjectId).read()).resource;
    expect({ hours: stored.hours, cardShowsTabFigure: /\b5\b/.test(card), errorCard: /lukte niet/.test(card) }).toEqual({ hours: 5, cardShowsTabFigure: true, errorCard: false });
  }, 90_000);
});
