import { parse } from 'csv-parse/sync';
import { execute, user } from '../support/activities';
import { MEMBERS } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { HR, PulseDriver, team } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { planConversation, startWithMiaAsManager } from './support/facilitation';

const mia = user('Mia');
const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
// Two ordinary teams of four; Anna is the only one in both.
const noord = team('Zorgteam Noord', 'noord', [anna, bram, cem, mia]);
const zuid = team('Zorgteam Zuid', 'zuid', [anna, dewi, eva, finn]);
const ABOUT_ANNA = 'Vier uur per week vrij geroosterd voor haar re-integratie na ziekte';

/**
 * ATTACK: HR reads the facilitation accounts managers let it quote. Before stop 31 each quote was
 * labelled with the set of the report's teams joined ("A + B"): the people in all of them, which
 * can be one person, so the quote said whom the conversation was about. Quotes now carry no label.
 */
describe('the label of a quoted facilitation account', () => {
  let t: TestApp;
  const miaChat = () => t.conversation('personal', 'a:personal-mia');

  beforeAll(async () => {
    t = await startWithMiaAsManager();
    const pulse = new PulseDriver(t);
    await pulse.install(noord);
    await pulse.install(zuid);
    // Three conversations in December: a month with fewer is in none of the section's figures.
    for (const [who, date] of [[bram, '2026-12-11'], [cem, '2026-12-14'], [anna, '2026-12-10']] as const) await planConversation(t, who, date);
    const review = (await t.store.container('reviews').items.query({ query: "SELECT * FROM c WHERE c.reportId = 'aad-anna'" }).fetchAll()).resources[0];
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: review.id, facilitated: ABOUT_ANNA, shareFacilitation: 'true' }, 'prep'));
    // January: December is over, so its figures count (a month counts only once over).
    t.clock.set('2027-01-04T08:00:00Z');
  });
  afterAll(() => t.stop());

  it('attack: quotes a shared account only under a label that at least the minimum number of people (5) share, or none', async () => {
    const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), HR, 'rapport 2026-12-01 2026-12-31');
    const csvUrl = new URL(card.actions[0].url);
    const csv = parse(await (await fetch(`${t.app.url}${csvUrl.pathname}${csvUrl.search}`)).text(), { columns: true }) as { section: string; key: string; metric: string; value: string }[];
    const quoted = csv.filter((r) => r.section === 'facilitation' && r.metric === 'sharedAccount');
    expect(quoted.map((r) => r.value)).toContain(ABOUT_ANNA);
    expect(JSON.stringify(card)).not.toContain('Zorgteam');
    const rosters = new Map([[noord.name, noord.members], [zuid.name, zuid.members]]);
    for (const row of quoted) {
      if (row.key === '') continue; // no label: it fits everyone
      const teams = row.key.split(' + ').map((name) => rosters.get(name) ?? []);
      // The people the label fits: those in every team it names.
      const fits = teams.reduce((common, members) => common.filter((p) => members.some((m) => m.aadObjectId === p.aadObjectId)));
      expect({ label: row.key, peopleItFits: fits.map((p) => p.name), atLeastMinimum: fits.length >= 5 }).toEqual({ label: row.key, peopleItFits: expect.anything(), atLeastMinimum: true });
    }
  });
});
