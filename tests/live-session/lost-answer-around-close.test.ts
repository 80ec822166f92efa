import { isBatch, isMemberWrite } from '../support/cosmos-gate';
import { CosmosFault } from '../support/cosmos-proxy';
import { cardText, MEMBERS } from '../support/group-driver';
import { ERROR_TITLE, isNormalCard } from './support';
import { raceApp } from './race-app';

/**
 * A member's addition on a gated session whose batch went through but whose answer was lost; the
 * store client tries the batch again, and another member's end lands between the two attempts.
 * The retry's gate read finds the gate gone. The item was stored before the close (and is in the
 * summary / average): the member must not get the error card that says nothing was stored.
 */
describe('an addition whose batch answer was lost, retried after another member ended the session', () => {
  const race = raceApp('probe-lost-close');
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  /** The next member batch is stored and its answer dropped; its retry is held until the test lets it go. */
  function loseAnswerAndHoldRetry() {
    let used = false;
    race.t.proxy!.faults = (req) => (!used && req.kind === 'batch' && req.container === 'sessions' ? ((used = true), { kind: 'dropAfter' } as CosmosFault) : undefined);
    let n = 0;
    const held = race.gate.hold((req) => isMemberWrite(req) && isBatch(req) && ++n === 2);
    return { held, restore: () => ((race.t.proxy!.faults = undefined), used) };
  }

  async function dayOneOpen() {
    const g = race.group([anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    return g;
  }

  it('lost-answer retry of a contribution after the close: stored and in the summary, so no error card', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const before = race.t.connector.calls.length;
    const { held, restore } = loseAnswerAndHoldRetry();
    const cems = g.contribute(cem, 1, 'CEM: de overdracht');
    await held.arrived;
    expect(restore()).toBe(true);
    expect(isNormalCard(await g.end(anna))).toBe(true);
    held.release();
    const answer = await cems;
    await race.t.app.outbox.drain(30_000);
    const summaries = race.t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'));

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
