import { Locator, Page } from 'playwright-core';
import { MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { axeProblems, Browser, buildTab, launchBrowser, requireChromium, signInWithDevUser } from './browser';
import { weekOfAnnasGroup } from './support';

/**
 * The personal tab's forms when the server (or the tab itself) refuses an input, when the same
 * note was changed elsewhere (the chat) while it was being edited in the tab, and when a button
 * is pressed twice: the reason stands next to the field, what was typed stays, one press saves once.
 */
describe('the tab\'s forms on refusal, conflict and double submission', () => {
  let t: TestApp;
  let browser: Browser;
  let page: Page;
  let token = '';
  const [anna] = MEMBERS as [typeof MEMBERS[0]];
  const status = () => page.locator('#status');
  const notes = () => page.locator('#notes > li');
  const noteWith = (text: string) => notes().filter({ hasText: text });
  /** A fresh page, so the status line says only what the next action caused. */
  const fresh = async (query = '') => {
    await page.goto(`${t.app.url}/tab/index.html${query}`);
    await page.getByRole('heading', { name: /^(Notities|Notes)$/ }).waitFor();
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') === '');
  };
  const said = async () => {
    await page.waitForFunction(() => (document.getElementById('status')?.textContent ?? '') !== '');
    return status().innerText();
  };
  /** The reason shown next to an input: the element its aria-describedby names, and that it is marked invalid. */
  const reasonNextTo = async (input: Locator) => {
    await page.waitForFunction((el) => el?.getAttribute('aria-invalid') === 'true', await input.elementHandle());
    const ids = ((await input.getAttribute('aria-describedby')) ?? '').split(/\s+/).filter(Boolean);
    const texts = await Promise.all(ids.map((id) => page.locator(`[id="${id}"]`).innerText()));
    return texts.join(' ');
  };
  const api = (method: string, path: string, body?: unknown) =>
    fetch(`${t.app.url}/api/verantwoording${path}`, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const personal = async (where: string) => (await t.store.container('personal').items.query(`SELECT * FROM c WHERE c.userId = 'aad-anna' AND ${where}`).fetchAll()).resources;
  const storedHours = async () => (await personal("c.type = 'timeUsed'")).map((r) => r.hours);

  beforeAll(async () => {
    requireChromium();
    buildTab();
    t = await startTestApp({}, undefined, { sharedCardIntervalMs: 0 });
    await weekOfAnnasGroup(t);
    const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: 'aad-anna' }) });
    token = (await res.json()).token;
    browser = await launchBrowser();
    page = await browser.newPage();
    await signInWithDevUser(page, t.app.url, anna.aadObjectId);
  }, 90_000);
  afterAll(async () => {
    await browser?.close();
    await t?.stop();
  });

  it('says why a Prof-traject is refused (too many weeks), next to the field, and keeps what was typed', async () => {
    await fresh();
    await page.locator('#traject-needs').fill('Beter plannen');
    await page.locator('#traject-talents').fill('Overzicht houden');
    await page.locator('#traject-weeks').fill('60');
    await page.getByRole('button', { name: 'Prof-traject bewaren' }).click();
    // The chat says "Kies een aantal weken van 1 tot 52."; the tab gives the same reason.
    expect(await said()).toMatch(/Kies een aantal weken van 1 tot 52/);
    expect(await reasonNextTo(page.locator('#traject-weeks'))).toMatch(/Kies een aantal weken van 1 tot 52/);
    expect([await page.locator('#traject-needs').inputValue(), await page.locator('#traject-talents').inputValue(), await page.locator('#traject-weeks').inputValue()]).toEqual(['Beter plannen', 'Overzicht houden', '60']);
    expect(await personal("c.type = 'profTraject'")).toEqual([]);
    expect(await axeProblems(page)).toEqual([]);
    // Corrected, it saves, and the reason goes.
    await page.locator('#traject-weeks').fill('30');
    await page.getByRole('button', { name: 'Prof-traject bewaren' }).click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor(); // exact: the conflict text says "nog niet bewaard."
    expect(await page.locator('#traject-weeks').getAttribute('aria-invalid')).toBeNull();
    expect(await personal("c.type = 'profTraject'")).toEqual([expect.objectContaining({ learningNeeds: 'Beter plannen', plannedWeeks: 30 })]);
  });

  it('gives the reason in English when the tab is in English', async () => {
    await fresh('?lang=en');
    await page.locator('#traject-weeks').fill('0');
    await page.getByRole('button', { name: 'Save Prof-traject' }).click();
    expect(await said()).toMatch(/Choose a number of weeks from 1 to 52/);
    expect(await reasonNextTo(page.locator('#traject-weeks'))).toMatch(/Choose a number of weeks from 1 to 52/);
  });

  it('says why a note of only spaces is refused, next to the field, and keeps it', async () => {
    await fresh();
    await page.getByLabel('Nieuwe notitie').fill('    ');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    expect(await said()).toMatch(/Schrijf eerst iets op/);
    expect(await reasonNextTo(page.getByLabel('Nieuwe notitie'))).toMatch(/Schrijf eerst iets op/);
    expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe('    ');
  });

  it('does not store 0 hours when the hours field is left empty (the chat refuses an empty figure)', async () => {
    await fresh();
    const before = await storedHours();
    await page.getByLabel('Uren leertijd').fill('');
    await page.getByRole('button', { name: 'Uren bewaren' }).click();
    const message = await said();
    const after = await storedHours();
    expect({ before, after, said: message }).toEqual({ before, after: before, said: expect.stringMatching(/0 tot 40/) });
    expect(await reasonNextTo(page.getByLabel('Uren leertijd'))).toMatch(/Vul een aantal uren in van 0 tot 40/);
  });

  it('says why too many hours are refused, next to the field, keeping the figure', async () => {
    await fresh();
    const before = await storedHours();
    await page.getByLabel('Uren leertijd').fill('41');
    await page.getByRole('button', { name: 'Uren bewaren' }).click();
    expect(await said()).toMatch(/Vul een aantal uren in van 0 tot 40/);
    expect(await reasonNextTo(page.getByLabel('Uren leertijd'))).toMatch(/0 tot 40/);
    expect(await page.getByLabel('Uren leertijd').inputValue()).toBe('41');
    expect(await storedHours()).toEqual(before);
  });

  it('keeps the hours Anna typed in the tab when the chat corrected the week meanwhile, and lets her save hers over them (stop 38)', async () => {
    const w = (await (await api('GET', '')).json()).cycles.find((c: { correctable: boolean }) => c.correctable);
    await fresh();
    await page.getByLabel('Uren leertijd').fill('6.5');
    // Meanwhile the chat corrects the week on the revision the tab read (so that save wins).
    expect((await api('PUT', '/time', { groupId: w.groupId, cycleId: w.cycleId, hours: 3, rev: w.timeRev })).status).toBe(200);
    await page.getByRole('button', { name: 'Uren bewaren' }).click();
    await status().filter({ hasText: /gewijzigd/ }).waitFor();
    // Her figure stays in the field; the newer stored figure stands beside it; nothing of hers overwrote it.
    await page.locator('article .newer').getByText('3 uur').waitFor();
    expect(await page.getByLabel('Uren leertijd').inputValue()).toBe('6.5');
    expect(await storedHours()).toEqual([3]);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mijn aantal eroverheen bewaren' }).click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor(); // exact: the conflict text says "nog niet bewaard."
    expect(await storedHours()).toEqual([6.5]);
  });

  it('keeping the newer hours instead puts them back in the field, and stores nothing', async () => {
    const w = (await (await api('GET', '')).json()).cycles.find((c: { correctable: boolean; timeRev: number }) => c.correctable);
    await fresh();
    await page.getByLabel('Uren leertijd').fill('2');
    expect((await api('PUT', '/time', { groupId: w.groupId, cycleId: w.cycleId, hours: 5, rev: w.timeRev })).status).toBe(200);
    await page.getByRole('button', { name: 'Uren bewaren' }).click();
    await page.getByRole('button', { name: 'Nieuwste versie houden' }).click();
    expect(await page.getByLabel('Uren leertijd').inputValue()).toBe('5');
    expect(await page.locator('article .newer').isHidden()).toBe(true);
    expect(await storedHours()).toEqual([5]);
  });

  it('keeps what Anna typed in the tab\'s Prof-traject when it was saved in the chat meanwhile, and lets her save hers over it', async () => {
    expect((await api('PUT', '/traject', { learningNeeds: 'Eerste schets', talents: 'Overzicht houden', plannedWeeks: 20 })).status).toBe(200);
    await fresh();
    const MINE = 'Uit het tabblad: plannen, en feedback vragen na elke dienst';
    await page.locator('#traject-needs').fill(MINE);
    // Meanwhile the chat saves the Prof-traject on the version the tab read (so that save wins).
    const opened = (await (await api('GET', '')).json()).profTraject;
    const chat = await api('PUT', '/traject', { learningNeeds: 'Versie uit de chat', talents: opened.talents, plannedWeeks: opened.plannedWeeks, rev: opened.rev });
    expect(chat.status).toBe(200);
    await page.getByRole('button', { name: 'Prof-traject bewaren' }).click();
    await status().filter({ hasText: /gewijzigd/ }).waitFor();
    // Her words stay in the form; the newer stored version stands beside them; nothing of hers overwrote it.
    await page.locator('#h-traject ~ .newer, section[aria-labelledby="h-traject"] .newer').getByText('Versie uit de chat').waitFor();
    expect(await page.locator('#traject-needs').inputValue()).toBe(MINE);
    expect(await personal("c.type = 'profTraject'")).toEqual([expect.objectContaining({ learningNeeds: 'Versie uit de chat' })]);
    expect(await axeProblems(page)).toEqual([]);
    await page.getByRole('button', { name: 'Mijn tekst eroverheen bewaren' }).click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor(); // exact: the conflict text says "nog niet bewaard."
    expect(await personal("c.type = 'profTraject'")).toEqual([expect.objectContaining({ learningNeeds: MINE, rev: opened.rev + 2 })]);
  });

  it('keeps what Anna typed in the tab when the note was changed in the chat meanwhile, and lets her save it over the newer version', async () => {
    const created = await api('POST', '/notes', { text: 'Eerste versie', key: 'tab-forms-0001' });
    const note = await created.json();
    await fresh();
    await noteWith('Eerste versie').getByRole('button', { name: 'Bewerken' }).click();
    const MINE = 'Mijn lange aanvulling uit het tabblad: wat ik deze week leerde over plannen en prioriteren.';
    await page.getByLabel('Tekst van de notitie').fill(MINE);
    // Meanwhile the note is changed from the chat (same version, so this one wins).
    const chat = await api('PUT', `/notes/${encodeURIComponent(note.id)}`, { text: 'Versie uit de chat', rev: 1 });
    expect(chat.status).toBe(200);
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    await status().filter({ hasText: /gewijzigd/ }).waitFor();
    const item = page.locator(`#notes > li[data-note-id="${note.id}"]`);
    // Her own words stay in the editor; the newer stored version stands beside them.
    await item.getByText('Versie uit de chat').waitFor();
    expect(await item.getByLabel('Tekst van de notitie').inputValue()).toBe(MINE);
    expect(await axeProblems(page)).toEqual([]);
    // She keeps hers: saved over the newer version, with that version's revision.
    await item.getByRole('button', { name: 'Mijn tekst eroverheen bewaren' }).click();
    await status().filter({ hasText: /^Bewaard\.$/ }).waitFor(); // exact: the conflict text says "nog niet bewaard."
    await noteWith(MINE).waitFor();
    expect(await personal(`c.id = '${note.id}'`)).toEqual([expect.objectContaining({ text: MINE, rev: 3 })]);
  });

  it('keeping the newer version instead shows it, and drops nothing else', async () => {
    const note = await (await api('POST', '/notes', { text: 'Tweede notitie', key: 'tab-forms-0002' })).json();
    await fresh();
    await noteWith('Tweede notitie').getByRole('button', { name: 'Bewerken' }).click();
    await page.getByLabel('Tekst van de notitie').fill('Mijn versie');
    expect((await api('PUT', `/notes/${encodeURIComponent(note.id)}`, { text: 'Nieuwere versie uit de chat', rev: 1 })).status).toBe(200);
    await page.getByRole('button', { name: 'Bewaren', exact: true }).click();
    const item = page.locator(`#notes > li[data-note-id="${note.id}"]`);
    await item.getByRole('button', { name: 'Nieuwste versie houden' }).click();
    await item.getByRole('button', { name: 'Bewerken' }).waitFor();
    expect(await item.locator('p.pre').innerText()).toBe('Nieuwere versie uit de chat');
    expect(await personal(`c.id = '${note.id}'`)).toEqual([expect.objectContaining({ text: 'Nieuwere versie uit de chat', rev: 2 })]);
  });

  it('does not delete a note that was changed in the chat after the tab showed it, and shows the newest text', async () => {
    const note = await (await api('POST', '/notes', { text: 'Te verwijderen notitie', key: 'tab-forms-0003' })).json();
    await fresh();
    const item = page.locator(`#notes > li[data-note-id="${note.id}"]`);
    await item.getByRole('button', { name: 'Verwijderen' }).click();
    // Meanwhile the note is changed from the chat.
    expect((await api('PUT', `/notes/${encodeURIComponent(note.id)}`, { text: 'Aangevuld in de chat, toch bewaren', rev: 1 })).status).toBe(200);
    await item.getByRole('button', { name: 'Ja, verwijderen' }).click();
    expect(await said()).toMatch(/niet verwijderd/);
    await item.getByText('Aangevuld in de chat, toch bewaren').waitFor();
    expect(await personal(`c.id = '${note.id}'`)).toEqual([expect.objectContaining({ text: 'Aangevuld in de chat, toch bewaren', rev: 2 })]);
    expect(await axeProblems(page)).toEqual([]);
  });

  it('saves one note when "Notitie toevoegen" is double-clicked', async () => {
    await fresh();
    await page.getByLabel('Nieuwe notitie').fill('Dubbelklik-notitie');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).dblclick();
    await noteWith('Dubbelklik-notitie').first().waitFor();
    await page.waitForLoadState('networkidle');
    expect(await personal("c.type = 'note' AND c.text = 'Dubbelklik-notitie'")).toHaveLength(1);
  });

  it('saves one note when the answer to "Notitie toevoegen" is lost and it is pressed again', async () => {
    await fresh();
    // The server stores the first request, but its answer never reaches the page.
    let lost = 0;
    await page.route('**/api/verantwoording/notes', async (route) => {
      if (lost++ > 0) return route.continue();
      await route.fetch();
      await route.abort('connectionreset');
    });
    try {
      await page.getByLabel('Nieuwe notitie').fill('Notitie met verloren antwoord');
      await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
      expect(await said()).toMatch(/Bewaren lukte niet/);
      expect(await page.getByLabel('Nieuwe notitie').inputValue()).toBe('Notitie met verloren antwoord');
      await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
      await noteWith('Notitie met verloren antwoord').waitFor();
    } finally {
      await page.unroute('**/api/verantwoording/notes');
    }
    expect(await personal("c.type = 'note' AND c.text = 'Notitie met verloren antwoord'")).toHaveLength(1);
  });

  it('disables "Notitie toevoegen" while the note is being saved, and a next note gets its own key', async () => {
    await fresh();
    // Hold the request until the button has been seen disabled.
    let release!: () => void;
    const held = new Promise<void>((r) => (release = r));
    await page.route('**/api/verantwoording/notes', async (route) => {
      await held;
      await route.continue();
    });
    try {
      await page.getByLabel('Nieuwe notitie').fill('Notitie A');
      const button = page.getByRole('button', { name: 'Notitie toevoegen' });
      await button.click();
      await page.waitForFunction(() => [...document.querySelectorAll('button')].some((b) => b.textContent === 'Notitie toevoegen' && b.disabled));
      release();
      await noteWith('Notitie A').waitFor();
    } finally {
      await page.unroute('**/api/verantwoording/notes');
    }
    await page.getByLabel('Nieuwe notitie').fill('Notitie B');
    await page.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await noteWith('Notitie B').waitFor();
    expect((await personal("c.type = 'note' AND (c.text = 'Notitie A' OR c.text = 'Notitie B')")).map((n) => n.text).sort()).toEqual(['Notitie A', 'Notitie B']);
  });
});
