import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/** Every TextRun text of a card (shown as typed) and every text Teams reads as Markdown/HTML. */
function texts(card: unknown): { runs: string[]; markdown: string[] } {
  const runs: string[] = [];
  const markdown: string[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextRun' && typeof o.text === 'string') runs.push(o.text);
    else if (o.type === 'TextBlock' && typeof o.text === 'string') markdown.push(o.text);
    if (o.type === 'FactSet') for (const f of (o.facts as { title: string; value: string }[]) ?? []) markdown.push(f.title, f.value);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return { runs, markdown };
}

/**
 * The poll cards as an HR adviser and a team read them: dates that say what happened, syntax
 * that shows its placeholders, Dutch dates understood, held-back comments and the score formula
 * explained with figures, progress and results without an extra click, in an HR adviser's words.
 * Clock: Monday 23 November 2026, 09:00 in Amsterdam; minimum 5.
 */
describe('B3-spiegel cards speak clearly', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4));
  const west: TestTeam = team('Zorgteam West', 'west', members('west', 4));
  const personal = () => t.conversation('personal', 'a:hanna-personal');
  const lastCard = () => t.connector.cards().at(-1)!.card;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'card-texts-key'.padEnd(40, 'c'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
    await d.install(zuid);
    await d.say(HR, noord, 'peiling start alle teams 2026-12-31');
    await d.settle();
    const nc = d.pollCard(noord.id);
    for (const m of noord.members.slice(1, 6)) await d.press(m, d.channel(noord), 'pulse.answer', { pollId: nc.pollId, targetId: nc.targetId, ...scores(4), open: `Noord: ${m.name}` }, nc.id, noord);
    const zc = d.pollCard(zuid.id);
    for (const m of zuid.members.slice(0, 2)) await d.press(m, d.channel(zuid), 'pulse.answer', { pollId: zc.pollId, targetId: zc.targetId, ...scores(2), open: 'Zuid houdt dit liever voor zich' }, zc.id, zuid);
  }, 120_000);
  afterAll(() => t.stop());

  it('shows the syntax with its placeholders, as typed, and the same syntax as the README', async () => {
    await d.say(HR, noord, 'peiling');
    const help = texts(lastCard());
    const syntax = help.runs.find((r) => r.startsWith('peiling start'));
    expect(syntax).toContain('<sluitdatum jjjj-mm-dd>');
    expect(syntax).toContain('kanaal <naam>');
    // Teams reads TextBlocks and facts as Markdown: "<...>" would vanish there.
    expect(help.markdown.filter((m) => m.includes('<'))).toEqual([]);
    expect(JSON.stringify(lastCard())).not.toContain('leidinggevende');
    const readme = readFileSync(join(__dirname, '../../README.md'), 'utf8');
    expect(readme).toContain(`\`${syntax}\``);
    expect(readme).not.toMatch(/team's owners see/);
  });

  it('understands a Dutch closing date, and names the format when a date cannot be read', async () => {
    await d.install(west);
    await d.say(HR, noord, 'peiling start Zorgteam West 31-02-2027');
    const bad = cardText(lastCard());
    expect(bad).toContain('31-02-2027');
    expect(bad).toContain('jjjj-mm-dd');
    await d.say(HR, noord, 'peiling start Zorgteam West 31-12-2026');
    const started = cardText(lastCard());
    expect(started).toContain('B3-spiegel gestart');
    expect(started).toContain('donderdag 31 december');
    await d.say(HR, noord, 'peiling start Zorgteam West');
    expect(cardText(lastCard())).toContain('2026-12-31');
  });

  it('answers "peiling status" and "peiling resultaten" with the progress itself, in an HR adviser\'s words', async () => {
    await d.settle();
    // In HR's personal chat: in a team's channel, where every member reads along, an all-teams
    // poll's status shows that team only, without the whole poll's delivery (hr-progress-in-team-channel.test.ts).
    await t.send(message(personal(), HR, 'peiling status'));
    const status = lastCard();
    expect(cardProblems(status)).toEqual([]);
    const text = cardText(status);
    expect(text).toContain('5 van 7');
    expect(text).toMatch(/berichten zijn aangekomen/);
    expect(text).not.toMatch(/wachtrij|onbevestigd|niet te bezorgen/);
    await d.say(HR, zuid, 'peiling resultaten');
    const results = cardText(lastCard());
    expect(results).toContain('2 van 4');
    expect(results).toMatch(/nog \d+ dagen/);
  });

  it('after "peiling sluiten" on 1 December, every card says it closed on 1 December', async () => {
    t.clock.set('2026-12-01T10:00:00Z');
    await d.say(HR, noord, 'peiling sluiten');
    expect(t.connector.texts().at(-1)).toContain('dinsdag 1 december');
    await d.settle();
    const pollCard = cardText(t.connector.latest(d.pollCard(noord.id).id));
    expect(pollCard).toContain('1 december');
    expect(pollCard).not.toContain('31 december');
    await t.send(message(personal(), HR, 'peiling resultaten'));
    const results = cardText(lastCard());
    expect(results).toMatch(/gesloten op dinsdag 1 december/i);
    expect(results).not.toContain('31 december');
  });

  it('says that open answers are held back below the minimum, and shows the score formula with the figures', async () => {
    await t.send(message(personal(), HR, 'peiling resultaten'));
    const card = lastCard();
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).not.toContain('Zuid houdt dit liever voor zich');
    expect(text).not.toContain('Geen open opmerkingen.');
    expect(text).toMatch(/teams met te weinig reacties worden nooit getoond, ook niet of er zijn/);
    expect(text).toContain('Noord: noord0');
    // Noord answered 4 everywhere: Boeien is the mean 4,00 of its statement and two aspects.
    expect(text).toContain('(4,00 − 1) / 4 × 100 = 75');
  });
});
