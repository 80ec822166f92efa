import { addNote } from '../../src/usecases/verantwoording/notes';
import { buildOverview } from '../../src/usecases/verantwoording/overview';
import { saveProfTraject } from '../../src/usecases/verantwoording/prof-traject';
import { sharedWithManager } from '../../src/usecases/verantwoording/shared-with-manager';
import { correctTimeUsed } from '../../src/usecases/verantwoording/time-used';
import { setVisibility } from '../../src/usecases/verantwoording/visibility';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { runWeek, verantwoordingDeps } from './support';

/**
 * The query the talentontwikkelgesprek prep cards will use: only what the professional shared.
 * (Whether the caller is this person's manager is the prep-card feature's check.)
 */
describe('sharedWithManager', () => {
  let t: TestApp;
  let deps: ReturnType<typeof verantwoordingDeps>;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const PRIVATE = ['Privé notitie van Anna', 'Anna kreeg energie van de groep', 'Verborgen leerbehoefte'];

  beforeAll(async () => {
    t = await startTestApp();
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Anna wil leren delegeren', personal10: 'Anna kreeg energie van de groep', contribution: 'De overdracht' });
    deps = verantwoordingDeps(t.cosmos);
    await addNote(deps, 'aad-anna', { key: 'n1', text: 'Gedeelde notitie van Anna', shared: true });
    await addNote(deps, 'aad-anna', { key: 'n2', text: 'Privé notitie van Anna' });
    await addNote(deps, 'aad-bram', { key: 'n3', text: 'Gedeelde notitie van Bram', shared: true });
    await saveProfTraject(deps, 'aad-anna', { learningNeeds: 'Verborgen leerbehoefte', talents: 'Coachen', plannedWeeks: 20 });
    const overview = await buildOverview(deps, 'aad-anna', 'nl');
    const cycle = overview.cycles[0]!;
    const q9 = cycle.answers.find((a) => a.questionId === 9)!;
    await setVisibility(deps, 'aad-anna', { kind: 'answer', id: q9.id, visibility: 'shared' });
    await correctTimeUsed(deps, 'aad-anna', cycle.groupId, cycle.cycleId, 3);
    await setVisibility(deps, 'aad-anna', { kind: 'time', id: cycle.cycleId, groupId: cycle.groupId, visibility: 'shared' });
  });
  afterAll(() => t.stop());

  it('returns shared notes, answers and time used, and never a private entry', async () => {
    const shared = await sharedWithManager(deps, 'aad-anna');
    expect(shared.notes.map((n) => n.text)).toEqual(['Gedeelde notitie van Anna']);
    expect(shared.personalAnswers.map((a) => [a.questionId, a.text])).toEqual([[9, 'Anna wil leren delegeren']]);
    expect(shared.personalAnswers[0]!.question).toMatch(/kennis en vaardigheden/);
    expect(shared.timeUsed).toEqual([expect.objectContaining({ hours: 3, sessionsAttended: 4 })]);
    expect(shared.profTraject).toBeUndefined();
    const json = JSON.stringify(shared);
    for (const p of PRIVATE) expect(json).not.toContain(p);
    expect(json).not.toContain('Bram');
  });

  it('includes the Prof-traject once shared, and drops entries made private again', async () => {
    const { profTraject } = await buildOverview(deps, 'aad-anna', 'nl');
    await setVisibility(deps, 'aad-anna', { kind: 'profTraject', id: profTraject!.id, visibility: 'shared', rev: profTraject!.rev });
    const note = (await buildOverview(deps, 'aad-anna', 'nl')).notes.find((n) => n.visibility === 'shared')!;
    await setVisibility(deps, 'aad-anna', { kind: 'note', id: note.id, visibility: 'private' });
    const shared = await sharedWithManager(deps, 'aad-anna', 'en');
    expect(shared.profTraject).toMatchObject({ learningNeeds: 'Verborgen leerbehoefte', plannedWeeks: 20 });
    expect(shared.notes).toEqual([]);
    expect(shared.personalAnswers[0]!.question).toMatch(/knowledge and skills/i);
  });

  it('a person who shared nothing yields nothing', async () => {
    expect(await sharedWithManager(deps, 'aad-dewi')).toEqual({ userId: 'aad-dewi', notes: [], personalAnswers: [], timeUsed: [] });
  });
});
