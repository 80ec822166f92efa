import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BrowserContext, chromium, Page } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';
const ROOT = join(__dirname, '..', '..');

/** Fails (never skips) when Chromium is missing, saying how to get it. */
export function requireChromium(): void {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}; the personal tab is tested in a real browser. Install it with: apt-get install chromium`);
  }
}

/** Builds dist/tab exactly as `npm run build` does. */
export function buildTab(): void {
  execFileSync(process.execPath, [join(ROOT, 'scripts', 'build-tab.mjs')], { cwd: ROOT, stdio: 'pipe' });
}

/** Opens the tab outside Teams and signs in with the development sign-in (local mode) as `userId`. */
export async function signInWithDevUser(page: Page, appUrl: string, userId: string): Promise<void> {
  await page.goto(`${appUrl}/tab/index.html`);
  await page.locator('#dev-user').fill(userId);
  await page.getByRole('button', { name: 'Aanmelden' }).click();
  await page.getByRole('heading', { name: 'Notities' }).waitFor();
}

export interface Browser {
  context: BrowserContext;
  /** Hosts the page tried to reach outside loopback; every such request is aborted. */
  blocked: string[];
  /** Console errors of all pages. */
  consoleErrors: string[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/** Headless Debian Chromium with a fresh profile, allowed to talk to loopback only. */
export async function launchBrowser(): Promise<Browser> {
  const userDataDir = mkdtempSync(join(tmpdir(), 'lw-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    acceptDownloads: true,
    locale: 'nl-NL',
  });
  const blocked: string[] = [];
  const consoleErrors: string[] = [];
  await context.route('**/*', async (route) => {
    const url = new URL(route.request().url());
    if (url.hostname === '127.0.0.1' || url.hostname === 'localhost' || url.protocol === 'blob:' || url.protocol === 'data:') return route.continue();
    blocked.push(url.host);
    return route.abort();
  });
  const watch = (page: Page) => page.on('console', (m) => m.type() === 'error' && consoleErrors.push(m.text()));
  context.pages().forEach(watch);
  context.on('page', watch);
  return {
    context,
    blocked,
    consoleErrors,
    newPage: () => context.newPage(),
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function axeProblems(page: Page): Promise<{ id: string; impact: string; nodes: string[] }[]> {
  // Evaluated through the DevTools protocol: the tab's CSP (no inline scripts) stays in force.
  await page.evaluate(`${readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')}\n;window.axe = axe;`);
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ passes: unknown[]; violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe;
    const result = await axe.run(document, {});
    // A run that checked nothing would pass vacuously.
    if (result.passes.length < 10) throw new Error(`axe checked too little (${result.passes.length} rules passed)`);
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')) }));
  });
}

/**
 * Anna's week in a group (weekOfAnnasGroup), her token for the tab's API, and her tab signed in
 * in a fresh headless browser: the start of a test of the tab against `t`.
 */
export async function openAnnasTab(t: import('../support/test-app').TestApp): Promise<{ browser: Browser; page: Page; token: string }> {
  requireChromium();
  buildTab();
  const { weekOfAnnasGroup } = await import('./support');
  await weekOfAnnasGroup(t);
  const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
  const { token } = (await res.json()) as { token: string };
  const browser = await launchBrowser();
  const page = await browser.newPage();
  await signInWithDevUser(page, t.app.url, 'aad-anna');
  return { browser, page, token };
}
