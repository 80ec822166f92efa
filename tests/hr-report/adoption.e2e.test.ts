import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek } from '../verantwoording/support';
import { reportCard } from '../support/hr-report';

const hanna = user('Hanna'); // HR/L&O
/** L&O's answer to one of Facilitair's proposals: its own words, with Markdown and a line break that must show as typed. */
const LO_ANSWER = '=We nemen dit op in het *scholingsplan*.\nBel ons gerust.';
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

/** The other group of HR's organisation; the report counts only the groups of HR's own tenant. */
const facilitair = {
  id: 'grp-facilitair',
  type: 'group',
  groupId: 'grp-facilitair',
  tenantId: 'tenant-1',
  conversationId: '19:facilitair@thread.v2',
  conversationKind: 'groupChat',
  name: 'Facilitair',
  members: [],
  schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' },
  language: 'nl',
  plannedWeeks: 6,
  conversationRef: { conversation: { id: '19:facilitair@thread.v2', tenantId: 'tenant-1' } },
  cyclesStarted: 1,
  createdBy: 'aad-x',
  createdAt: '2026-10-01T08:00:00.000Z',
};

/** A proposal of another group, stored as the week cycle stores one (counted by hand below). */
function proposal(id: string, decision: { verdict: 'accept' | 'adapt' | 'reject'; text: string; firstStep: string; at: string }, outcome?: { status: 'done' | 'underway' | 'dropped'; note: string }, lo?: { sharedAt: string; revision: number; answer?: { text: string; at: string } }) {
  return {
    id,
    type: 'proposal',
    groupId: 'grp-facilitair',
    groupName: 'Facilitair',
    cycleId: `grp-facilitair_${id}`,
    sessionId: `grp-facilitair_${id}_s3`,
    title: '',
    ai: { status: 'none' },
    decision: { ...decision, reason: 'Besproken', judged: { agree: 3, doubt: 0, disagree: 0 }, decidedBy: 'aad-x' },
    ...(outcome ? { firstStepOutcome: { ...outcome, at: decision.at } } : {}),
    // The share with L&O as the outbox copies it onto the proposal (stop 48).
    ...(lo ? { lo } : {}),
    createdAt: decision.at,
    updatedAt: decision.at,
  };
}

/**
 * Transfer to practice in HR's report (issue 13, point 4): the adopted proposals per group with
 * their first step and what became of it, and the share whose first step was taken.
 */
describe('the HR report: adopted proposals and their first step', () => {
  let t: TestApp;
  const channel = () => t.conversation('channel', '19:hr-channel@thread.tacv2');
  let card: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    // Team Zorg adapts its proposal in week 1 and, opening week 2, says its first step is done.
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    const { proposalId } = await runWeek(g, { personal9: 'Privé', personal10: 'Privé', contribution: 'De overdracht' });
    t.clock.set('2026-11-30T08:00:00Z');
    await g.startCycle(2);
    await g.startSession();
    await g.press(anna, 'proposal.firstStep', { ...g.ids(), proposalId, firstStepStatus: 'done', firstStepNote: 'Het formulier ligt bij de balie.' });
    // Facilitair: one dropped, one under way, one not looked back on yet, one rejected, one adopted before the period.
    const sessions = t.store.container('sessions');
    for (const doc of [
      facilitair,
      proposal('p-dropped', { verdict: 'accept', text: 'Een vaste plek voor de sleutels.', firstStep: 'Kastje ophangen.', at: '2026-11-10T10:00:00.000Z' }, { status: 'dropped', note: 'Geen budget.' }, { sharedAt: '2026-11-11T09:00:00.000Z', revision: 1 }),
      proposal('p-underway', { verdict: 'adapt', text: 'Schoonmaakrooster per verdieping.', firstStep: 'Rooster maken.', at: '2026-11-12T10:00:00.000Z' }, { status: 'underway', note: 'Eerste verdieping klaar.' }, { sharedAt: '2026-11-13T09:00:00.000Z', revision: 2, answer: { text: LO_ANSWER, at: '2026-11-18T14:00:00.000Z' } }),
      proposal('p-open', { verdict: 'accept', text: 'Pauzeruimte opnieuw inrichten.', firstStep: 'Wensen ophalen.', at: '2026-11-20T10:00:00.000Z' }),
      proposal('p-rejected', { verdict: 'reject', text: '', firstStep: '', at: '2026-11-14T10:00:00.000Z' }),
      proposal('p-old', { verdict: 'accept', text: 'Oud voorstel.', firstStep: 'Oude stap.', at: '2026-09-01T10:00:00.000Z' }, { status: 'done', note: 'Klaar.' }),
    ]) await sessions.items.create(doc);
    t.clock.set('2026-11-30T10:00:00Z');
    card = await reportCard(t, channel(), hanna, 'rapport 2026-11-01 2026-11-30');
  });
  afterAll(() => t.stop());

  // Not the first step's text nor the group's line about it: they name who does what, and whether
  // they came to it ("wie doet wat, wanneer?"), which is the group's own (found in review, stop 34).
  it('lists the adopted proposals per group, with what became of the first step, and not its text nor the group\'s line', () => {
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Aangenomen voorstellen en de eerste stap');
    expect(text).toContain('4 voorstellen aangenomen of aangepast; op 3 is teruggekeken, bij 2 is de eerste stap gezet (67%).');
    for (const line of ['Team Zorg', 'Tien minuten overdracht met een vast formulier.', 'Eerste stap: gedaan', 'Facilitair', 'Eerste stap: losgelaten', 'Eerste stap: onderweg', 'Pauzeruimte opnieuw inrichten.', 'nog niet op teruggekeken']) {
      expect(text).toContain(line);
    }
    for (const groupsOwn of ['Formulier maken voor donderdag.', 'Het formulier ligt bij de balie.', 'Geen budget.', 'Eerste verdieping klaar.', 'Rooster maken.']) expect(text).not.toContain(groupsOwn);
    expect(text).not.toContain('Oud voorstel.');
    expect(text).not.toContain('Privé');
    expect(text.indexOf('Facilitair')).toBeLessThan(text.indexOf('Team Zorg'));
  });

  it('puts the same in the CSV and the summary', async () => {
    const links = card.actions.map((a: { url: string }) => new URL(a.url));
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${links[0].pathname}${links[0].search}`)).text(), { columns: true });
    const value = (section: string, metric: string, key = '') => rows.find((r) => r.section === section && r.metric === metric && r.key === key)?.value;
    expect([value('adoption', 'adopted'), value('adoption', 'lookedBack'), value('adoption', 'firstStepTaken'), value('adoption', 'firstStepTakenPercent')]).toEqual(['4', '3', '2', '67']);
    expect(value('adoptedProposal', 'firstStepOutcome', 'Facilitair 2026-11-10')).toBe('dropped');
    expect(rows.filter((r) => r.metric === 'firstStep' || r.metric === 'firstStepNote')).toEqual([]);
    expect(value('adoptedProposal', 'proposal', 'Team Zorg 2026-11-25')).toBe('Tien minuten overdracht met een vast formulier.');
    expect(value('adoptedProposal', 'firstStepOutcome', 'Facilitair 2026-11-20')).toBe('');
    const summary = await (await fetch(`${t.app.url}${links[1].pathname}${links[1].search}`)).text();
    expect(summary).toContain('4 voorstellen aangenomen of aangepast; op 3 is teruggekeken, bij 2 is de eerste stap gezet (67%).');
    expect(summary).toContain('- Facilitair, 12 nov 2026: Schoonmaakrooster per verdieping. (Eerste stap: onderweg)');
    for (const groupsOwn of ['Rooster maken.', 'Eerste verdieping klaar.', 'Geen budget.']) expect(summary).not.toContain(groupsOwn);
  });

  // Stop 48: whether a group shared its proposal with L&O, and L&O's latest answer, read from the
  // proposal's copy of the share (`lo`) in the same query; nothing where a proposal was not shared.
  it('shows per proposal whether it was shared with L&O and L&O\'s latest answer, on the card, in the CSV and in the summary', async () => {
    const text = cardText(card);
    expect(text).toContain('Gedeeld met L&O op 11 nov 2026');
    expect(text).toContain('Gedeeld met L&O op 13 nov 2026');
    expect(text).toContain('Antwoord van L&O op 18 nov 2026:');
    expect(text.match(/Gedeeld met L&O/g)).toHaveLength(2);
    expect(text.match(/Antwoord van L&O/g)).toHaveLength(1);
    // L&O's words as plain text (a TextRun is never read as Markdown), under the proposal they answer.
    expect(JSON.stringify(card)).toContain(JSON.stringify({ type: 'TextRun', text: LO_ANSWER }).slice(1, -1));
    expect(text.indexOf('Schoonmaakrooster per verdieping.')).toBeLessThan(text.indexOf('Antwoord van L&O'));
    expect(text.indexOf('Antwoord van L&O')).toBeLessThan(text.indexOf('Pauzeruimte opnieuw inrichten.'));

    const links = card.actions.map((a: { url: string }) => new URL(a.url));
    const csv = await (await fetch(`${t.app.url}${links[0].pathname}${links[0].search}`)).text();
    const rows: Record<string, string>[] = parse(csv.replace(/^\uFEFF/, ''), { columns: true });
    const value = (metric: string, key: string) => rows.find((r) => r.section === 'adoptedProposal' && r.metric === metric && r.key === key)?.value;
    const lo = (key: string) => [value('sharedWithLoOn', key), value('loAnswer', key), value('loAnsweredOn', key)];
    // The answer starts with '=': Excel would run it, so it gets the leading ' as every typed text.
    expect(lo('Facilitair 2026-11-12')).toEqual(['2026-11-13', `'${LO_ANSWER}`, '2026-11-18']);
    expect(lo('Facilitair 2026-11-10')).toEqual(['2026-11-11', '', '']);
    expect(lo('Facilitair 2026-11-20')).toEqual(['', '', '']);
    expect(lo('Team Zorg 2026-11-25')).toEqual(['', '', '']);

    const summary = await (await fetch(`${t.app.url}${links[1].pathname}${links[1].search}`)).text();
    expect(summary).toContain('- Facilitair, 12 nov 2026: Schoonmaakrooster per verdieping. (Eerste stap: onderweg) · Gedeeld met L&O op 13 nov 2026 · Antwoord van L&O op 18 nov 2026: =We nemen dit op in het *scholingsplan*. Bel ons gerust.\n');
    expect(summary).toContain('- Facilitair, 10 nov 2026: Een vaste plek voor de sleutels. (Eerste stap: losgelaten) · Gedeeld met L&O op 11 nov 2026\n');
    expect(summary).toContain('- Facilitair, 20 nov 2026: Pauzeruimte opnieuw inrichten. (Eerste stap: nog niet op teruggekeken)\n');
  });
});
