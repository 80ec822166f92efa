import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, extname, join, resolve, sep } from 'node:path';
import type restify from 'restify';

/** Hosts that may frame the tab: Teams on the web, desktop and mobile, Outlook and the Microsoft 365 app. */
export const FRAME_ANCESTORS = [
  "'self'",
  'https://teams.microsoft.com',
  'https://*.teams.microsoft.com',
  'https://teams.cloud.microsoft',
  'https://*.cloud.microsoft',
  'https://*.office.com',
  'https://*.office365.com',
  'https://*.microsoft365.com',
  'https://*.skype.com',
  'https://outlook.office.com',
  'https://outlook.office365.com',
];

/**
 * Content Security Policy of the tab: only its own script and style, no inline code, API calls to
 * itself (and the Teams JS library's list of valid hosts), framed only by Microsoft 365 hosts.
 */
export const TAB_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self' https://res.cdn.office.net",
  `frame-ancestors ${FRAME_ANCESTORS.join(' ')}`,
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join('; ');

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': TAB_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), payment=()',
  'Strict-Transport-Security': 'max-age=31536000',
};

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** dist/tab of this installation: found from the package root, the same from src (tests) and dist (production). */
export function defaultTabDir(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) return resolve('dist', 'tab');
    dir = up;
  }
  // Compiled code lives in <root>/dist/src/...; dist has no package.json of its own, so this is the root.
  return join(dir, 'dist', 'tab');
}

/** What the served page says while its script loads: in the reader's language, before teams-js answers. */
export interface TabPageLanguage {
  /** The app's DEFAULT_LANGUAGE: for a client language the tab does not speak, or none given (as the script does). */
  defaultLanguage: 'nl' | 'en';
  /** The tab's title (`verantwoording.title`) in a language. */
  title(language: 'nl' | 'en'): string;
}

/**
 * The page's language from the `locale` Teams fills into the static tab's contentUrl
 * (`?locale={app.locale}`, e.g. "en-us"), or `lang` (the plain-browser page's parameter): English
 * or Dutch as spoken, anything else (missing, another language, a hostile value) the default. Only
 * one of the two fixed codes ever reaches the HTML, never the parameter itself.
 */
export function pageLanguage(url: string | undefined, defaultLanguage: 'nl' | 'en'): 'nl' | 'en' {
  let params: URLSearchParams;
  try {
    params = new URL(url ?? '', 'http://tab.invalid').searchParams;
  } catch {
    return defaultLanguage;
  }
  const tag = (params.get('locale') ?? params.get('lang') ?? '').toLowerCase();
  const language = /^([a-z]{2,3})(?:[-_][a-z0-9]{1,8})*$/.exec(tag)?.[1];
  return language === 'en' || language === 'nl' ? language : defaultLanguage;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** index.html with its `lang`, title and heading in the page's language (the file holds the Dutch ones). */
export function localisePage(html: string, language: 'nl' | 'en', title: string): string {
  const text = escapeHtml(title);
  return html
    .replace(/<html lang="[^"]*"/, `<html lang="${language}"`)
    .replace(/<title>[^<]*<\/title>/, `<title>${text}</title>`)
    .replace(/(<h1 id="title">)[^<]*(<\/h1>)/, `$1${text}$2`);
}

/** Serves the built tab (scripts/build-tab.mjs) with its security headers; nothing outside its folder. */
export function registerTabStatic(server: restify.Server, tabDir: string, language?: TabPageLanguage): void {
  const root = resolve(tabDir);
  const index = join(root, 'index.html');
  // The query comes along (the reader's `locale` or `lang`), parsed, so the target stays this page.
  server.get('/tab', (req, res, next) => {
    res.redirect(302, `/tab/index.html${new URL(req.url ?? '', 'http://tab.invalid').search}`, next);
  });
  server.get('/tab/*', async (req, res) => {
    const wanted = String((req.params as Record<string, string>)['*'] ?? '') || 'index.html';
    const file = resolve(root, decodeURIComponent(wanted));
    const type = TYPES[extname(file).toLowerCase()];
    const headers = { ...SECURITY_HEADERS, 'Cache-Control': 'no-cache' };
    if (!file.startsWith(root + sep) || !type || wanted.includes('\0')) {
      res.sendRaw(404, 'Not found', { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
      return;
    }
    try {
      const body = await readFile(file);
      if (language && file === index) {
        const lang = pageLanguage(req.url, language.defaultLanguage);
        res.sendRaw(200, localisePage(body.toString('utf8'), lang, language.title(lang)), { ...headers, 'Content-Type': type });
        return;
      }
      res.sendRaw(200, body, { ...headers, 'Content-Type': type });
    } catch {
      const built = existsSync(index);
      res.sendRaw(built ? 404 : 503, built ? 'Not found' : 'The tab is not built yet: run npm run build.', { ...headers, 'Content-Type': 'text/plain; charset=utf-8' });
    }
  });
}
