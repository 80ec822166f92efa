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

/**
 * A group completes day 1 to 4 in the Agents Playground's group chat, clicking the real rendered
 * Adaptive Cards in Chromium, as a person would after `npm run dev`.
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
    await page.goto(playground.url);
  });
  afterAll(async () => {
    await browser?.close();
    playground?.child.kill();
    await t?.stop();
  });

  const cards = () => page.locator('.ac-adaptiveCard');
  const cardWith = (button: string): Locator => cards().filter({ has: page.getByRole('button', { name: button, exact: true }) }).last();
  async function press(button: string) {
    const before = await cards().count();
    const card = cardWith(button);
    const text = await card.innerText();
    await card.getByRole('button', { name: button, exact: true }).click();
    // Wait until the card changed or a new card arrived.
    await page.waitForFunction(
      ([n, old]) => {
        const all = document.querySelectorAll('.ac-adaptiveCard');
        return all.length !== n || ![...all].some((c) => (c as HTMLElement).innerText === old);
      },
      [before, text] as const,
      { timeout: 15_000 },
    ).catch(() => undefined);
  }
  /** Whether the open session's card offers a button, allowing the card a moment to settle after a click. */
  const lastHas = async (button: string, patient = false) => {
    for (let i = 0; i < (patient ? 8 : 1); i++) {
      const session = cards().filter({ has: page.getByRole('button', { name: 'Sessie afronden', exact: true }) }).last();
      if ((await session.getByRole('button', { name: button, exact: true }).count()) > 0) return true;
      await page.waitForTimeout(150);
    }
    return false;
  };
  /**
   * The Playground doesn't refresh cards per user: when the neutral shared card lands after one's
   * own view (the update for everyone can arrive after the answer to the click), ask for it again,
   * as a person would with "Mijn invulvelden".
   */
  async function myView(button: string) {
    await page.waitForTimeout(300);
    if (!(await lastHas(button)) && (await lastHas('Mijn invulvelden'))) await press('Mijn invulvelden');
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
    const summary = await cards().last().innerText();
    expect(summary).toContain('Weekoverzicht Vitale Weekcyclus Zorg');
    expect(summary).toContain('Ons antwoord, dag 1, stap 1');
    expect(summary).toContain('Besluit van de groep: aannemen');
    expect(summary).toContain('Bram maakt het formulier');
    expect(summary).toContain('Deze week is rond');
    expect(summary).not.toContain('Mijn eigen antwoord');
  });

  async function walkFourDays() {
    await page.getByText('Vitale Weekcyclus Zorg').first().click();
    await cardWith('Groep instellen').waitFor({ timeout: 20_000 });
    await press('Groep instellen');
    await press('Opslaan');
    await press('Start week 1');
    for (let day = 1; day <= 4; day++) {
      await press('Sessie starten');
      await cardWith('Mijn invulvelden').waitFor();
      await press('Mijn invulvelden');
      await myView('Inchecken');
      const checkIn = cardWith('Inchecken');
      await checkIn.getByText('4', { exact: true }).first().click();
      await press('Inchecken');
      for (let step = 0; step < 6; step++) {
        await page.waitForTimeout(200);
        if (await lastHas('Mijn invulvelden')) await press('Mijn invulvelden');
        if (await lastHas('Oordeel bewaren')) {
          const judge = cardWith('Oordeel bewaren');
          await judge.getByText('aannemen', { exact: true }).first().click();
          await judge.locator('textarea').first().fill('Het past bij ons werk');
          await press('Oordeel bewaren');
          await myView('Besluit vastleggen');
          await cardWith('Besluit vastleggen').locator('textarea').last().fill('Bram maakt het formulier');
          await press('Besluit vastleggen');
        } else if (await lastHas('Bewaren')) {
          await cardWith('Bewaren').locator('textarea').first().fill(`Mijn eigen antwoord, dag ${day}`);
          await press('Bewaren');
        } else if (await lastHas('Toevoegen')) {
          await cardWith('Toevoegen').locator('textarea').first().fill(`Ons antwoord, dag ${day}, stap ${step + 1}`);
          await press('Toevoegen');
        }
        if (!(await lastHas('Volgende vraag', true))) break;
        await press('Volgende vraag');
      }
      await press('Sessie afronden');
    }
  }
});
