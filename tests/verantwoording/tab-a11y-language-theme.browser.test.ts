/**
 * Found in review, stop 49 (accessibility of the personal tab): what a screen-reader user hears and
 * a low-vision user reads, in Dutch and English, in each Teams theme. With the L&O block of stop
 * 48 (a proposal the group shared with L&O, and L&O's answer) on the page, reached the real way:
 * the group decides, a member shares it, L&O answers in its 1:1 chat.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Page } from 'playwright-core';
import { execute, TestUser, user } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { axeProblems, Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { actionData, PersonalChat } from './support';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const OWN_WORDS = 'GROEPSWOORDEN: de overdracht doen we samen aan het bed.';
const LO_ANSWER = 'L&O-ANTWOORD: we nemen dit op in het scholingsplan.';
const LOCALES = join(__dirname, '..', '..', 'src', 'i18n', 'locales');
/** The language files the tab bundles (src/tab/i18n.ts). */
const TAB_FILES = ['verantwoording', 'talent-review', 'proposal-to-manager', 'lo-offer', 'proposal-to-lo'];

function strings(lang: 'nl' | 'en'): string[] {
  const out: string[] = [];
  const walk = (n: unknown): void => {
    if (typeof n === 'string') out.push(n);
    else if (n && typeof n === 'object') Object.values(n).forEach(walk);
  };
  for (const f of TAB_FILES) if (readdirSync(join(LOCALES, lang)).includes(`${f}.json`)) walk(JSON.parse(readFileSync(join(LOCALES, lang, `${f}.json`), 'utf8')));
  return out;
}
/** The fixed words of `lang`'s texts (between the {{placeholders}}), 15 characters or more, that no text of `other` has. */
function onlyIn(lang: 'nl' | 'en', other: 'nl' | 'en'): string[] {
  const theirs = strings(other).join('\n');
  return [...new Set(strings(lang).flatMap((s) => s.split(/\{\{[^}]*\}\}|\n/)).map((s) => s.trim()).filter((s) => s.length >= 15 && !theirs.includes(s)))];
}

/** WCAG relative luminance contrast of two computed `rgb(...)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/\d+(\.\d+)?/g) ?? []).slice(0, 3).map((x) => {
      const v = Number(x) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p) as [number, number];
  return (x + 0.05) / (y + 0.05);
}

describe('the tab in Dutch and English, in every theme, with the L&O block', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;

  /** All the words on the page: text, and the attributes a screen reader or tooltip gives. */
  const pageWords = () =>
    page.evaluate(() => {
      const out = [document.title];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      while (walker.nextNode()) out.push(walker.currentNode.textContent ?? '');
      for (const el of document.querySelectorAll('[placeholder],[aria-label],[title],[alt]')) for (const a of ['placeholder', 'aria-label', 'title', 'alt']) if (el.getAttribute(a)) out.push(el.getAttribute(a)!);
      return out.join('\n');
    });
  const open = async (lang: 'nl' | 'en', theme = 'default') => {
    await page.goto(`${t.app.url}/tab/index.html?lang=${lang}&theme=${theme}`);
    await page.locator('.shared-with-lo').waitFor();
  };

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    // The group decides (adapts) a proposal; Anna shares it with L&O; Hanna (L&O) answers.
    const g = await new GroupDriver(t, t.conversation('groupChat', '19:a11y-lo@thread.v2'), [anna, bram, cem]).answeredOnDayOne(['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'], { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: 'Omdat', firstStep: 'Stap', decision: 'adapt', adoptedText: OWN_WORDS });
    await g.end(anna);
    await t.app.outbox.drain(10_000);
    const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting|Summary/.test(cardText(c.card)));
    await t.send(execute(g.conv, anna, 'proposalToLo.share', { groupId: g.groupId, proposalId }, summary!.call.id as string, 'share-anna'));
    await t.app.outbox.drain(10_000);
    const record = async () => (await t.store.container('installations').items.query(`SELECT * FROM c WHERE c.type = 'proposalToLo' AND c.groupId = '${g.groupId}'`).fetchAll()).resources[0];
    await waitUntil('the share is stored', async () => !!(await record()));
    const hr = new PersonalChat(t, hanna);
    const form = await hr.press('proposalToLo.open', { id: (await record()).id });
    await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer: LO_ANSWER });
    await t.app.outbox.drain(10_000);
    await waitUntil('L&O\'s answer is on the proposal', async () => (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource?.lo?.answer?.text === LO_ANSWER);
    // A note, and a Prof-traject (its progress line).
    await new PersonalChat(t, anna).say('notitie Een notitie van Anna', 'nl-NL');
    const { token } = (await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: anna.aadObjectId }) })).json()) as { token: string };
    const saved = await fetch(`${t.app.url}/api/verantwoording/traject`, { method: 'PUT', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: JSON.stringify({ learningNeeds: 'Plannen', talents: 'Samenwerken', plannedWeeks: 20, rev: 0 }) });
    expect(saved.status).toBe(200);
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('the L&O block in Dutch: the share and L&O\'s answer dated in Dutch, lang="nl", no serious axe problem in any theme', async () => {
    for (const theme of ['default', 'dark', 'contrast']) {
      await open('nl', theme);
      expect(await page.getAttribute('html', 'lang')).toBe('nl');
      const block = await page.locator('.shared-with-lo').innerText();
      expect(block).toMatch(/Gedeeld met L&O op \d{1,2} [a-z]{3,4}\.? 20\d\d/);
      expect(block).toMatch(/Antwoord van L&O op \d{1,2} [a-z]{3,4}\.? 20\d\d:/);
      expect(block).toContain(LO_ANSWER);
      expect({ theme, problems: await axeProblems(page) }).toEqual({ theme, problems: [] });
    }
  });

  it('the L&O block in English: dated in English, lang="en", and no Dutch text of the tab nor a raw text key anywhere on the page', async () => {
    await open('en');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    const block = await page.locator('.shared-with-lo').innerText();
    expect(block).toMatch(/Shared with L&O on \d{1,2} [A-Z][a-z]{2} 20\d\d/);
    expect(block).toMatch(/L&O's answer of \d{1,2} [A-Z][a-z]{2} 20\d\d:/);
    const words = await pageWords();
    expect(onlyIn('nl', 'en').filter((s) => words.includes(s))).toEqual([]);
    // Not vacuous: the English-only texts are found on this page.
    expect(onlyIn('en', 'nl').filter((s) => words.includes(s)).length).toBeGreaterThan(5);
    expect(words.match(/\b(verantwoording|talentReview|proposalToManager|proposalToLo|loOffer)\.[A-Za-z]+/g)).toBeNull();
    expect(await axeProblems(page)).toEqual([]);
  });

  it('in Dutch, no English text of the tab nor a raw text key anywhere on the page', async () => {
    await open('nl');
    const words = await pageWords();
    expect(onlyIn('en', 'nl').filter((s) => words.includes(s))).toEqual([]);
    // Not vacuous: the Dutch-only texts are found on this page.
    expect(onlyIn('nl', 'en').filter((s) => words.includes(s)).length).toBeGreaterThan(5);
    expect(words.match(/\b(verantwoording|talentReview|proposalToManager|proposalToLo|loOffer)\.[A-Za-z]+/g)).toBeNull();
  });

  it('placeholder text has at least 4.5:1 contrast with its field in every theme (WCAG 1.4.3)', async () => {
    const found: Record<string, number> = {};
    for (const theme of ['default', 'dark', 'contrast']) {
      await open('nl', theme);
      for (const id of ['new-note', 'traject-needs']) {
        const [fg, bg] = await page.evaluate((i) => {
          const el = document.getElementById(i)!;
          return [getComputedStyle(el, '::placeholder').color, getComputedStyle(el).backgroundColor];
        }, id);
        found[`${theme} #${id} ${fg} on ${bg}`] = Math.round(contrast(fg, bg) * 100) / 100;
      }
    }
    expect(Object.entries(found).filter(([, ratio]) => ratio < 4.5)).toEqual([]);
  });

  it('each "share with my manager" checkbox can be told apart by a screen reader (its name or description says what it shares)', async () => {
    await open('nl');
    const spoken = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map((el) => {
        const name = el.getAttribute('aria-label') ?? [...(el.labels ?? [])].map((l) => l.textContent).join(' ');
        const description = (el.getAttribute('aria-describedby') ?? '').split(/\s+/).filter(Boolean).map((id) => document.getElementById(id)?.textContent ?? '').join(' ');
        return `${name} | ${description}`.trim();
      }),
    );
    const repeated = spoken.filter((s, i) => spoken.indexOf(s) !== i);
    expect({ spoken, repeated }).toEqual({ spoken, repeated: [] });
  });

  it('the explanation of "active weeks" next to the Prof-traject progress can be read without a mouse (not only in a title tooltip)', async () => {
    await open('nl');
    const hint = 'Een actieve week is een week waarin je minstens één sessie bijwoonde';
    const progress = page.locator('#traject-progress');
    await progress.waitFor();
    expect(await progress.getAttribute('title')).toContain(hint); // it is there, for a mouse
    expect(await page.locator('main').innerText()).toContain(hint);
  });

  it('a note typed past its limit: the reason that appears next to it is announced (in a live region), not only shown', async () => {
    await open('nl');
    const field = page.getByLabel('Nieuwe notitie');
    await field.fill('x'.repeat(4001));
    const reason = page.locator('#new-note-reason');
    await reason.waitFor();
    expect(await reason.innerText()).toContain('4.000');
    const announced = await page.evaluate(() => {
      const el = document.getElementById('new-note-reason')!;
      const live = el.closest('[aria-live]:not([aria-live="off"]),[role=alert],[role=status]');
      return live !== null || (document.getElementById('status')?.textContent ?? '').includes(el.textContent ?? '\u0000');
    });
    expect(announced).toBe(true);
  });
});
