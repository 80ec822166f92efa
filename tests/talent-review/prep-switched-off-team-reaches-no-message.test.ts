/**
 * A guard (held when written, in review of stop 55).
 * Once Anna switched Zorgteam Noord off (the team she shares with her manager Mia), nothing Mia's chat receives afterwards holds Noord's B3 figures or name: not the
 * rebuild of the card already there, not the scheduled prep card at 09:00, not a card Mia opens
 * in English, and not the prep summary's prompt. Every message to Mia's chat after the stored
 * choice is scanned, so a path nobody thought of would show here too.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { closedPoll, seedPoll } from '../hr-report/seed-polls';
import { actionData, PersonalChat, verantwoordingDeps } from '../verantwoording/support';

const mia = user('Mia');
const anna = user('Anna');
const bram = user('Bram');
const noord = team('Zorgteam Noord', 'noord', [anna, bram, mia]);
const SAVE = 'review.prepTeams.save';
const MIA_CHAT = 'a:personal-mia';

describe('a team Anna switched off reaches nothing in her manager\'s chat', () => {
  let t: TestApp;
  let ai: FakeAzureOpenAi;
  let reviewId = '';
  let mark = 0;
  const miaChat = () => t.conversation('personal', MIA_CHAT);
  const managerCard = async () => cardText((await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value);
  /** Everything sent to Mia's chat since `from`: texts and card texts, and the raw JSON. */
  const toMiaSince = (from: number) =>
    t.connector.calls
      .slice(from)
      .filter((c) => c.conversationId === MIA_CHAT)
      .map((c) => JSON.stringify(c.activity ?? {}) + '\n' + (c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content)).join('\n'));

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    const directory = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
    writeFileSync(directory, JSON.stringify({ users: [{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia', managerId: '' }] }));
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    await new PulseDriver(t).install(noord);
    await seedPoll(t, closedPoll('poll-noord', noord.id, noord.name, '2026-11-20'), [4, 4, 4, 4, 4]);
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n1', text: 'Anna wil leren roosteren', shared: true });
    t.clock.set('2026-11-27T10:00:00Z');
    await t.send(execute(miaChat(), mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card'));
    reviewId = (await t.store.container('reviews').items.query("SELECT * FROM c WHERE c.reportId = 'aad-anna'").fetchAll()).resources[0].id;
  }, 120_000);
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('by default Mia\'s card shows Noord', async () => {
    ai.script({ kind: 'success', content: 'Anna wil leren roosteren.' });
    expect(await managerCard()).toContain('Boeien 75, Binden 75, Behouden 75');
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
  });

  it('after Anna switches it off: no rebuild, scheduled card, English card or prompt holds it', async () => {
    const chat = new PersonalChat(t, anna);
    const preview = (await chat.say('wat ziet mijn leidinggevende')).cards[0];
    const data = actionData(preview, SAVE)! as Record<string, unknown>;
    const inputs = Object.fromEntries((data.teams as unknown[]).map((_, i) => [`prepTeam${i}`, 'false']));
    const saved = await chat.press(SAVE, { ...data, ...inputs });
    expect(cardText(saved)).toContain('Je keuze is bewaard.');
    mark = t.connector.calls.length;
    const aiFrom = ai.requests.length;
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    // Something new shared: the next renders ask the model again.
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n2', text: 'Anna wil een cursus plannen volgen', shared: true });
    ai.script({ kind: 'success', content: 'Anna wil roosteren en plannen leren.' });
    // The scheduled card: 3 working days before 10 December, 09:00 in Amsterdam.
    t.clock.set('2026-12-07T08:00:00Z');
    await t.app.scheduler.runDue();
    await t.app.background.idle();
    await t.app.outbox.drain(30_000);
    const sent = toMiaSince(mark);
    expect(sent.some((s) => s.includes('Voorbereiding: talentontwikkelgesprek met Anna'))).toBe(true);
    const miaEnglish = new PersonalChat(t, mia);
    await miaEnglish.say('taal en');
    const english = await managerCard();
    await miaEnglish.say('taal nl');
    expect(english).toContain("The team's B3 mirror");
    for (const s of [...toMiaSince(mark), english]) {
      expect(s).not.toContain('Zorgteam Noord');
      expect(s).not.toMatch(/Boeien 75|Engage 75/);
    }
    for (const r of ai.requests.slice(aiFrom)) {
      const body = JSON.stringify(r.body);
      expect(body).not.toContain('Zorgteam Noord');
      expect(body).not.toMatch(/Boeien|Engage|B3/);
    }
  });
});
