/**
 * A refused HR report download link explains itself in the report's language.
 * Problem this guards against: an expired or invalid link always answered in English ("This link
 * has expired..."), hard-coded in src/web/hr-report/report-routes.ts, although the app is Dutch by
 * default and the signed link carries the report's language (claim `lang`), which jose still
 * gives with an expired token. An invalid link, whose claims cannot be trusted, answers in the
 * app's default language.
 */
import { user } from '../support/activities';
import { startTestApp, TestApp } from '../support/test-app';
import { reportCard } from '../support/hr-report';

const hanna = user('Hanna');

describe('report download refusals in the report\'s language', () => {
  let t: TestApp;
  const links: Record<'nl' | 'en', string> = { nl: '', en: '' };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    const hr = t.conversation('channel', '19:hr-channel@thread.tacv2');
    for (const [lang, command] of [['nl', 'rapport 2026-11-01 2026-11-23'], ['en', 'report 2026-11-01 2026-11-23']] as const) {
      const link = new URL((await reportCard(t, hr, hanna, command)).actions[0].url);
      links[lang] = `${t.app.url}${link.pathname}${link.search}`;
    }
  }, 60_000);
  afterAll(() => t.stop());

  async function refusal(url: string): Promise<string> {
    const res = await fetch(url);
    expect(res.status).toBe(403);
    return res.text();
  }

  it('says in Dutch that a Dutch report\'s link is not valid, and in Dutch for a link that is not valid at all', async () => {
    const changed = new URL(links.nl);
    changed.searchParams.set('to', '2026-12-31');
    expect(await refusal(changed.toString())).toBe('Deze link is niet geldig. Vraag het rapport opnieuw aan in Teams.\n');
    expect(await refusal(`${t.app.url}/reports/hr.csv?token=not-a-token`)).toContain('niet geldig');
  });

  it('says a Dutch report\'s expired link has expired in Dutch, an English one\'s in English', async () => {
    t.clock.advanceMinutes(16);
    expect(await refusal(links.nl)).toBe('Deze link is verlopen. Vraag het rapport opnieuw aan in Teams.\n');
    expect(await refusal(links.en)).toBe('This link has expired. Ask for the report again in Teams.\n');
  });
});
