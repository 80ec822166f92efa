/**
 * Found in review, stop 55 (fixed then: a prep card with one team's B3-spiegel names the team).
 * A prep card that showed exactly one team's B3-spiegel did not say which team. Since stop 54
 * that one team need not be the team the manager shares with the report: Anna switches Zorgteam Noord (hers and Mia's) off and the works council on. Mia's card
 * for Anna then reads "B3-spiegel van het team: Boeien 25, ..." with no name, under the same
 * heading as her card for Bram, which shows Noord's figures: Mia reads the works council's
 * figures as her own team's, and talks with Anna about the wrong team. README promises the card
 * shows the B3-spiegel of "a team they share with the report, or one the report turned on"; with
 * several teams each is named, with one the manager cannot tell which it is.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';
import { actionData, PersonalChat } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const bram = user('Bram');
const cem = user('Cem');
const noord = team('Zorgteam Noord', 'noord', [anna, bram, mia]);
const raad = team('Ondernemingsraad', 'or', [anna, cem]);
const SAVE = 'review.prepTeams.save';

function b3Block(text: string): string {
  const from = text.search(/B3-spiegel van het team|The team's B3 mirror/);
  const to = text.search(/Fase in het leren|Phase in learning/);
  return text.slice(from, to);
}

/** The toggles of a preview (id, title), in card order. */
function toggles(card: unknown): { id: string; title: string }[] {
  const found: { id: string; title: string }[] = [];
  const walk = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(walk);
    const o = node as Record<string, unknown>;
    if (o.type === 'Input.Toggle' && typeof o.id === 'string' && o.id.startsWith('prepTeam')) found.push({ id: o.id, title: String(o.title) });
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('a prep card with one team\'s B3-spiegel says which team', () => {
  let t: TestApp;
  const reviews: Record<string, string> = {};
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const managerCard = async (reportId: string) => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId: reviews[reportId] }, 'list-card'))).body.value);

  beforeAll(async () => {
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(
      directory,
      JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: '' }] }),
    );
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
    const pulse = new PulseDriver(t);
    await pulse.install(noord);
    await pulse.install(raad);
    await seedPoll(t, closedPoll('poll-noord', noord.id, noord.name, '2026-11-20'), [4, 4, 4, 4, 4]);
    await seedPoll(t, closedPoll('poll-raad', raad.id, raad.name, '2026-11-21'), [2, 2, 2, 2, 2]);
    t.clock.set('2026-11-27T10:00:00Z');
    for (const reportId of ['aad-anna', 'aad-bram']) {
      await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId, date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
      reviews[reportId] = (await t.store.container('reviews').items.query({ query: 'SELECT * FROM c WHERE c.reportId = @r', parameters: [{ name: '@r', value: reportId }] }).fetchAll()).resources[0].id;
    }
    // Anna: the works council on, Noord off.
    const chat = new PersonalChat(t, anna);
    const preview = (await chat.say('wat ziet mijn leidinggevende')).cards[0];
    const inputs = Object.fromEntries(toggles(preview).map((tg) => [tg.id, tg.title.includes('Ondernemingsraad') ? 'true' : 'false']));
    await chat.press(SAVE, { ...actionData(preview, SAVE)!, ...inputs });
  }, 120_000);
  afterAll(() => t.stop());

  it('Mia\'s card for Anna names the works council, whose figures it shows', async () => {
    const anna = b3Block(await managerCard('aad-anna'));
    const bramsCard = b3Block(await managerCard('aad-bram'));
    expect(anna).toContain('Boeien 25, Binden 25, Behouden 25');
    expect(bramsCard).toContain('Boeien 75, Binden 75, Behouden 75');
    // Two cards, two teams' figures: the manager must be able to tell which team each is.
    expect(anna).toContain('Ondernemingsraad');
  });

  it('and so does the English card', async () => {
    const miaEnglish = new PersonalChat(t, mia);
    await miaEnglish.say('taal en');
    try {
      const block = b3Block(await managerCard('aad-anna'));
      expect(block).toContain('Engage 25');
      expect(block).toContain('Ondernemingsraad');
    } finally {
      await miaEnglish.say('taal nl');
    }
  });
});
