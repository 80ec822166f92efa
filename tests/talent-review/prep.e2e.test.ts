import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../src/app/compose';
import { parseConfig } from '../../src/config/config';
import { createLogger } from '../../src/log/logger';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { buildOverview } from '../../src/usecases/verantwoording/overview';
import { saveProfTraject } from '../../src/usecases/verantwoording/prof-traject';
import { setVisibility } from '../../src/usecases/verantwoording/visibility';
import { execute, message, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';
import { runWeek, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // Anna's and Bram's manager
const kees = user('Kees'); // Cem's manager: a peer of Mia
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const PRIVATE = ['Privé notitie van Anna', 'Anna kreeg energie van de groep'];

function writeDirectory(path: string, annaManager: string) {
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: annaManager, teamId: 'team-noord' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-kees' },
    { id: 'aad-mia', name: 'Mia' },
    { id: 'aad-kees', name: 'Kees' },
  ];
  writeFileSync(path, JSON.stringify({ users }));
}

/** Talentontwikkelgesprek prep cards over HTTP, with a file directory and the real Cosmos protocol. */
describe('prep cards for managers', () => {
  let t: TestApp;
  let directory: string;
  const personal = (id = 'a:personal-mia') => t.conversation('personal', id);

  const planFor = async (who = mia, reportId = 'aad-anna', date = '2026-12-10', conv = personal()) =>
    t.send(execute(conv, who, 'review.plan.save', { reportId, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeDirectory(directory, 'aad-mia');
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Anna wil leren delegeren', personal10: PRIVATE[1]!, contribution: 'De overdracht' });
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'n1', text: 'Gedeelde notitie van Anna', shared: true });
    await addNote(v, 'aad-anna', { key: 'n2', text: PRIVATE[0]! });
    await saveProfTraject(v, 'aad-anna', { learningNeeds: 'Leren plannen', talents: 'Coachen', plannedWeeks: 20, maturityPhase: 'actie' });
    const traject = (await buildOverview(v, 'aad-anna', 'nl')).profTraject!;
    await setVisibility(v, 'aad-anna', { kind: 'profTraject', id: traject.id, visibility: 'shared', rev: traject.rev });
    const cycle = (await buildOverview(v, 'aad-anna', 'nl')).cycles[0]!;
    await setVisibility(v, 'aad-anna', { kind: 'answer', id: cycle.answers.find((a) => a.questionId === 9)!.id, visibility: 'shared' });
    await setVisibility(v, 'aad-anna', { kind: 'time', id: cycle.cycleId, groupId: cycle.groupId, visibility: 'shared' });
    t.clock.set('2026-11-27T10:00:00Z');
  });
  afterAll(() => t.stop());

  it('offers the manager a plan card with their direct reports only', async () => {
    await t.send(message(personal(), mia, 'gesprek plannen'));
    const card = cardText(t.connector.cards().at(-1)!.card);
    expect(card).toContain('Talentontwikkelgesprek plannen');
    expect(card).toContain('Anna');
    expect(card).toContain('Bram');
    expect(card).not.toContain('Cem');
  });

  it('plans a conversation and lists it', async () => {
    const res = await planFor();
    expect(cardText(res.body.value)).toContain('Gepland: gesprek met Anna op do 10 december');
    expect(cardText(res.body.value)).toContain('Voorbereiding: Anna');
  });

  it('builds the prep from shared entries only, with talking points for the professional\'s own phase', async () => {
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const res = await t.send(execute(personal(), mia, 'review.prep.show', { reviewId }, 'list-card'));
    const prep = cardText(res.body.value);
    expect(prep).toContain('Voorbereiding: talentontwikkelgesprek met Anna');
    expect(prep).toContain('Gedeelde notitie van Anna');
    expect(prep).toContain('Anna wil leren delegeren');
    expect(prep).toContain('Leren plannen');
    expect(prep).toContain('Gesprek op do 10 december');
    expect(prep).toContain('4 uur in de gedeelde weken, van 80 uur toegekend');
    expect(prep).toContain('Week 1, Team Zorg: 4 uur (4 sessies)');
    expect(prep).toContain('Tien minuten overdracht met een vast formulier.');
    expect(prep).toContain('Actie, gekozen door Anna zelf');
    expect(prep).toContain('Zorg dat het geleerde in de praktijk landt.');
    expect(prep).not.toContain('Breng samen talenten in kaart.'); // another phase's intervention
    expect(prep).toContain('Wat heb ik gefaciliteerd?');
    for (const secret of PRIVATE) expect(prep).not.toContain(secret);
    expect(cardProblems(res.body.value)).toEqual([]);
  });

  it('shows the team\'s B3-spiegel aggregate only above the minimum number of respondents', async () => {
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    const show = async () => cardText((await t.send(execute(personal(), mia, 'review.prep.show', { reviewId }, 'x'))).body.value);
    expect(await show()).toContain('Geen recente B3-spiegel voor dit team.');
    await seedPoll(t, closedPoll('poll-few', 'team-noord', 'Zorgteam Noord', '2026-11-20'), [5, 5, 5]);
    const few = await show();
    expect(few).toContain('te weinig reacties (vr 20 november)');
    expect(few).not.toContain('Boeien 100');
    await seedPoll(t, closedPoll('poll-enough', 'team-noord', 'Zorgteam Noord', '2026-11-25'), [4, 4, 4, 4, 4]);
    expect(await show()).toContain('Boeien 75, Binden 75, Behouden 75 (0-100; 5 reacties, wo 25 november)');
  });

  it('lets the manager record what they facilitated, with a confirmation, and propose a phase where the report chose none', async () => {
    await planFor(mia, 'aad-bram', '2026-12-11');
    const bramReview = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-bram'").fetchAll()).resources[0].id;
    const before = cardText((await t.send(execute(personal(), mia, 'review.prep.show', { reviewId: bramReview }, 'x'))).body.value);
    expect(before).toContain('Bram deelde (nog) geen fase met je');
    expect(before).toContain('Nog niets gedeeld.');
    const picked = cardText((await t.send(execute(personal(), mia, 'review.phase.propose', { reviewId: bramReview, phase: 'overwegen' }, 'x'))).body.value);
    expect(picked).toContain('Jouw voorstel voor het gesprek: Overwegen');
    expect(picked).toContain('Maak tijd en geld beschikbaar.');
    const saved = cardText((await t.send(execute(personal(), mia, 'review.facilitated.save', { reviewId: bramReview, facilitated: 'Elke week een uur vrij' }, 'x'))).body.value);
    expect(saved).toContain('Elke week een uur vrij');
    expect(saved).toContain('Vastgelegd. Bram ziet dit na het gesprek in de eigen verantwoording.');
    expect(before).not.toContain('Vastgelegd.');
  });

  it('refuses a peer, a non-manager and the report themself', async () => {
    // Their plan form comes back, the reason at the report (it may have moved while the card was open).
    expect(cardText((await planFor(kees, 'aad-anna', '2026-12-12', personal('a:personal-kees'))).body.value)).toContain('Deze medewerker valt (nu) niet onder jou');
    // Someone with no reports at all gets the plan card that says so.
    expect(cardText((await planFor(dewi, 'aad-anna', '2026-12-12', personal('a:personal-dewi'))).body.value)).toContain('heb je geen directe medewerkers');
    const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
    for (const who of [kees, anna, cem]) {
      const res = await t.send(execute(personal(`a:personal-${who.name}`), who, 'review.prep.show', { reviewId }, 'x'));
      const text = cardText(res.body.value);
      expect(text).not.toContain('Gedeelde notitie van Anna');
      expect(text).toMatch(/Alleen de directe leidinggevende|bestaat niet/);
    }
  });

  it('sends the prep card by itself, once, at 09:00 in the manager\'s time zone three days before', async () => {
    const posts = () => t.connector.calls.filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity.attachments?.[0]?.content).includes('Voorbereiding: talentontwikkelgesprek met Anna'));
    t.clock.set('2026-12-07T07:59:00Z'); // 08:59 in Amsterdam
    await t.app.scheduler.runDue();
    expect(posts()).toHaveLength(0);
    t.clock.set('2026-12-07T08:00:00Z');
    await Promise.all([t.app.scheduler.runDue(), t.app.scheduler.runDue()]);
    expect(posts()).toHaveLength(1);
    t.clock.set('2026-12-08T08:00:00Z');
    await t.app.scheduler.runDue();
    expect(posts()).toHaveLength(1);
  });

  it('does not send it again after a restart, and never to a former manager', async () => {
    const logs: string[] = [];
    // A deploy: the old instance stops sending and hands its tenants back, so the new one sends
    // what its jobs post (a session's summary). Left running, the old one kept the tenant's outbox
    // lease only while its last send was under 30 s (real time) ago: the summary went out or not
    // depending on how fast the tests before ran (stop 52).
    await t.app.outbox.stop();
    const restarted = await startApp(Object.assign(parseConfig({ DIRECTORY_FILE: directory }), { port: 0 }), {
      logger: createLogger('info', { write: (s: string) => void logs.push(s) } as never),
      clock: t.clock,
      cosmos: t.cosmos,
      startScheduler: false,
      outboxTimings: { backoffBaseMs: 100, backoffCapMs: 6_000 },
    });
    try {
      await planFor(mia, 'aad-anna', '2026-12-20');
      writeDirectory(directory, 'aad-kees'); // Anna moved to Kees's team
      const before = t.connector.calls.length;
      t.clock.set('2026-12-17T08:00:00Z');
      await restarted.scheduler.runDue();
      // Nothing to a person (Mia, Kees, or a chat opened for one): only the group's own summary.
      expect(t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId !== t.conversation('groupChat').id)).toEqual([]);
      expect(logs.join('')).toContain('"outcome":"notManager"');
      const reviewId = (await t.cosmos.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna' AND c.date = '2026-12-10'").fetchAll()).resources[0].id;
      const res = await t.send(execute(personal(), mia, 'review.prep.show', { reviewId }, 'x'));
      expect(cardText(res.body.value)).toContain('Alleen de directe leidinggevende');
    } finally {
      writeDirectory(directory, 'aad-mia');
      await restarted.stop();
    }
  });
});
