import type { IncomingMessage } from 'node:http';
import { cosmosGate, isMemberWrite } from '../support/cosmos-gate';
import { CosmosFault } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, isNormalCard } from './support';

/**
 * A member's addition on a gated session whose batch went through but whose answer was lost; the
 * store client tries the batch again, and another member's end lands between the two attempts.
 * The retry's gate read finds the gate gone. The item was stored before the close (and is in the
 * summary / average): the member must not get the error card that says nothing was stored.
 */
describe('an addition whose batch answer was lost, retried after another member ended the session', () => {
  let t: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  let round = 0;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    gate = cosmosGate(t.proxy!);
  });
  afterAll(() => t.stop());

  const isBatch = (req: IncomingMessage) => String(req.headers['x-ms-cosmos-is-batch-request'] ?? '').toLowerCase() === 'true';

  /** The next member batch is stored and its answer dropped; its retry is held until the test lets it go. */
  function loseAnswerAndHoldRetry() {
    let used = false;
    t.proxy!.faults = (req) => (!used && req.kind === 'batch' && req.container === 'sessions' ? ((used = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
    let n = 0;
    const held = gate.hold((req) => isMemberWrite(req) && isBatch(req) && ++n === 2);
    return { held, restore: () => ((t.proxy!.faults = undefined), used) };
  }

  async function dayOneOpen() {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:probe-lost-close-${round++}@thread.v2`), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    return g;
  }

  it('lost-answer retry of a contribution after the close: stored and in the summary, so no error card', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const before = t.connector.calls.length;
    const { held, restore } = loseAnswerAndHoldRetry();
    const cems = g.contribute(cem, 1, 'CEM: de overdracht');
    await held.arrived;
    expect(restore()).toBe(true);
    expect(isNormalCard(await g.end(anna))).toBe(true);
    held.release();
    const answer = await cems;
    await t.app.outbox.drain(30_000);
    const summaries = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));

    const stored = (await g.items('contribution')).some((c) => c.authorId === cem.aadObjectId);
    const inSummary = summaries.some((c) => cardText(c.activity.attachments[0].content).includes('CEM: de overdracht'));
    const errorCard = cardText(answer.value).includes(ERROR_TITLE);
    expect({ stored, inSummary, errorCard }).toEqual({ stored: true, inSummary: true, errorCard: false });
  });

  it('lost-answer retry of a check-out after the close: counted in the published average, so no error card', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'Het rooster');
    await g.goTo(anna, 2); // last question: check-out open
    for (const who of [anna, bram, dewi]) expect(isNormalCard(await g.checkIn(who, 4, 'out'))).toBe(true);
    const { held, restore } = loseAnswerAndHoldRetry();
    const cems = g.checkIn(cem, 1, 'out');
    await held.arrived;
    expect(restore()).toBe(true);
    expect(isNormalCard(await g.end(anna))).toBe(true);
    held.release();
    const answer = await cems;

    const s = await g.session();
    const cemsOut = (await g.items('checkIn')).find((c) => c.memberId === cem.aadObjectId && c.phase === 'out');
    const counted = !!cemsOut && (s.energy.out.counted ?? []).includes(cemsOut.token);
    const errorCard = cardText(answer.value).includes(ERROR_TITLE);
    expect({ stored: !!cemsOut, counted, answers: s.energy.out.answers, errorCard }).toEqual({ stored: true, counted: true, answers: 4, errorCard: false });
  });
});
