/**
 * Stop 54: the professional chooses which of their teams' B3-spiegel their manager's prep card
 * shows. DOMAIN.md: the prep card shows "only what that report shared ... and the team's
 * B3-spiegel aggregate"; the professional owns their story, and the app never decides about a
 * person where they can do it themselves.
 * - By default the card shows only a team whose roster lists both Anna and Mia (Zorgteam Noord),
 *   not a team Mia is not in (the works council);
 * - Anna's preview lists both teams with a toggle each; her choice overrides the default, both
 *   ways, is stored once in her own partition (a press Teams delivers again stores nothing), and
 *   reaches Mia's next card, the card already in Mia's chat, and nothing of a team she switched off
 *   reaches the card, its rebuild or the AI summary's input;
 * - the preview shows exactly the B3 block Mia's card shows; the cards pass the Adaptive Cards
 *   schema and Teams' limits, in Dutch and English; export lists the choice, erasure removes it.
 */
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';
import { documentProblems } from '../../src/store/document-schemas';
import { exportMyData } from '../../src/usecases/verantwoording/my-data';
import { addNote } from '../../src/usecases/verantwoording/notes';
import { execute } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { PulseDriver } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { eraseInChat, PersonalChat, verantwoordingDeps } from '../verantwoording/support';
import { anna, mia, NOORD_LINE, noord, planAnnasReview, prepDirectory, raad, SAVE, saveData, seedPollsAndNote, toggles } from './support/prep-team-choices';

const RAAD_LINE = 'Boeien 25, Binden 25, Behouden 25';

/** The B3 block of a prep card's text: from its heading to the next section. */
function b3Block(text: string): string {
  const from = text.search(/B3-spiegel van het team|The team's B3 mirror/);
  const to = text.search(/Fase in het leren|Phase in learning/);
  return text.slice(from, to);
}

describe('the professional chooses which teams\' B3-spiegel their manager\'s prep card shows', () => {
  let t: TestApp;
  let ai: FakeAzureOpenAi;
  let reviewId = '';
  const miaChat = () => t.conversation('personal', 'a:personal-mia');
  const annaChat = () => new PersonalChat(t, anna);
  const managerCard = async () => (await t.send(execute(miaChat(), mia, 'review.prep.show', { reviewId }, 'list-card'))).body.value;
  const preview = async () => (await annaChat().say('wat ziet mijn leidinggevende')).cards[0];
  const choicesDoc = async () =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.userId = 'aad-anna' AND c.type = 'prepTeamChoices'" }, { partitionKey: 'aad-anna' }).fetchAll()).resources;
  /** What the app sent Azure OpenAI for prep summaries from request `from` on. */
  const summaryPrompts = (from: number) => ai.requests.slice(from).map((r) => JSON.stringify(r.body)).filter((b) => b.includes('shared-items'));

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    const directory = prepDirectory();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    const pulse = new PulseDriver(t);
    await pulse.install(noord);
    await pulse.install(raad);
    await seedPollsAndNote(t);
    t.clock.set('2026-11-27T10:00:00Z');
    reviewId = await planAnnasReview(t, miaChat());
  });
  afterAll(async () => {
    await t.stop();
    await ai.close();
  });

  it('by default shows the team Anna and Mia share, not the team Mia is not in', async () => {
    const card = await managerCard();
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(NOORD_LINE);
    expect(text).not.toContain('Ondernemingsraad');
    expect(text).not.toContain(RAAD_LINE);
  });

  it('lists every team of Anna on her preview, each with a toggle set as the card shows it, below exactly the manager\'s B3 block', async () => {
    const card = await preview();
    expect(cardProblems(card)).toEqual([]);
    expect(toggles(card).map(({ title, value }) => [title, value])).toEqual([
      ['Toon de B3-spiegel van Ondernemingsraad aan mijn leidinggevende', 'false'],
      ['Toon de B3-spiegel van Zorgteam Noord aan mijn leidinggevende', 'true'],
    ]);
    const text = cardText(card);
    expect(text).toContain('Standaard uit: je leidinggevende zit niet in dit team.');
    expect(text).toContain('Standaard aan: je leidinggevende zit ook in dit team.');
    expect(b3Block(text)).toBe(b3Block(cardText(await managerCard())));
    expect(b3Block(text)).not.toContain('Ondernemingsraad');
  });

  it('Anna switches the other team on: stored once in her partition, Mia\'s next card and the card in her chat show it', async () => {
    const data = saveData(await preview(), { Ondernemingsraad: true });
    t.proxy!.reset();
    const press = execute(annaChat().conv, anna, SAVE, data, 'preview-card');
    const first = (await t.send(press)).body.value;
    // Her choices are read and written in her own partition: no fan-out over every partition. (The
    // B3 block's lookup of a team's latest closed poll queries the polls container by tenant on
    // every prep render, as before this stop; a team not shown is not even looked up.)
    expect(t.proxy!.seen.filter((r) => r.crossPartition && r.container !== 'polls')).toEqual([]);
    expect(cardProblems(first)).toEqual([]);
    expect(cardText(first)).toContain('Je keuze is bewaard.');
    expect(b3Block(cardText(first))).toContain(`Ondernemingsraad: ${RAAD_LINE}`);
    const [stored] = await choicesDoc();
    expect(documentProblems('personal', stored)).toEqual([]);
    expect(stored).toMatchObject({ rev: 1, teams: [{ teamId: raad.id, shown: true }] });
    // Teams delivers the same press again (the same activity): nothing is stored twice.
    const again = (await t.send(press)).body.value;
    expect(cardText(again)).toContain('Je keuze is bewaard.');
    const [after] = await choicesDoc();
    expect(after._etag).toBe(stored._etag);
    expect(after.rev).toBe(1);
    // The card Mia opened from her list is rebuilt in her chat, and her next card shows both teams.
    await t.app.outbox.drain(60_000);
    expect(b3Block(cardText(t.connector.latest('list-card')))).toContain(`Ondernemingsraad: ${RAAD_LINE}`);
    const text = cardText(await managerCard());
    expect(text).toContain('De B3-spiegel van 2 teams van Anna:');
    expect(text).toContain(`Ondernemingsraad: ${RAAD_LINE}`);
    expect(text).toContain(`Zorgteam Noord: ${NOORD_LINE}`);
  });

  it('a press from an older view stores nothing, and comes back with Anna\'s toggles and why', async () => {
    const old = await preview();
    const fresh = await preview();
    await annaChat().press(SAVE, saveData(fresh, { 'Zorgteam Noord': false }));
    const [before] = await choicesDoc();
    expect(before.rev).toBe(2);
    // The older card still shows Noord on: switching the works council off from it is refused.
    const refused = await annaChat().press(SAVE, saveData(old, { Ondernemingsraad: false }));
    expect(cardText(refused)).toContain('Niet bewaard: je keuze is intussen op een andere kaart veranderd.');
    expect(toggles(refused).map((tg) => tg.value)).toEqual(['false', 'true']);
    const [after] = await choicesDoc();
    expect(after._etag).toBe(before._etag);
    // Put back as it was for the tests below: the works council on, Noord off.
    await annaChat().press(SAVE, saveData(await preview(), { Ondernemingsraad: true, 'Zorgteam Noord': false }));
    expect((await choicesDoc())[0].teams).toEqual(expect.arrayContaining([expect.objectContaining({ teamId: noord.id, shown: false }), expect.objectContaining({ teamId: raad.id, shown: true })]));
  });

  it('Anna switched the shared team off: it is gone from Mia\'s card, its rebuild, and the AI summary\'s input', async () => {
    await t.app.outbox.drain(60_000);
    const rebuilt = cardText(t.connector.latest('list-card'));
    expect(rebuilt).not.toContain('Zorgteam Noord');
    expect(rebuilt).not.toContain(NOORD_LINE);
    // Something new shared: the next render asks the model for a summary of it.
    await addNote(verantwoordingDeps(t.cosmos), 'aad-anna', { key: 'n2', text: 'Anna wil een training plannen volgen', shared: true });
    const from = ai.requests.length;
    ai.script({ kind: 'success', content: 'Anna wil leren roosteren en plannen.' });
    const card = await managerCard();
    const text = cardText(card);
    expect(text).toContain('Anna wil leren roosteren en plannen.');
    expect(text).not.toContain('Zorgteam Noord');
    expect(text).not.toContain(NOORD_LINE);
    expect(text).toContain(RAAD_LINE);
    const prompts = summaryPrompts(from);
    expect(prompts).toHaveLength(1);
    expect(prompts[0]).toContain('Anna wil een training plannen volgen');
    expect(prompts[0]).not.toContain('Zorgteam Noord');
    expect(prompts[0]).not.toContain('Boeien');
    // Her preview shows the very same B3 block.
    expect(b3Block(cardText(await preview()))).toBe(b3Block(text));
  });

  it('speaks English to an English reader, and passes the schema and Teams\' limits', async () => {
    const chat = annaChat();
    await chat.say('taal en');
    try {
      const card = (await chat.say('what does my manager see')).cards[0];
      expect(cardProblems(card)).toEqual([]);
      const text = cardText(card);
      expect(text).toContain('Which teams does your manager see?');
      expect(toggles(card).map((tg) => tg.title)).toEqual(['Show the B3 mirror of Ondernemingsraad to my manager', 'Show the B3 mirror of Zorgteam Noord to my manager']);
      expect(text).toContain('Your choice: on.');
      expect(text).toContain('Your choice: off.');
      const saved = await chat.press(SAVE, saveData(card, { 'Zorgteam Noord': true }));
      expect(cardProblems(saved)).toEqual([]);
      expect(cardText(saved)).toContain('Your choice is saved.');
    } finally {
      await chat.say('taal nl');
    }
    const miaEnglish = new PersonalChat(t, mia);
    await miaEnglish.say('taal en');
    try {
      const card = await managerCard();
      expect(cardProblems(card)).toEqual([]);
      expect(cardText(card)).toContain("The B3 mirror of 2 of Anna's teams:");
    } finally {
      await miaEnglish.say('taal nl');
    }
  });

  it('while her erasure is unfinished, a press stores nothing and comes back with her toggles and why', async () => {
    const card = await preview();
    const ticket = { id: erasureTicketId('aad-anna'), type: 'erasureTicket', userId: 'aad-anna', marker: 'erased-0000abcd', createdAt: t.clock.now().toISOString() };
    await t.store.container('personal').items.create(ticket);
    try {
      const [before] = await choicesDoc();
      const refused = await annaChat().press(SAVE, saveData(card, { Ondernemingsraad: false }));
      expect(cardProblems(refused)).toEqual([]);
      expect(cardText(refused)).toContain('Niet bewaard: je gegevens worden op dit moment gewist');
      expect(toggles(refused).map((tg) => tg.value)).toEqual(['false', 'true']);
      expect((await choicesDoc())[0]._etag).toBe(before._etag);
    } finally {
      await t.store.container('personal').item(ticket.id, 'aad-anna').delete();
    }
  });

  it('lists the choice in Anna\'s export, and her erasure removes it', async () => {
    const exported = await exportMyData(verantwoordingDeps(t.cosmos), 'aad-anna', 'nl');
    expect(exported.prepTeamChoices).toEqual(expect.arrayContaining([expect.objectContaining({ teamId: raad.id, shown: true }), expect.objectContaining({ teamId: noord.id, shown: true })]));
    await eraseInChat(t, anna);
    expect(await choicesDoc()).toEqual([]);
  });
});
