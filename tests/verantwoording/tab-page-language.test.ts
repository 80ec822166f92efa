import { startTestApp, TestApp } from '../support/test-app';
import { buildTab } from './browser';
import { pageLanguage, TAB_CSP } from '../../src/web/verantwoording/tab-static';

/**
 * Left out in stop 52: the personal tab's page was served with `lang="nl"` and its Dutch title and
 * heading whatever the reader's language, until the script had it from teams-js: an English reader
 * saw Dutch first, and a screen reader announced the page in Dutch. Teams fills `{app.locale}` in
 * the static tab's contentUrl (`?locale=en-us`); the server renders the page's `lang`, `<title>`
 * and `<h1>` in that language (English or Dutch as spoken, anything else DEFAULT_LANGUAGE), never
 * the parameter itself, with the same CSP and caching as before.
 */
describe('the tab page is served in the reader\'s language', () => {
  let t: TestApp;

  beforeAll(async () => {
    // The tab's files as `npm run build` makes them (the server answers 503 without dist/tab).
    buildTab();
    t = await startTestApp();
  }, 120_000);
  afterAll(() => t?.stop());

  const served = async (query: string) => {
    const res = await fetch(`${t.app.url}/tab/index.html${query}`);
    const html = await res.text();
    return {
      status: res.status,
      lang: /<html lang="([^"]*)"/.exec(html)?.[1],
      title: /<title>([^<]*)<\/title>/.exec(html)?.[1],
      heading: /<h1 id="title">([^<]*)<\/h1>/.exec(html)?.[1],
      csp: res.headers.get('content-security-policy'),
      cache: res.headers.get('cache-control'),
      html,
    };
  };
  const english = { status: 200, lang: 'en', title: 'My accountability', heading: 'My accountability', csp: TAB_CSP, cache: 'no-cache' };
  const dutch = { status: 200, lang: 'nl', title: 'Mijn verantwoording', heading: 'Mijn verantwoording', csp: TAB_CSP, cache: 'no-cache' };

  it.each([
    ['en-US', english],
    ['en-GB', english],
    ['en-us', english],
    ['nl-NL', dutch],
    ['de-DE', dutch],
  ])('locale=%s: lang, title and heading in that language, CSP and caching unchanged', async (locale, expected) => {
    expect(await served(`?locale=${encodeURIComponent(locale)}`)).toMatchObject(expected);
  });

  it('no locale (opened outside Teams, or an old manifest): the default language, Dutch', async () => {
    expect(await served('')).toMatchObject(dutch);
  });

  it('a hostile locale is never echoed: the default language, and the page holds none of it', async () => {
    for (const hostile of ['en"><script>alert(1)</script>', 'en-US" onload="x', '<img src=x>', 'e'.repeat(5000)]) {
      const page = await served(`?locale=${encodeURIComponent(hostile)}`);
      expect(page).toMatchObject(dutch);
      expect(page.html).not.toContain('alert(1)');
      expect(page.html).not.toContain('onload');
      expect(page.html).not.toContain('<img');
      expect(page.html).not.toContain('eeeeeeeeee');
      expect(page.html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/i);
    }
  });

  it('the other files of the tab are served as they are', async () => {
    const res = await fetch(`${t.app.url}/tab/styles.css?locale=en-US`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(TAB_CSP);
    expect(res.headers.get('cache-control')).toBe('no-cache');
  });
});

describe('pageLanguage', () => {
  it('English or Dutch as spoken; anything else (another language, nothing, a malformed tag) the default', () => {
    expect(['en-us', 'EN-GB', 'en_GB', 'en', 'nl-be', 'de-de', 'fr', '', 'en"x', '%'].map((l) => pageLanguage(`/tab/index.html?locale=${encodeURIComponent(l)}`, 'en'))).toEqual(['en', 'en', 'en', 'en', 'nl', 'en', 'en', 'en', 'en', 'en']);
    expect(pageLanguage('/tab/index.html?lang=en-US', 'nl')).toBe('en'); // the plain-browser page's parameter
    expect(pageLanguage('/tab/index.html?locale=nl-NL&lang=en-US', 'en')).toBe('nl'); // Teams' value first
    expect(pageLanguage(undefined, 'nl')).toBe('nl');
  });
});
