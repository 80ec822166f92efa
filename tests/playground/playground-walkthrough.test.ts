import { ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Browser, Locator, Page } from 'playwright-core';
import { launchChromium } from '../support/chromium';
import { startTestApp, TestApp } from '../support/test-app';

jest.setTimeout(180_000);

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

/** The Microsoft 365 Agents Playground, as `npm run dev` starts it, pointed at an app under test. */
async function startPlayground(appUrl: string): Promise<{ url: string; child: ChildProcess }> {
  const port = await freePort();
  const child = spawn(process.execPath, [require.resolve('@microsoft/m365agentsplayground/cli.js'), '--app-endpoint', `${appUrl}/api/messages`, '--channel-id', 'msteams', '--port', String(port), '--disable-telemetry'], {
    cwd: join(__dirname, '../..'),
    env: { ...process.env, TEAMSAPPTESTER_BROWSER: 'none', APPLICATION_INSIGHTS_NO_STATSBEAT: 'true', M365_AGENTS_PLAYGROUND_LOGFILE: join(mkdtempSync(join(tmpdir(), 'playground-')), 'playground.log') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('the Playground did not start')), 30_000);
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('Listening on') && (clearTimeout(timer), resolve()));
    child.on('exit', (code) => reject(new Error(`the Playground exited with ${code}`)));
  });
  return { url: `http://127.0.0.1:${port}`, child };
}

/** Waits until `probe` returns a value, looking again every 25 ms (one query of the local store); says what did not happen. */
async function until<T>(what: string, probe: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

type Doc = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- stored JSON under test

/**
 * A group completes day 1 to 4 in the Agents Playground's group chat, clicking the real rendered
 * Adaptive Cards in Chromium, as a person would after `npm run dev`. Every step is driven by
 * state: it reads what the store holds (the question the session is at), acts on the card that
 * shows that question, and waits until the store and the card show the result. No step decides
 * from a quick look after a fixed pause, so the order in which the shared card and the person's
 * own view arrive does not matter.
 */
describe('the Agents Playground walk-through', () => {
  let t: TestApp;
  let playground: { url: string; child: ChildProcess };
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    t = await startTestApp();
    playground = await startPlayground(t.app.url);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1400, height: 1600 } });
    await page.goto(playground.url, { timeout: 60_000 });
    // An action on a card that was just replaced fails fast and is tried again on the card as it is now.
    page.setDefaultTimeout(5_000);
  });
  afterAll(async () => {
    await browser?.close();
    playground?.child.kill();
    await t?.stop();
  });

  const query = async (sql: string, parameters: { name: string; value: unknown }[] = []): Promise<Doc[]> =>
    (await t.store.container('sessions').items.query({ query: sql, parameters: parameters as never }).fetchAll()).resources;
  const cards = () => page.locator('.ac-adaptiveCard');
  /** The newest card that shows all these texts and this button. */
  const cardShowing = (button: string, ...texts: string[]): Locator =>
    texts.reduce((l, text) => l.filter({ hasText: text }), cards().filter({ has: page.getByRole('button', { name: button, exact: true }) })).last();
  /**
   * Waits until `locator` is visible, looking every 25 ms: Playwright's own waitFor looks again
   * only every half second once its first few quick looks found nothing.
   */
  async function shows(locator: Locator, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await locator.isVisible())) {
      if (Date.now() > deadline) throw new Error(`waited ${timeoutMs / 1000} s for ${String(locator)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }
  const click = async (card: Locator, button: string) => card.getByRole('button', { name: button, exact: true }).click();
  /**
   * Presses a button and waits until the store shows the effect. The Playground re-renders a card
   * when an update for it arrives, which can happen during a click: the click goes to the button
   * element itself (no mouse coordinates), and when the store shows no effect, the person presses
   * again on the card as it is now. Every action here is safe to repeat until it took effect.
   */
  async function press(card: () => Locator | Promise<Locator>, button: string, what: string, effect: () => Promise<unknown>, fill?: (card: Locator) => Promise<void>) {
    for (let attempt = 1; ; attempt++) {
      // The Playground can replace the card being filled in with the shared card a moment after it
      // showed; an action then waits for inputs that are gone. The first two attempts give up on
      // them after 1.5 s (an input that is there takes milliseconds), later ones wait the usual 5 s, the last 20 s for the store.
      page.setDefaultTimeout(attempt < 3 ? 1_500 : 5_000);
      try {
        const target = await card();
        // The inputs are filled again on each attempt: a card that was re-rendered lost them.
        if (fill) await fill(target);
        await target.getByRole('button', { name: button, exact: true }).dispatchEvent('click');
        await until(what, async () => Boolean(await effect()), attempt < 5 ? 5_000 : 20_000);
        await t.app.sharedCards.idle();
        page.setDefaultTimeout(5_000);
        return;
      } catch (err) {
        // The card was replaced under the person's hands, or the press did not take: again, as it is now
        // (one attempt more than the quick ones take, so three still wait the usual 5 s).
        if (attempt >= 5) throw err;
      }
    }
  }
  async function openSession(): Promise<Doc> {
    return until('an open session in the store', async () => (await query("SELECT * FROM c WHERE c.type = 'session' AND c.status = 'open'"))[0]);
  }
  async function items(type: string, sessionId: string): Promise<Doc[]> {
    return query('SELECT * FROM c WHERE c.type = @type AND c.sessionId = @s', [{ name: '@type', value: type }, { name: '@s', value: sessionId }]);
  }

  /**
   * Anna's own view of the session at this question. The neutral shared card can replace it at any
   * moment (the Playground does not refresh per user), so ask for it with "Mijn invulvelden" until
   * it is there, as a person would.
   */
  async function ownView(question: number, button: string): Promise<Locator> {
    const heading = `Vraag ${question} ·`;
    const own = cardShowing(button, heading);
    for (let attempt = 1; ; attempt++) {
      if ((await own.count()) > 0) return own;
      const shared = cardShowing('Mijn invulvelden', heading);
      if ((await shared.count()) > 0) await shared.getByRole('button', { name: 'Mijn invulvelden', exact: true }).dispatchEvent('click');
      try {
        await shows(own, 5_000);
        return own;
      } catch (err) {
        if (attempt >= 4) throw err;
      }
    }
  }

  it('sets up the group and walks four days to the weekly summary', async () => {
    try {
      await walkFourDays();
    } catch (err) {
      // What the person would have seen, for whoever reads the failure.
      await page.screenshot({ path: join(tmpdir(), 'playground-failure.png'), fullPage: true });
      const refusals = t.logs.filter((l) => l.includes('refused') || l.includes('failed')).join('');
      throw new Error(`${(err as Error).message}\n(screenshot: ${join(tmpdir(), 'playground-failure.png')})\n${refusals}`);
    }
    const summary = await until('the weekly summary card', async () => {
      const text = await cards().last().innerText();
      return text.includes('Weekoverzicht') ? text : undefined;
    });
    expect(summary).toContain('Weekoverzicht Vitale Weekcyclus Zorg');
    expect(summary).toContain('Ons antwoord op vraag 1');
    expect(summary).toContain('Besluit van de groep: aannemen zoals het is');
    expect(summary).toContain('Bram maakt het formulier');
    expect(summary).toContain('Deze week is rond');
    expect(summary).not.toContain('Mijn eigen antwoord');
  });

  async function walkFourDays() {
    await page.getByText('Vitale Weekcyclus Zorg').first().click({ timeout: 30_000 });
    await shows(cardShowing('Groep instellen'), 20_000);
    await click(cardShowing('Groep instellen'), 'Groep instellen');
    await press(() => cardShowing('Opslaan'), 'Opslaan', 'the group in the store', async () => (await query("SELECT * FROM c WHERE c.type = 'group'"))[0]);
    await shows(cardShowing('Start week 1'), 15_000);
    await press(() => cardShowing('Start week 1'), 'Start week 1', 'week 1 in the store', async () => (await query("SELECT * FROM c WHERE c.type = 'cycle'"))[0]);
    for (let day = 1; day <= 4; day++) {
      await shows(cardShowing('Sessie starten'), 15_000);
      const opened = async () => (await query("SELECT * FROM c WHERE c.type = 'session' AND c.status = 'open' AND c.day = @d", [{ name: '@d', value: day }]))[0];
      await press(() => cardShowing('Sessie starten'), 'Sessie starten', `the session of day ${day}`, async () => (await opened())?.cardActivityId);
      const session = (await opened())!;
      const question = session.questionIds[0];
      await press(() => ownView(question, 'Inchecken'), 'Inchecken', `Anna's check-in on day ${day}`, async () => (await items('checkIn', session.id)).length > 0, (card) => card.getByText('4 (hoog)', { exact: true }).first().click());
      await answerEveryQuestion(session.id);
      await press(() => cardShowing('Sessie afronden', `dag ${day}`), 'Sessie afronden', `day ${day} closed`, async () => (await query('SELECT * FROM c WHERE c.id = @id', [{ name: '@id', value: session.id }]))[0]?.status === 'closed');
    }
  }

  /** Answers the session's questions in order, from the question the store says it is at. */
  async function answerEveryQuestion(sessionId: string) {
    for (;;) {
      const session = await openSession();
      const question: number = session.questionIds[session.currentIndex];
      const heading = `Vraag ${question} ·`;
      if (question === 7) {
        await press(() => ownView(7, 'Oordeel bewaren'), 'Oordeel bewaren', "Anna's judgement in the store", async () => (await query("SELECT * FROM c WHERE c.type = 'judgement'")).length > 0, async (judge) => {
          await judge.getByText('eens', { exact: true }).first().click();
          await judge.locator('textarea').first().fill('Het past bij ons werk');
        });
        await press(() => ownView(7, 'Besluit vastleggen'), 'Besluit vastleggen', 'the decision in the store', async () => (await query("SELECT * FROM c WHERE c.type = 'proposal'"))[0]?.decision, async (decide) => {
          await decide.getByText('Aannemen zoals het is', { exact: true }).first().click();
          await decide.getByLabel('Waarom besluiten jullie dit?').fill('Het is eenvoudig te beginnen');
          await decide.getByLabel(/Eerste stap/).fill('Bram maakt het formulier');
        });
      } else if (question === 9 || question === 10) {
        const stored = async () =>
          (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'personalAnswer' AND c.questionId = @q", parameters: [{ name: '@q', value: question }] }).fetchAll()).resources.length > 0;
        await press(() => ownView(question, 'Bewaren'), 'Bewaren', `the personal answer to ${question}`, stored, (own) => own.locator('textarea').first().fill(`Mijn eigen antwoord op vraag ${question}`));
      } else {
        const text = `Ons antwoord op vraag ${question}`;
        const card = () => cardShowing('Toevoegen', heading);
        await shows(card(), 15_000);
        await press(card, 'Toevoegen', `the answer to question ${question} in the store`, async () => (await items('contribution', sessionId)).some((c) => c.text === text), (c) => c.locator('textarea').first().fill(text));
      }
      if (session.currentIndex >= session.questionIds.length - 1) return;
      const next = session.currentIndex + 1;
      await press(() => cardShowing('Volgende vraag', heading), 'Volgende vraag', `the session at question ${next + 1} of the day`, async () => (await openSession()).currentIndex === next);
    }
  }
});
