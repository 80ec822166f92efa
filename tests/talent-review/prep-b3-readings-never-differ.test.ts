/**
 * A guard (held when written, in review of stop 55).
 * What a curious manager can learn from B3 figures on prep cards by comparing readings. Mia manages Anna and Bram, and is in Zorgteam Noord herself. A real poll of
 * Noord (through the app, as HR and members press it) closes with exactly B3_MIN_RESPONDENTS
 * answers. The promise: the card never shows interim figures; figures appear once and never
 * change (not after a late answer, not after a respondent leaves the roster or erases their
 * data); two reports' cards show the same cut; and a report switching the team off changes only
 * their own card.
 */
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { directoryFile } from './support/proposal-put-before';
import { actionData, eraseInChat, PersonalChat } from '../verantwoording/support';

const mia = user('Mia');
const [anna, bram, cem, dewi, eva, finn] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
const noord = team('Zorgteam Noord', 'noord-probe', [HR, mia, anna, bram, cem, dewi, eva, finn]);

/** The B3 block of a prep card's text: from its heading to the next section. */
function b3Block(text: string): string {
  const from = text.search(/B3-spiegel van het team|The team's B3 mirror/);
  const to = text.search(/Fase in het leren|Phase in learning/);
  return text.slice(from, to);
}

describe('B3 figures on prep cards, read again and compared', () => {
  let t: TestApp;
  let d: PulseDriver;
  const reviews: Record<string, string> = {};
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const card = async (reportId: string) => b3Block(cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: reviews[reportId] }, 'list-card'))).body.value));

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia', managerId: '' },
    ]);
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-s55-prep-b3'.padEnd(40, 'p'), B3_MIN_RESPONDENTS: '5', DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start dit team 2026-11-25');
    for (const reportId of ['aad-anna', 'aad-bram']) {
      await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
      reviews[reportId] = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: reportId }] }).fetchAll()).resources[0].id;
    }
  }, 120_000);
  afterAll(() => t.stop());

  it('while the poll is open, with answers in, the card shows no figures of it', async () => {
    for (const [who, score] of [[anna, 1], [bram, 2], [cem, 3], [dewi, 4], [eva, 5]] as const) await d.answerOnCard(noord, who, score);
    const text = await card('aad-anna');
    expect(text).toContain('Geen recente B3-spiegel');
    expect(text).not.toMatch(/Boeien \d/);
  });

  it('after closing, two reports\' cards show one and the same cut', async () => {
    t.clock.set('2026-11-25T23:30:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    t.clock.set('2026-11-27T10:00:00Z');
    const forAnna = await card('aad-anna');
    expect(forAnna).toContain('Boeien 50, Binden 50, Behouden 50');
    expect(forAnna).toContain('5 reacties');
    expect(await card('aad-bram')).toBe(forAnna);
  });

  it('a late answer, a respondent leaving the roster and erasing, and a colleague\'s toggle change nothing', async () => {
    const before = await card('aad-anna');
    await d.answerOnCard(noord, finn, 5);
    expect(await card('aad-anna')).toBe(before);
    // Eva leaves the team and erases her data: the closed poll's figures stay as published.
    t.connector.teamRosters.set(noord.id, noord.members.filter((m) => m !== eva));
    await eraseInChat(t, eva);
    expect(await card('aad-anna')).toBe(before);
    // Bram switches the team off on his preview: only his card changes.
    const bramChat = new PersonalChat(t, bram);
    const preview = (await bramChat.say('wat ziet mijn leidinggevende')).cards[0];
    const data = actionData(preview, 'review.prepTeams.save')! as Record<string, unknown>;
    const teams = (data.teams as { id: string }[]) ?? [];
    const inputs = Object.fromEntries(teams.map((_, i) => [`prepTeam${i}`, 'false']));
    await bramChat.press('review.prepTeams.save', { ...data, ...inputs });
    await t.app.outbox.drain(30_000);
    expect(await card('aad-bram')).not.toContain('Boeien');
    expect(await card('aad-anna')).toBe(before);
  });
});
