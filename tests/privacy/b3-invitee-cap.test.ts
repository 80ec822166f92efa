import { membersAdded, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { stableId } from '../../src/domain/shared/ids';
import { showsFigures } from './support/card-figures';

/**
 * Attack (review of stop 49, as an adversary): padding a small team of an "alle teams" channel
 * poll delivered after the tally's invitee lists are full. A channel poll lists each team's members
 * when its card goes out, so people added to the team later cannot answer for it
 * (b3-late-joiners.test.ts). The lists are refused when ALL the poll's lists together would pass
 * MAX_INVITEES (20,000): not only a team too large to list, but any team, seven members included,
 * delivered after teams that fill the cap (an organisation of a few thousand people who are each in
 * several teams). Such a channel team used to get its card without a list, taking "anyone"'s answer
 * in its channel: four accounts added to West afterwards answered with known 3s, and West's figures
 * (5 of 7, Beloning 40 = (4 x 3 + 1) / 5) gave away the one colleague's answer.
 *
 * Now a channel team whose list is refused is treated as a private poll's: not delivered (no card),
 * nobody can answer for it (not with card data taken from another team's card either), and HR's
 * status card says why, in HR's language.
 *
 * Set-up: two teams of 10,000 (the most TeamsRoster reads of one team) fill the cap; Zorgteam
 * West (7) comes after them.
 */
describe('a small team of an "alle teams" channel poll delivered after the invitee cap is full', () => {
  let t: TestApp;
  let d: PulseDriver;
  const big1: TestTeam = team('Afdeling Alfa', 'alfa', members('alfa', 10_000));
  const big2: TestTeam = team('Afdeling Beta', 'beta', members('beta', 10_000));
  const west: TestTeam = team('Zorgteam West', 'west', [HR, ...members('west', 6)]);
  const victim = west.members[3]!;
  const joiners = ['Xander', 'Yara', 'Zeger', 'Wim'].map(user);
  const westTarget = stableId('pt', 'tenant-1', west.id);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- stored documents as a database reader sees them
  const stored = async (container: 'polls' | 'pollAnswers', id: string, pk = id): Promise<any> => (await t.store.container(container).item(id, pk).read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'b3-invitee-cap'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(big1);
    await d.install(big2);
    await d.install(west);
    await d.say(HR, west, 'peiling start alle teams 2026-12-04');
    await d.settle();
  }, 300_000);
  afterAll(() => t.stop());

  it('attack: West gets no card and no list, and neither the colleague nor people added later can answer for it', async () => {
    // The poll's id is on every card of the other teams; West's target id is stableId('pt', tenant, team).
    const { pollId } = d.pollCard(big1.id);
    const tally = await stored('pollAnswers', 'tally', pollId);
    const westCards = t.connector.cards((c) => c.method === 'POST' && c.conversationId === west.id).filter((c) => c.card.refresh?.action?.verb === 'pulse.view');
    const westDelivered = (await stored('polls', pollId)).targets.find((x: { id: string }) => x.id === westTarget).delivered;

    const press = async (who: typeof victim, score: number, overrides: Record<string, number> = {}) =>
      cardText((await d.press(who, d.channel(west), 'pulse.answer', { pollId, targetId: westTarget, ...scores(score, overrides) }, undefined, west)).value);
    const victimView = await press(victim, 5, { beloning: 1 });
    t.connector.teamRosters.set(west.id, [...west.members, ...joiners]);
    await t.send(d.inTeam(membersAdded(d.channel(west), west.members[1]!, joiners), west));
    for (const j of joiners) await press(j, 3);

    expect({
      westListed: tally.invitees?.[westTarget] !== undefined,
      westDelivered,
      cardsInWest: westCards.length,
      victimStored: victimView.includes('anoniem opgeslagen'),
      westCount: (await stored('pollAnswers', 'tally', pollId)).teams[westTarget].count,
    }).toEqual({ westListed: false, westDelivered: false, cardsInWest: 0, victimStored: false, westCount: 0 });
  }, 300_000);

  it('shows HR that West was not delivered, and why', async () => {
    const status = cardText(await d.read(HR, west, 'peiling status'));
    expect(status).toContain('niet bezorgd: met de andere teams van deze peiling erbij zijn het meer leden dan één peiling kan bijhouden');
    expect(status).not.toContain('wordt nog bezorgd');
  }, 60_000);

  it('closes with no figures for West', async () => {
    await d.say(HR, west, 'peiling sluiten');
    await d.settle();
    const mirror = cardText(await d.read(west.members[1]!, west, 'peiling resultaten'));
    // Before: "5 van 7 (71%)" and Beloning 40, from which the colleague's 1 follows.
    const beloning = /Beloning[\s:]*\n?\s*(\d+)/.exec(mirror)?.[1];
    expect({ response: /\d+ van 7/.exec(mirror)?.[0], figures: showsFigures(mirror), beloning }).toEqual({ response: undefined, figures: false, beloning: undefined });
  }, 120_000);
});
