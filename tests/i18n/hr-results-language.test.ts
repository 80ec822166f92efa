import { execute, message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * HR chose English for themselves; the poll (started without `language`) is Dutch, for
 * the teams. "poll results" in HR's English 1:1 chat, while open and after closing, must answer
 * in English, as "poll status" and "poll close" do (tests/pulse-poll/hr-replies-language). It
 * answered in the poll's Dutch. Found in review, stop 37.
 */
describe('"poll results" in HR\'s English chat for a Dutch poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', members('noord', 6));
  const personal = () => t.conversation('personal', 'a:hanna-hr');
  const said = (from: number) =>
    t.connector.calls
      .slice(from)
      .filter((c) => c.conversationId === 'a:hanna-hr')
      .map((c) => [c.activity?.text ?? '', ...(c.activity?.attachments ?? []).map((a: { content: unknown }) => cardText(a.content))].join('\n'))
      .join('\n');

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-results-language'.padEnd(40, 'p') }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await t.send(message(personal(), HR, 'language en'));
    await t.send(message(personal(), HR, 'poll start Zorgteam Noord 2026-12-04'));
    await d.settle();
  }, 60_000);
  afterAll(() => t.stop());

  it('while open: the progress in English', async () => {
    const before = t.connector.calls.length;
    await t.send(message(personal(), HR, 'poll results'));
    await d.settle();
    const text = said(before);
    expect(text).toContain('B3 mirror');
    expect(text).not.toMatch(/B3-spiegel|Respons\b|dagen|Open tot/);
  });

  it('after closing: the results in English', async () => {
    const card = d.pollCard(noord.id);
    for (const m of noord.members.slice(0, 5)) await d.press(m, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4) }, card.id, noord);
    await t.send(message(personal(), HR, 'poll close'));
    await d.settle();
    const before = t.connector.calls.length;
    await t.send(message(personal(), HR, 'poll results'));
    await d.settle();
    const text = said(before);
    expect(text).toContain('B3 mirror results');
    expect(text).not.toMatch(/B3-spiegel|Uitkomsten|Gesloten|Boeien|Werkbeleving/);
  });

  it('the "Show results" press in HR\'s English chat: the results in English', async () => {
    const poll = (await t.store.container('polls').items.query("SELECT * FROM c WHERE c.type = 'poll'").fetchAll()).resources[0];
    const res = await t.send(execute(personal(), HR, 'pulse.results', { pollId: poll.id }, 'results-notice'));
    const text = cardText(res.body.value);
    expect(text).toContain('B3 mirror results');
    expect(text).not.toMatch(/B3-spiegel|Uitkomsten|Gesloten|Boeien|Werkbeleving/);
  });
});
