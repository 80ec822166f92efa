import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { HR, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';
import { PersonalChat, runWeek, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia'); // manages Anna, Bram and Cem
const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
const noord = team('Zorgteam Noord', 'noord', [anna, bram, mia]);
// Mia is in both teams: by default a prep card shows only teams the manager shares with the report (stop 54).
const zuid = team('Zorgteam Zuid', 'zuid', [anna, dewi, mia]);
const MIA_SHARED = 'Elke week een uur vrij geroosterd en een rustige ruimte';
const MIA_PRIVATE = 'Budget voor een training aangevraagd';
const PRIVATE_NOTE = 'Privé notitie van Anna';

/**
 * The manager's side of the talentontwikkelgesprek (issue 13, points 1 and 7; issue 10, point 6):
 * the B3 block from the installed teams' rosters (no team in the directory, as with Microsoft
 * Graph), the facilitation account reaching the professional and HR, and the professional's
 * preview of the prep card.
 */
describe('the manager\'s side of the conversation', () => {
  let t: TestApp;
  let pulse: PulseDriver;
  let directory = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const reviewOf = async (reportId: string) => (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: reportId }] }).fetchAll()).resources[0];
  const prep = async (reportId: string) => (await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: (await reviewOf(reportId)).id }, 'list-card'))).body.value;

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    // Like Microsoft Graph: managers, but no link from a person to a team.
    writeFileSync(directory, JSON.stringify({ users: [anna, bram, cem].map((u) => ({ id: u.aadObjectId, name: u.name, managerId: 'aad-mia' })).concat([{ id: 'aad-mia', name: 'Mia', managerId: '' }]) }));
    t = await startTestApp({ DIRECTORY_FILE: directory, HR_USER_IDS: HR.aadObjectId }, '2026-11-23T08:00:00Z');
    pulse = new PulseDriver(t);
    await pulse.install(noord);
    await pulse.install(zuid);
    await seedPoll(t, closedPoll('poll-noord', noord.id, noord.name, '2026-11-20'), [4, 4, 4, 4, 4]);
    await seedPoll(t, closedPoll('poll-zuid', zuid.id, zuid.name, '2026-11-21'), [5, 5]);
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Anna wil leren delegeren', personal10: 'Energie', contribution: 'De overdracht' });
    const v = verantwoordingDeps(t.cosmos);
    await addNote(v, 'aad-anna', { key: 'n1', text: 'Gedeelde notitie van Anna', shared: true });
    await addNote(v, 'aad-anna', { key: 'n2', text: PRIVATE_NOTE });
    t.clock.set('2026-11-27T10:00:00Z');
    for (const [who, date] of [['aad-anna', '2026-12-10'], ['aad-bram', '2026-12-11'], ['aad-cem', '2026-12-14']] as const) {
      await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: who, date, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    }
  });
  afterAll(() => t.stop());

  it('finds the report\'s team from the installed teams\' rosters, and lists every team when there are several', async () => {
    const annas = cardText(await prep('aad-anna'));
    expect(annas).toContain('De B3-spiegel van 2 teams van Anna:');
    expect(annas).toContain('• Zorgteam Noord: Boeien 75, Binden 75, Behouden 75 (0-100; 5 reacties, vr 20 november)');
    expect(annas).toContain('• Zorgteam Zuid: te weinig reacties (za 21 november)');
    const brams = cardText(await prep('aad-bram'));
    expect(brams).toContain('Boeien 75, Binden 75, Behouden 75');
    expect(brams).not.toContain('De B3-spiegel van');
    expect(cardText(await prep('aad-cem'))).toContain('Geen B3-spiegel van een team: de kaart toont alleen die van teams waarin jij en Cem allebei zitten, en van de teams die Cem zelf aanzet.');
  });

  it('shows the professional the manager\'s facilitation account only after the conversation', async () => {
    const annaReview = (await reviewOf('aad-anna')).id;
    const saved = (await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: annaReview, facilitated: MIA_SHARED, shareFacilitation: 'true' }, 'prep'))).body.value;
    expect(cardProblems(saved)).toEqual([]);
    expect(cardText(saved)).toContain('Vastgelegd.');
    await t.send(execute(miaChat(), mia, 'review.facilitated.save', { reviewId: (await reviewOf('aad-bram')).id, facilitated: MIA_PRIVATE, shareFacilitation: 'false' }, 'prep'));
    const before = cardText((await new PersonalChat(t, anna).say('verantwoording')).cards[0]);
    expect(before).toContain('Wat je leidinggevende heeft gefaciliteerd, zie je hier na het gesprek.');
    expect(before).not.toContain(MIA_SHARED);
    t.clock.set('2026-12-11T08:00:00Z'); // the day after Anna's conversation
    const after = (await new PersonalChat(t, anna).say('verantwoording')).cards[0];
    expect(cardText(after)).toContain('Wat je leidinggevende heeft gefaciliteerd (tijd, ruimte, middelen):');
    expect(cardText(after)).toContain(MIA_SHARED);
    expect(cardProblems(after)).toEqual([]);
    expect(cardText((await new PersonalChat(t, bram).say('verantwoording')).cards[0])).not.toContain(MIA_PRIVATE); // Bram's is tomorrow
  });

  it('keeps the former manager\'s account in the professional\'s verantwoording after a change of manager', async () => {
    // Anna moves to Nina's team: the conversation with Mia, and what Mia facilitated, stay Anna's story.
    const before = readFileSync(directory, 'utf8');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-nina' }, { id: 'aad-nina', name: 'Nina' }, { id: 'aad-mia', name: 'Mia' }] }));
    try {
      expect(cardText((await new PersonalChat(t, anna).say('verantwoording')).cards[0])).toContain(MIA_SHARED);
    } finally {
      writeFileSync(directory, before);
    }
  });

  it('counts the facilitation accounts in HR\'s report and quotes, without name or team, only those the manager agreed to share', async () => {
    // January: December is over, so its accounts count (a month counts only once over, stop 37).
    t.clock.set('2027-01-04T08:00:00Z');
    const hrChannel = t.conversation('channel', '19:hr-channel@thread.tacv2');
    const card = await reportCard(t, hrChannel, HR, 'rapport 2026-12-01 2026-12-31');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Facilitering door leidinggevenden');
    expect(text).toContain('2 van 3 professionals met een gepland gesprek hebben een verantwoording van de leidinggevende');
    expect(text).toContain('Gedeeld met HR (zonder naam of team)');
    expect(text).not.toContain('Zorgteam Noord + Zorgteam Zuid');
    expect(text).toContain(MIA_SHARED);
    expect(text).not.toContain(MIA_PRIVATE);
    const csvUrl = new URL(card.actions[0].url);
    const csv = parse(await (await fetch(`${t.app.url}${csvUrl.pathname}${csvUrl.search}`)).text(), { columns: true }) as { section: string; key: string; metric: string; value: string }[];
    const rows = csv.filter((r) => r.section === 'facilitation');
    expect(rows).toEqual(
      expect.arrayContaining([
        { section: 'facilitation', key: '', metric: 'conversationsPlanned', value: '3' },
        { section: 'facilitation', key: '', metric: 'withAccount', value: '2' },
        { section: 'facilitation', key: '', metric: 'sharedAccount', value: MIA_SHARED },
      ]),
    );
    expect(JSON.stringify(csv)).not.toContain(MIA_PRIVATE);
  });

  it('previews for the professional exactly the prep card their manager gets, without the manager\'s own part', async () => {
    t.clock.set('2026-12-12T08:00:00Z'); // Cem's conversation is still ahead
    const own = (await new PersonalChat(t, cem).say('wat ziet mijn leidinggevende')).cards[0];
    const manager = await prep('aad-cem');
    expect(cardProblems(own)).toEqual([]);
    const ownText = cardText(own);
    expect(ownText).toContain('Voorbeeld: zo ziet je leidinggevende de voorbereidingskaart vandaag');
    expect(ownText).toContain('Gesprek op ma 14 december');
    // Every line the manager reads about Cem is in the preview, and the preview adds only its banner, a placeholder and its way back.
    const previewOnly = new Set(['Voorbeeld: zo ziet je leidinggevende de voorbereidingskaart vandaag', 'Alleen wat je deelt staat erop. Iets delen of weer privé maken doe je in Mijn verantwoording.', 'Hier legt je leidinggevende vast wat die heeft gefaciliteerd: tijd, ruimte en middelen. Dat zie je na het gesprek in je verantwoording.', 'Terug naar Mijn verantwoording']);
    const managerLines = new Set(cardText(manager).split('\n'));
    expect(ownText.split('\n').filter((line) => !previewOnly.has(line) && !managerLines.has(line))).toEqual([]);
    expect(ownText).not.toContain('Vastleggen');
  });

  it('shows only what is shared, in English too, and says so plainly when there is no manager', async () => {
    const anna1 = cardText((await new PersonalChat(t, anna).say('wat ziet mijn leidinggevende?')).cards[0]);
    expect(anna1).toContain('Gedeelde notitie van Anna');
    expect(anna1).not.toContain(PRIVATE_NOTE);
    expect(anna1).not.toContain(MIA_SHARED); // the manager's account is theirs until after the conversation
    const chat = new PersonalChat(t, dewi);
    await chat.say('taal en');
    const none = (await chat.say('what does my manager see')).cards[0];
    expect(cardText(none)).toContain('The directory lists no manager for you');
    expect(cardProblems(none)).toEqual([]);
  });

  it('names the preview in the personal help', async () => {
    const help = cardText((await new PersonalChat(t, cem).say('help')).cards[0]);
    expect(help).toContain('wat ziet mijn leidinggevende');
  });

  it('serves the same preview to the tab', async () => {
    const token = (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) })).json()).token;
    const res = await fetch(`${t.app.url}/api/verantwoording/preview?lang=nl`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.status).toBe('ok');
    expect(cardText(body.card)).toContain('Gedeelde notitie van Anna');
    expect(cardText(body.card)).not.toContain(PRIVATE_NOTE);
    expect(cardProblems(body.card)).toEqual([]);
    // Inside the tab's own page: no button back to the chat's overview.
    expect(body.card.actions ?? []).toEqual([]);
  });
});
