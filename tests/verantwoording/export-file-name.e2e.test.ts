/**
 * "Download my data" names the file in the tab's language, the same in the API and the tab.
 * Problem this guards against: the English tab saved "mijn-verantwoording.json": the export route
 * always sent Content-Disposition filename="mijn-verantwoording.json" and the tab hard-coded the
 * same name for its download link, whatever the language.
 */
import { translator } from '../../src/tab/i18n';
import { startTestApp, TestApp } from '../support/test-app';

describe('the name of the exported file', () => {
  let t: TestApp;
  let token = '';
  beforeAll(async () => {
    t = await startTestApp();
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
  }, 60_000);
  afterAll(() => t.stop());

  const fileNameFor = async (lang: string) => {
    const res = await fetch(`${t.app.url}/api/verantwoording/export?lang=${lang}`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1];
  };

  it('is English for the English tab and Dutch for the Dutch one', async () => {
    expect(await fileNameFor('en')).toBe('my-accountability.json');
    expect(await fileNameFor('nl')).toBe('mijn-verantwoording.json');
  });

  it('is the name the tab gives its own download link, in each language', async () => {
    expect(translator('en')('verantwoording.tab.exportFileName')).toBe(await fileNameFor('en'));
    expect(translator('nl')('verantwoording.tab.exportFileName')).toBe(await fileNameFor('nl'));
  });
});
