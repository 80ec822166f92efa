import { message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR chose English; the poll (started without `language`) is Dutch, for the teams. Every answer
 * to HR in their own 1:1 chat (start, status, close) is in HR's language, and the confirmation
 * of sixty long team names stays within what Teams accepts.
 */
describe('poll commands answer HR in HR\'s language, whatever the poll\'s', () => {
  let t: TestApp;
  let d: PulseDriver;
  const personal = () => t.conversation('personal', 'a:hanna-hr');
  const said = (from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === 'a:hanna-hr').map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n')).join('\n');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'poll-hr-language-key'.padEnd(40, 'p') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    for (let i = 0; i < 20; i++) await d.install(team(`Zorgteam met een heel lange naam nummer ${i} ${'x'.repeat(40)}`, `team${i}`, members(`team${i}`, 5)));
    await t.send(message(personal(), HR, 'language en'));
  }, 180_000);
  afterAll(() => t.stop());

  it('guard: the start confirmation is English, names Dutch as the poll language, and stays small with 20 long team names (cut at 600 characters)', async () => {
    const before = t.connector.calls.length;
    await t.send(message(personal(), HR, 'poll start all teams 2026-12-04'));
    await d.settle();
    const cards = t.connector.calls.slice(before).filter((c) => c.conversationId === 'a:hanna-hr').flatMap((c) => (c.activity?.attachments ?? []).map((a: { content: unknown }) => a.content));
    const started = cards.find((c) => cardText(c).includes('B3 mirror started'));
    expect(started).toBeDefined();
    expect(cardText(started)).toMatch(/Language of the poll\s*Dutch/);
    // Schema and Teams' size limit, as every card is checked (the project's card validator).
    expect(cardProblems(started)).toEqual([]);
  });

  it('attack: "poll status" in HR\'s English chat answers in English', async () => {
    const before = t.connector.calls.length;
    await t.send(message(personal(), HR, 'poll status'));
    await d.settle();
    expect(said(before)).toContain('B3 mirror progress');
    expect(said(before)).not.toMatch(/B3-spiegel|Respons\b|gesloten|sluit/);
  });

  it('attack: "poll close" in HR\'s English chat confirms in English', async () => {
    const before = t.connector.calls.length;
    await t.send(message(personal(), HR, 'poll close'));
    await d.settle();
    const text = said(before);
    expect(text).not.toContain('De B3-spiegel is gesloten');
    expect(text).toContain('The B3 mirror is closed');
    // The "results are ready" card that follows in HR's chat, too.
    expect(text).toContain('B3 mirror: results');
  });
});
