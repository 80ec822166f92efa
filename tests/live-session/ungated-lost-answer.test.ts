import { isBatch, isMemberWrite } from '../support/cosmos-gate';
import { CosmosFault } from '../support/cosmos-proxy';
import { cardText, MEMBERS } from '../support/group-driver';
import { ERROR_TITLE, isNormalCard } from './support';
import { raceApp } from './race-app';

/**
 * A session opened before the open gate (stored without `gated`, no gate document), as after a
 * deployment. A member's answer is stored, its answer lost; before the store client's retry, the
 * session is ended (the close read the answer, so the summary holds it). The retry's fallback path
 * finds the session closed and takes the answer back: the summary then shows an answer that is no
 * longer stored, and the member is told nothing was stored.
 */
describe('a session opened before the gate, an answer whose batch answer was lost around the close', () => {
  const race = raceApp('probe-ungated');
  const [anna, bram, cem] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  it('ungated session, lost-answer retry after the close: the summary and the store agree, and the member is told which', async () => {
    const g = race.group([anna, bram, cem]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    // As stored by the version before the race.gate.
    const sessions = race.t.store.container('sessions');
    const { resource: s } = await sessions.item(g.sessionId, g.groupId).read();
    const { gated: _gated, ...legacy } = s;
    await sessions.item(g.sessionId, g.groupId).replace(legacy);
    await sessions.item(`${g.sessionId}_open`, g.groupId).delete();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const before = race.t.connector.calls.length;

    let used = false;
    race.t.proxy!.faults = (req) => (!used && req.kind === 'batch' && req.container === 'sessions' ? ((used = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
    let n = 0;
    const retry = race.gate.hold((req) => isMemberWrite(req) && isBatch(req) && ++n === 2);
    const cems = g.contribute(cem, 1, 'CEM: de overdracht');
    await retry.arrived;
    race.t.proxy!.faults = undefined;
    expect(used).toBe(true);
    expect(isNormalCard(await g.end(anna))).toBe(true);
    retry.release();
    const answer = await cems;
    await race.t.app.outbox.drain(30_000);

    const summaries = race.t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));
    const stored = (await g.items('contribution')).some((c) => c.authorId === cem.aadObjectId);
    const inSummary = summaries.some((c) => cardText(c.activity.attachments[0].content).includes('CEM: de overdracht'));
    const toldSaved = !cardText(answer.value).includes(ERROR_TITLE);
    expect({ stored, inSummary, toldSaved }).toEqual({ stored: inSummary, inSummary, toldSaved: stored });
  });
});
