import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CosmosConnection } from '../../src/store/cosmos-connection';
import { getProfTraject, saveProfTraject } from '../../src/usecases/verantwoording/prof-traject';
import { correctTimeUsed } from '../../src/usecases/verantwoording/time-used';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, runWeek, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // the manager of Anna and Eva
const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];

/** A review stored by an earlier version, when the manager could pick the phase on the card. */
const LEGACY_REVIEW = {
  id: 'review-legacy-finn',
  type: 'talentReview',
  managerId: 'aad-mia',
  reportId: 'aad-finn',
  reportName: 'Finn',
  date: '2026-12-14',
  timeZone: 'Europe/Amsterdam',
  prepDaysBefore: 3,
  conversationRef: { conversation: { id: 'a:personal-mia', tenantId: 'tenant-1' } },
  managerPhasePick: 'toepassen',
  createdAt: '2026-11-01T08:00:00.000Z',
};

/**
 * Who owns the story in the talentontwikkelgesprek (issue 10, points 1 and 2; issue 13, point 6):
 * the professional's own time correction and own phase, whatever the system counted or the manager
 * thinks; the granted time from the organisation's setting and the Prof-traject.
 */
describe('the professional owns their time and their phase', () => {
  let t: TestApp;
  const personal = () => t.conversation('personal', 'a:personal-mia');
  const reviewOf = async (reportId: string) => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: reportId }] }).fetchAll()).resources[0];
  const prep = async (reportId: string) => (await t.send(execute(personal(), mia, 'review.prep.show', { reviewId: (await reviewOf(reportId)).id }, 'list-card'))).body.value;
  let groupId = '';
  let cycleId = '';
  let directory = '';

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    const users = [anna, eva, finn].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: 'aad-mia' }));
    writeFileSync(directory, JSON.stringify({ users: [...users, { id: 'aad-mia', name: 'Mia' }] }));
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', {
      seed: async (cosmos: CosmosConnection) => {
        await cosmos.container('reviews').items.create(LEGACY_REVIEW);
      },
    });
    // Five members; Eva takes part but never checks in: a silent listener the system counts as 0 sessions.
    const setup = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi, eva]);
    await setup.setUp();
    await setup.startCycle();
    const g = Object.assign(new GroupDriver(t, setup.conv, [anna, bram, cem, dewi]), { groupId: setup.groupId });
    await runWeek(g, { personal9: 'Anna wil leren delegeren', personal10: 'Energie van de groep', contribution: 'De overdracht' });
    groupId = setup.groupId;
    const v = verantwoordingDeps(t.cosmos);
    await saveProfTraject(v, 'aad-anna', { learningNeeds: 'Leren plannen', talents: 'Coachen', plannedWeeks: 20, maturityPhase: 'actie' });
    t.clock.set('2026-11-27T10:00:00Z');
    for (const [who, date] of [['aad-anna', '2026-12-10'], ['aad-eva', '2026-12-11']] as const) {
      await t.send(execute(personal(), mia, 'review.plan.save', { reportId: who, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    }
  });
  afterAll(() => t.stop());

  it('lists a week the system counted 0 sessions for, and lets the member correct it', async () => {
    const chat = new PersonalChat(t, eva);
    const { cards } = await chat.say('verantwoording');
    const open = actionData(cards[0], 'verantwoording.time.open');
    expect(open).toEqual({ groupId, cycleId: expect.any(String) });
    cycleId = String(open!.cycleId);
    expect(cardText(cards[0])).toContain('0 sessies');
    const form = await chat.press('verantwoording.time.open', open!);
    expect(cardText(form)).toContain('Leertijd aanpassen');
    const saved = await chat.press('verantwoording.time.save', { ...open, hours: 4 });
    expect(cardText(saved)).toContain('4 uur');
    expect(cardText(saved)).toContain('aangepast');
  });

  it('still refuses a week of a group the person was never in', async () => {
    await expect(correctTimeUsed(verantwoordingDeps(t.cosmos), 'aad-finn', groupId, cycleId, 3)).rejects.toMatchObject({ code: 'notFound' });
  });

  it('shows on the prep card the hours the professional corrected and shared, never the system\'s count over it', async () => {
    const chat = new PersonalChat(t, anna);
    await chat.press('verantwoording.time.save', { groupId, cycleId, hours: 3 });
    await chat.press('verantwoording.visibility', { kind: 'time', id: cycleId, groupId, visibility: 'shared' });
    const text = cardText(await prep('aad-anna'));
    expect(text).toContain('3 uur in de gedeelde weken, van 80 uur toegekend');
    expect(text).toContain('3 uur, eigen opgave');
    expect(text).not.toMatch(/4 sessies/);
  });

  it('counts the granted time from the organisation\'s hours per week and the Prof-traject\'s weeks', async () => {
    const v = verantwoordingDeps(t.cosmos);
    await saveProfTraject(v, 'aad-anna', { learningNeeds: 'Leren plannen', talents: 'Coachen', plannedWeeks: 10, maturityPhase: 'actie' });
    const traject = await getProfTraject(v, 'aad-anna');
    await new PersonalChat(t, anna).press('verantwoording.visibility', { kind: 'profTraject', id: traject!.id, visibility: 'shared', rev: traject!.rev });
    expect(cardText(await prep('aad-anna'))).toContain('3 uur in de gedeelde weken, van 40 uur toegekend');
    const own = cardText((await new PersonalChat(t, anna).say('verantwoording')).cards[0]);
    expect(own).toContain('3 van 40 uur toegekende leertijd gebruikt');
    // Eva shared no Prof-traject: the default 20 active weeks, said so.
    await new PersonalChat(t, eva).press('verantwoording.visibility', { kind: 'time', id: cycleId, groupId, visibility: 'shared' });
    const evaPrep = cardText(await prep('aad-eva'));
    expect(evaPrep).toContain('4 uur in de gedeelde weken, van 80 uur toegekend');
    expect(evaPrep).toContain('standaard 20 actieve weken');
  });

  it('lets the manager only propose a phase: the professional keeps their own and sees the proposal', async () => {
    const before = cardText(await prep('aad-anna'));
    expect(before).toContain('Actie, gekozen door Anna zelf');
    expect(before).not.toContain('Welke herken je?');
    const reviewId = (await reviewOf('aad-anna')).id;
    const after = cardText((await t.send(execute(personal(), mia, 'review.phase.propose', { reviewId, phase: 'overwegen' }, 'prep-card'))).body.value);
    expect(after).toContain('Actie, gekozen door Anna zelf');
    expect(after).toContain('Jouw voorstel voor het gesprek: Overwegen');
    expect((await getProfTraject(verantwoordingDeps(t.cosmos), 'aad-anna'))!.maturityPhase).toBe('actie');
    const own = (await new PersonalChat(t, anna).say('verantwoording')).cards[0];
    expect(cardText(own)).toContain('Je leidinggevende stelt voor het gesprek van do 10 december de fase Overwegen voor');
    expect(cardText(own)).toContain('Jouw eigen keuze blijft: Actie');
    expect(cardProblems(own)).toEqual([]);
  });

  it('gives talking points for the proposal where the professional chose no phase, labelled as the manager\'s', async () => {
    const reviewId = (await reviewOf('aad-eva')).id;
    expect(cardText(await prep('aad-eva'))).toContain('Eva deelde (nog) geen fase met je');
    const card = (await t.send(execute(personal(), mia, 'review.phase.propose', { reviewId, phase: 'onbewust' }, 'prep-card'))).body.value;
    expect(cardText(card)).toContain('Jouw voorstel voor het gesprek: Onbewust');
    expect(cardText(card)).toContain('Breng samen talenten in kaart.');
    expect(cardProblems(card)).toEqual([]);
    expect(await getProfTraject(verantwoordingDeps(t.cosmos), 'aad-eva')).toBeUndefined();
  });

  it('moves a phase picked by a manager in an earlier version into a proposal, visible to the professional', async () => {
    await t.app.background.idle();
    const stored = (await t.store.container('reviews').item(LEGACY_REVIEW.id, 'aad-mia').read()).resource;
    expect(stored.managerPhasePick).toBeUndefined();
    expect(stored.phaseProposal).toEqual({ phase: 'toepassen', at: LEGACY_REVIEW.createdAt });
    const own = cardText((await new PersonalChat(t, finn).say('verantwoording')).cards[0]);
    expect(own).toContain('de fase Toepassen voor');
  });

  it('finds a conversation an earlier version stored after the professional moved to another manager', async () => {
    await t.app.background.idle();
    const before = readFileSync(directory, 'utf8');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-finn', name: 'Finn', managerId: 'aad-nina' }, { id: 'aad-nina', name: 'Nina' }] }));
    try {
      expect(cardText((await new PersonalChat(t, finn).say('verantwoording')).cards[0])).toContain('de fase Toepassen voor');
    } finally {
      writeFileSync(directory, before);
    }
  });
});
