import type { IncomingMessage } from 'node:http';
import { stepWriteOf } from '../support/cosmos-gate';
import { cardText, MEMBERS } from '../support/group-driver';
import { isNormalCard } from './support';
import { raceApp } from './race-app';

/**
 * Two members end at once. The one whose close is stored re-reads the session before its summary;
 * the other finds the session closed and posts the summary too (same outbox key: the first one
 * counts) from what it read before the close. An answer stored between that read and the close
 * is the group's (the gate was open) and must be in the summary whichever press posts it.
 */
describe('two members end at once, the press that did not close posts the summary first', () => {
  const race = raceApp('probe-two-ends');
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  const isSessionsQuery = (req: IncomingMessage) =>
    req.method === 'POST' && /\/colls\/sessions\/docs\/?$/.test((req.url ?? '').split('?')[0]!) && String(req.headers['x-ms-documentdb-isquery'] ?? '').toLowerCase() === 'true';

  it('two ends at once, non-closing end posts the summary from its stale read: the answer stored before the close is missing from the summary', async () => {
    const g = race.group([anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const before = race.t.connector.calls.length;

    // Bram's end has read the session (one answer); its close waits.
    const bramsWrite = race.gate.hold(stepWriteOf(g.sessionId));
    const brams = g.end(bram);
    await bramsWrite.arrived;
    // Cem's answer is stored while the session is open.
    expect(isNormalCard(await g.contribute(cem, 1, 'CEM: de overdracht'))).toBe(true);
    // Anna's end closes the session; its re-read after the close (its second query) waits.
    let n = 0;
    const annasReread = race.gate.hold((req) => isSessionsQuery(req) && ++n === 2);
    const annas = g.end(anna);
    await annasReread.arrived;
    // Bram's close is refused (the version moved), finds the session closed, and posts the summary.
    bramsWrite.release();
    expect(isNormalCard(await brams)).toBe(true);
    annasReread.release();
    expect(isNormalCard(await annas)).toBe(true);

    await race.t.app.outbox.drain(30_000);
    const summaries = race.t.connector.calls
      .slice(before)
      .filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'))
      .map((c) => cardText(c.activity.attachments[0].content));
    expect((await g.items('contribution')).some((c) => c.authorId === cem.aadObjectId)).toBe(true);
    expect({ summaries: summaries.length, cemInSummary: summaries.some((s) => s.includes('CEM: de overdracht')) }).toEqual({ summaries: 1, cemInSummary: true });
  });
});
