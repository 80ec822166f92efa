import { isMemberWrite, stepWriteOf } from '../support/cosmos-gate';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { ERROR_TITLE, isNormalCard } from './support';
import { raceApp } from './race-app';

/**
 * A member's own addition (an answer to a group question, "Ik ben erbij", a check-out) caught
 * between its read and its write while another member ends the session and its summary is
 * written. The summary is the group's record of the day: an addition the member was told was
 * saved is in it, or it is refused with nothing stored. No timing: a held Cosmos request.
 */
describe('a member\'s addition caught between its read and its write by another member ending the session', () => {
  const race = raceApp('probe-race-end');
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

  /** The summary cards posted in the group's chat since `from` (sent through the outbox). */
  const summariesIn = async (g: GroupDriver, from: number) => {
    await race.t.app.outbox.drain(30_000);
    return race.t.connector.calls
      .slice(from)
      .filter((c) => c.method === 'POST' && c.conversationId === g.conv.id && cardText(c.activity.attachments?.[0]?.content ?? {}).includes('Samenvatting'))
      .map((c) => c.activity.attachments[0].content);
  };
  /** The "Aanwezig" fact of a summary card. */
  const attendeesOn = (card: unknown): string | undefined => {
    let found: string | undefined;
    const walk = (n: unknown) => {
      if (Array.isArray(n)) return n.forEach(walk);
      if (n && typeof n === 'object') {
        const o = n as Record<string, unknown>;
        if (o.type === 'FactSet') for (const f of o.facts as { title: string; value: string }[]) if (f.title === 'Aanwezig') found = f.value;
        Object.values(o).forEach(walk);
      }
    };
    walk(card);
    return found;
  };

  async function dayOneOpen(members = [anna, bram, cem, dewi]) {
    const g = race.group(members);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    return g;
  }

  it('an answer to a group question written just after another member ended the session (its press read it open): in the summary, or refused with nothing stored', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const before = race.t.connector.calls.length;

    const held = race.gate.hold(isMemberWrite);
    const cems = g.contribute(cem, 1, 'CEM: de overdracht');
    await held.arrived;
    expect(isNormalCard(await g.end(anna))).toBe(true);
    const summaries = await summariesIn(g, before);
    held.release();
    const answer = await cems;

    const stored = (await g.items('contribution')).some((c) => c.authorId === cem.aadObjectId);
    const inSummary = summaries.some((s) => cardText(s).includes('CEM: de overdracht'));
    const toldSaved = isNormalCard(answer);
    // Either it is the group's (stored, in the summary, Cem told so), or it is not (nothing stored, an error card).
    expect({ stored, inSummary, toldSaved }).toEqual(stored ? { stored: true, inSummary: true, toldSaved: true } : { stored: false, inSummary: false, toldSaved: false });
  });

  it('an answer to a group question stored while another member\'s end was on its way (after the end read the answers): in the summary', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const before = race.t.connector.calls.length;

    // Anna's end has read the session with one answer; its close waits while Cem adds his.
    const held = race.gate.hold(stepWriteOf(g.sessionId));
    const ended = g.end(anna);
    await held.arrived;
    const cems = await g.contribute(cem, 1, 'CEM: de overdracht');
    expect(isNormalCard(cems)).toBe(true);
    held.release();
    expect(isNormalCard(await ended)).toBe(true);

    const summaries = await summariesIn(g, before);
    expect((await g.items('contribution')).some((c) => c.authorId === cem.aadObjectId)).toBe(true);
    expect({ summaries: summaries.length, cemInSummary: summaries.some((s) => cardText(s).includes('CEM: de overdracht')) }).toEqual({ summaries: 1, cemInSummary: true });
  });

  it('an answer caught at its write while another member ends, then delivered again by Teams: an error card only if nothing was stored', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'ANNA: het rooster');
    const press = { ...g.ids(), questionId: 1, text: 'CEM: de overdracht', k: 'probe-card-key-cem' };

    const held = race.gate.hold(isMemberWrite);
    const first = g.press(cem, 'session.contribute', press, g.sessionMessageId, 'probe-activity-cem-1');
    await held.arrived;
    expect(isNormalCard(await g.end(anna))).toBe(true);
    // Teams got no timely answer to Cem's press and delivers it again (same activity, same card key).
    const again = await g.press(cem, 'session.contribute', press, g.sessionMessageId, 'probe-activity-cem-1');
    held.release();
    const firstAnswer = await first;

    const stored = (await g.items('contribution')).some((c) => c.authorId === cem.aadObjectId);
    const errorCards = [firstAnswer, again].filter((a) => cardText(a.value).includes(ERROR_TITLE)).length;
    // "An error card means nothing was stored": Teams shows Cem one of these answers.
    expect({ stored, errorCards }).toEqual(stored ? { stored: true, errorCards: 0 } : { stored: false, errorCards: errorCards });
  });

  it('"Ik ben erbij" written just after another member ended the session: counted in the summary\'s attendance, or refused with nothing stored', async () => {
    const g = await dayOneOpen();
    for (const who of [anna, bram]) expect(isNormalCard(await g.press(who, 'session.present', g.ids()))).toBe(true);
    const before = race.t.connector.calls.length;

    const held = race.gate.hold(isMemberWrite);
    const cems = g.press(cem, 'session.present', g.ids());
    await held.arrived;
    expect(isNormalCard(await g.end(anna))).toBe(true);
    const summaries = await summariesIn(g, before);
    held.release();
    const answer = await cems;

    const present = (await g.items('presence')).length;
    const cemPresent = (await g.items('presence')).some((p) => p.memberId === cem.aadObjectId);
    expect(summaries).toHaveLength(1);
    // What the summary says and what is stored (HR's learning hours come from presence) agree, and Cem was told the truth.
    expect({ presenceStored: present, summaryAttendees: attendeesOn(summaries[0]), toldSaved: isNormalCard(answer) }).toEqual({ presenceStored: present, summaryAttendees: String(present), toldSaved: cemPresent });
    if (!cemPresent) expect(cardText(answer.value)).toContain(ERROR_TITLE);
  });

  it('a check-out stored while another member\'s end was on its way (after the end read the check-outs): in no average, and the member\'s next card says so', async () => {
    const g = await dayOneOpen();
    await g.contribute(anna, 1, 'Het rooster');
    await g.goTo(anna, 2); // the last question of day 1: check-out is open
    for (const who of [anna, bram, dewi]) expect(isNormalCard(await g.checkIn(who, 4, 'out'))).toBe(true);

    const held = race.gate.hold(stepWriteOf(g.sessionId));
    const ended = g.end(anna);
    await held.arrived;
    expect(isNormalCard(await g.checkIn(cem, 1, 'out'))).toBe(true);
    held.release();
    expect(isNormalCard(await ended)).toBe(true);

    const s = await g.session();
    const cems = (await g.items('checkIn')).find((c) => c.memberId === cem.aadObjectId && c.phase === 'out');
    const counted = !!cems && (s.energy.out.counted ?? []).includes(cems.token);
    expect({ status: s.status, stored: !!cems, average: s.energy.out.average, answers: s.energy.out.answers, counted }).toEqual({ status: 'closed', stored: true, average: 4, answers: 3, counted: false });
    // As for a late opening check-in: the member who was told "saved" learns it is in no average.
    const view = cardText((await g.press(cem, 'session.refresh', g.ids())).value);
    expect(view).toContain('telt niet mee in het gemiddelde');
  });
});
