import { Locator, Page } from 'playwright-core';
import { MAX_LEARNING_NEED_TEXT } from '../../src/domain/learning-needs/learning-need';
import { MAX_NOTE_LENGTH } from '../../src/domain/verantwoording/accountability-note';
import { MAX_TRAJECT_TEXT } from '../../src/domain/verantwoording/prof-traject';
import { TEXT_LIMITS } from '../../src/tab/forms';
import { startTestApp, TestApp } from '../support/test-app';
import { Browser, openAnnasTab } from './browser';

/**
 * Found in review of the personal tab. Anna pastes a long text (a whole intervision report) into
 * "Nieuwe notitie". The field carried `maxlength="4000"`, so the browser cut it to 4,000 characters
 * without a word, "Notitie toevoegen" stored that part as if it were the whole and said "Bewaard.",
 * and the reason the tab has for a too-long note could never show. The same held for the note
 * editor (4,000), the Prof-traject texts (2,000) and a learning need's own words (300).
 * What must hold, for every one of those fields: the whole pasted text stays in the field, the
 * reason with the limit stands next to the field (at once, and after pressing, in the status line
 * too), nothing is stored, and the reason goes once the text fits again.
 */
describe('a text pasted into the tab longer than its field takes', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  const status = () => page.locator('#status');
  const personal = async (where: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND ${where}`).fetchAll()).resources;
  const long = (min: number) => {
    const text = `Verslag van de intervisie. ${'Wat we bespraken en wat ik meeneem. '.repeat(Math.ceil(min / 36))}Slotconclusie: elke vrijdag plannen.`;
    expect(text.length).toBeGreaterThan(min);
    return text;
  };
  const fresh = async () => {
    await page.goto(`${t.app.url}/tab/index.html`);
    await page.getByRole('heading', { name: 'Notities' }).waitFor();
  };
  /** The reason shown next to an input: the element its aria-describedby names ('' when it is not marked invalid). */
  const reasonNextTo = (input: Locator) =>
    input.evaluate((el) => (el.getAttribute('aria-invalid') === 'true' ? (el.getAttribute('aria-describedby') ?? '').split(/\s+/).map((id) => document.getElementById(id)?.textContent ?? '').join(' ') : ''));
  /** Pastes `text` into `field`, then presses `button`: what stayed in the field, what stood next to it before and after the press, and what the status line said. */
  const pasteAndPress = async (field: Locator, text: string, button: Locator) => {
    await field.fill('');
    await field.focus();
    await page.keyboard.insertText(text);
    const before = await reasonNextTo(field);
    await page.evaluate(() => (document.getElementById('status')!.textContent = ''));
    await button.click();
    await status().filter({ hasText: /./ }).waitFor();
    return { inField: await field.inputValue(), before, after: await reasonNextTo(field), said: await status().innerText() };
  };

  beforeAll(async () => {
    t = await startTestApp();
    ({ browser, page } = await openAnnasTab(t));
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('has the limits the server keeps', () => {
    expect(TEXT_LIMITS).toEqual({ note: MAX_NOTE_LENGTH, traject: MAX_TRAJECT_TEXT, learningNeed: MAX_LEARNING_NEED_TEXT });
  });

  it('keeps a new note whole, says the limit next to it, and stores nothing', async () => {
    await fresh();
    const pasted = long(4000);
    const field = page.getByLabel('Nieuwe notitie');
    const reason = expect.stringMatching(new RegExp(`hoogstens 4\\.000 tekens; deze is ${pasted.length.toLocaleString('nl-NL').replace('.', '\\.')} tekens`));
    expect(await pasteAndPress(field, pasted, page.getByRole('button', { name: 'Notitie toevoegen' }))).toEqual({ inField: pasted, before: reason, after: reason, said: reason });
    expect(await personal("c.type = 'note'")).toEqual([]);

    // Cut back to fit: the reason goes, and the note is stored whole.
    await field.fill('Slotconclusie: elke vrijdag plannen.');
    expect(await reasonNextTo(field)).toBe('');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await status().filter({ hasText: 'Bewaard.' }).waitFor();
    expect((await personal("c.type = 'note'")).map((n) => n.text)).toEqual(['Slotconclusie: elke vrijdag plannen.']);
  });

  it('keeps an edited note whole and leaves the stored note as it was', async () => {
    await fresh();
    await page.locator('#notes > li').filter({ hasText: 'Slotconclusie' }).getByRole('button', { name: 'Bewerken' }).click();
    const pasted = long(4000);
    const out = await pasteAndPress(page.getByLabel('Tekst van de notitie'), pasted, page.getByRole('button', { name: 'Bewaren', exact: true }));
    expect(out).toEqual({ inField: pasted, before: expect.stringMatching(/4\.000/), after: expect.stringMatching(/4\.000/), said: expect.stringMatching(/4\.000/) });
    expect((await personal("c.type = 'note'")).map((n) => [n.text, n.rev])).toEqual([['Slotconclusie: elke vrijdag plannen.', 1]]);
  });

  it('keeps a Prof-traject text whole and stores no Prof-traject', async () => {
    await fresh();
    const pasted = long(2000);
    const out = await pasteAndPress(page.getByLabel('Wat wil ik leren? (leerbehoeften)'), pasted, page.getByRole('button', { name: 'Prof-traject bewaren' }));
    expect(out).toEqual({ inField: pasted, before: expect.stringMatching(/Hoogstens 2\.000 tekens/), after: expect.stringMatching(/Hoogstens 2\.000 tekens/), said: expect.stringMatching(/Hoogstens 2\.000 tekens/) });
    expect(await personal("c.type = 'profTraject'")).toEqual([]);
  });

  it('keeps a learning need\'s own words whole and passes nothing on', async () => {
    await fresh();
    const control = page.locator('.card .card').filter({ hasText: 'Ik wil beter leren plannen' });
    await control.getByLabel('Thema').selectOption('organiseren');
    const pasted = long(300);
    const out = await pasteAndPress(control.getByLabel('In een paar woorden (optioneel)'), pasted, control.getByRole('button', { name: 'Anoniem doorgeven' }));
    expect(out).toEqual({ inField: pasted, before: expect.stringMatching(/Hoogstens 300 tekens/), after: expect.stringMatching(/Hoogstens 300 tekens/), said: expect.stringMatching(/Hoogstens 300 tekens/) });
    expect(await personal("c.type = 'learningNeedPassOn'")).toEqual([]);
  });
});
