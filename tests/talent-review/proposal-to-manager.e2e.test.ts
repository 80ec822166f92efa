/**
 * A member puts a proposal their group adopted before their own manager (seeds: the professional
 * accounts for "welke voorstellen voor verbeteringen en innovaties" their learning time produced,
 * and brings "zijn eerder ingebrachte voorstellen" into the talentontwikkelgesprek). Before, an
 * adopted proposal stayed in the group's record: no manager heard of it.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Anna, Bram and Cem are a group that adapts a
 * proposal in its own words (group A), and another group of theirs rejects one (group B); Dewi,
 * Eva and Finn adapt one in a group Anna is not in (group C). Mia manages Anna and Bram and chose
 * English; Olga manages Mia (so the directory knows Mia's name); Cem has no manager.
 * 1. Anna opens Mijn verantwoording: one button, under A's proposal (none under B's); it opens a
 *    form in her chat that names Mia and previews exactly Mia's card (the group's words, reason;
 *    since stop 49 not the first step, which stays with the group; no other member's name or
 *    answer); she adds words (with Markdown) and sends.
 *    Mia gets one card in English; she answers; Anna gets the answer in Dutch in her chat and
 *    the overview shows "Voorgelegd aan Mia op ..." with the answer.
 * 2. Anna's send press delivered again: one record, one card for Mia. Mia's answer press delivered
 *    again: one notice for Anna. A second answer replaces the first and Anna is told again.
 * 3. B's rejected proposal and C's proposal (a group Anna is not in): refused, nothing stored.
 * 4. Words over the limit: the form comes back with them and the reason next to the field; nothing stored.
 * 5. Mia's card names no other member and holds no other answer; the log holds no words and no names.
 * 6. Bram pressing Mia's answer button (a forwarded card): refused, nothing stored.
 * Cem, with no manager, is told so, and nothing is stored.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData, field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const mia = user('Mia');
const ANSWERS = ['Overdracht', 'BRAM-ANTWOORD info raakt kwijt', 'CEM-ANTWOORD geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const OWN_WORDS = 'EIGEN-WOORDEN: de overdracht doen we samen aan het bed.';
const REASON = 'REDEN: iedereen hoort hetzelfde';
const FIRST_STEP = 'EERSTE-STAP: rooster aanpassen';
const WORDS = 'Ik zou hier graag *steun* bij krijgen, zie [dit](https://example.org)';
const ANSWER = 'I will free an hour a week for this; let us talk on Friday.';
const MANAGER_CARD = /A proposal for you|Een voorstel voor jou/;
const NOTICE = /Antwoord op je voorstel|An answer to your proposal/;

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-olga', name: 'Olga' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
}

/** The data of every button with this verb on a card. */
function allButtons(card: unknown, verb: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'Action.Execute' && o.verb === verb) found.push(o.data as Record<string, unknown>);
    else Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

/** Whether a TextRun (never read as Markdown) shows exactly `text`. */
function hasTextRun(card: unknown, text: string): boolean {
  return JSON.stringify(card).includes(JSON.stringify({ type: 'TextRun', text }).slice(1, -1));
}

/** The TextBlocks (read as Markdown) whose text holds `text`. */
function markdownBlocksWith(card: unknown, text: string): unknown[] {
  const found: unknown[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string' && o.text.includes(text)) found.push(o);
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('a member puts an adopted proposal before their own manager', () => {
  let t: TestApp;
  let groupA: { groupId: string; proposalId: string };
  let groupB: { groupId: string; proposalId: string };
  let groupC: { groupId: string; proposalId: string };
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)?.card;
  /** Cards the outbox sent to a person's 1:1 chat, opened with their directory id. */
  const cardsTo = (aadId: string, kind: RegExp) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => kind.test(cardText(card)));
  const records = async (userId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'proposalToManager'", parameters: [] }, { partitionKey: userId }).fetchAll()).resources;
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;
  const overview = async (who: TestUser) => {
    await t.send(message(chat(who), who, 'verantwoording'));
    return lastCardIn(who);
  };

  /** A group of three that judges its proposal and decides on it, its session then closed. */
  async function decidedGroup(chatId: string, members: TestUser[], decision: Record<string, string>) {
    const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Goed te doen' });
    await g.press(members[2]!, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: REASON, ...decision });
    const stored = (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;
    expect(stored.decision.verdict).toBe(decision.decision);
    await g.end(members[0]);
    return { groupId: g.groupId, proposalId };
  }

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    await t.send(message(chat(mia), mia, 'taal en'));
    groupA = await decidedGroup('19:ptm-a@thread.v2', [anna, bram, cem], { decision: 'adapt', adoptedText: OWN_WORDS, firstStep: FIRST_STEP });
    groupB = await decidedGroup('19:ptm-b@thread.v2', [anna, bram, cem], { decision: 'reject', adoptedText: '', firstStep: '' });
    groupC = await decidedGroup('19:ptm-c@thread.v2', [dewi, eva, finn], { decision: 'adapt', adoptedText: 'C-WOORDEN: iets anders', firstStep: 'C-STAP' });
  }, 120_000);
  afterAll(() => t?.stop());

  let managerCard: unknown;

  it('previews Mia\'s card in Anna\'s chat, sends it once, and Mia gets it in English with nobody else named', async () => {
    const mine = await overview(anna);
    expect(cardProblems(mine)).toEqual([]);
    // One button: under A's adapted proposal, none under B's rejected one.
    const buttons = allButtons(mine, 'review.proposalToManager.open');
    expect(buttons).toEqual([{ groupId: groupA.groupId, proposalId: groupA.proposalId }]);

    const form = await press(anna, 'review.proposalToManager.open', { ...buttons[0], text: 'mijn halve notitie' });
    expect(cardProblems(form)).toEqual([]);
    const preview = cardText(form);
    expect(preview).toContain('Gaat naar Mia');
    expect(preview).toContain('je groep heeft hier niet over besloten');
    for (const shown of [OWN_WORDS, REASON]) expect(preview).toContain(shown);
    // The first step names who does what: it stays with the group (stop 49), and the form says so.
    expect(preview).not.toContain(FIRST_STEP);
    expect(preview).toContain('De eerste stap (wie doet wat, wanneer) blijft in de groep.');
    for (const hidden of ['Bram', 'Cem', 'BRAM-ANTWOORD', 'CEM-ANTWOORD']) expect(preview).not.toContain(hidden);
    // The overview's unsaved note travels along and back.
    expect(buttonData(form, 'review.proposalToManager.send').draft).toBe('mijn halve notitie');

    const logsFrom = t.logs.length;
    const send = { ...buttonData(form, 'review.proposalToManager.send'), words: WORDS };
    const sent = await press(anna, 'review.proposalToManager.send', send, 'anna-send-press');
    expect(cardText(sent)).toContain('Je hebt dit voorstel voorgelegd aan Mia.');
    expect(cardProblems(sent)).toEqual([]);
    // Teams delivers the same press again: one record, one card.
    expect(cardText(await press(anna, 'review.proposalToManager.send', send, 'anna-send-press'))).toContain('voorgelegd aan Mia');
    await t.app.outbox.drain(60_000);
    expect(await records('aad-anna')).toHaveLength(1);

    const cards = cardsTo('aad-mia', MANAGER_CARD);
    expect(cards).toHaveLength(1);
    managerCard = cards[0];
    const text = cardText(managerCard);
    expect(text).toContain('Anna puts before you a proposal their group adopted.');
    expect(text).toContain('the group did not decide this');
    for (const shown of [OWN_WORDS, REASON]) expect(hasTextRun(managerCard, shown)).toBe(true);
    expect(text).not.toContain(FIRST_STEP);
    expect(hasTextRun(managerCard, WORDS)).toBe(true);
    expect(markdownBlocksWith(managerCard, 'steun')).toEqual([]);
    for (const hidden of ['Bram', 'Cem', 'BRAM-ANTWOORD', 'CEM-ANTWOORD', 'Overdracht', 'energie', 'energy']) expect(text).not.toContain(hidden);
    expect(cardProblems(managerCard as object)).toEqual([]);
    expect(buttonData(managerCard, 'review.plan.open')).toEqual({ reportId: 'aad-anna' });

    const logged = t.logs.slice(logsFrom).join('\n');
    for (const personal of ['Anna', 'aad-anna', 'Mia', 'aad-mia', 'steun', 'EIGEN-WOORDEN']) expect(logged).not.toContain(personal);
  });

  it('refuses Bram pressing Mia\'s answer button, and stores nothing', async () => {
    const refused = await press(bram, 'review.proposalToManager.answer', { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: 'Ik antwoord namens Mia' });
    expect(cardText(refused)).toContain('Alleen de leidinggevende aan wie dit voorstel is voorgelegd');
    const [record] = await records('aad-anna');
    expect(record.answer).toBeUndefined();
  });

  it('takes Mia\'s answer once, tells Anna in Dutch, and shows it on her overview', async () => {
    const answerData = { ...buttonData(managerCard, 'review.proposalToManager.answer'), answer: ANSWER };
    const logsFrom = t.logs.length;
    const answered = await press(mia, 'review.proposalToManager.answer', answerData, 'mia-answer-press');
    expect(cardText(answered)).toContain('Your answer was sent.');
    expect(cardProblems(answered)).toEqual([]);
    await press(mia, 'review.proposalToManager.answer', answerData, 'mia-answer-press');
    await t.app.outbox.drain(60_000);
    expect(t.logs.slice(logsFrom).join('\n')).not.toContain('Friday');

    const notices = cardsTo('aad-anna', NOTICE);
    expect(notices).toHaveLength(1);
    expect(cardText(notices[0])).toContain('Mia antwoordt op het voorstel dat je voorlegde:');
    expect(hasTextRun(notices[0], ANSWER)).toBe(true);
    expect(cardProblems(notices[0])).toEqual([]);

    const mine = await overview(anna);
    expect(cardText(mine)).toContain('Voorgelegd aan Mia op 23 nov 2026');
    expect(hasTextRun(mine, ANSWER)).toBe(true);
    expect(cardProblems(mine)).toEqual([]);

    // A second answer, from the card Mia got back: it replaces the first, and Anna is told again.
    const again = await press(mia, 'review.proposalToManager.answer', { ...buttonData(answered, 'review.proposalToManager.answer'), answer: 'Changed my mind: Thursday.' });
    expect(cardText(again)).toContain('Changed my mind: Thursday.');
    await t.app.outbox.drain(60_000);
    expect(cardsTo('aad-anna', NOTICE)).toHaveLength(2);
    const [record] = await records('aad-anna');
    expect(record.answer.text).toBe('Changed my mind: Thursday.');
    expect(documentProblems('personal', record)).toEqual([]);
  });

  it('refuses a rejected proposal and one of a group Anna is not in, storing nothing', async () => {
    const jobs = await outboxJobs();
    for (const [ids, why] of [
      [groupB, 'Alleen een voorstel dat je groep heeft aangenomen of aangepast'],
      [groupC, 'geen voorstel waaraan jij hebt bijgedragen'],
    ] as const) {
      const opened = await press(anna, 'review.proposalToManager.open', ids);
      expect(cardText(opened)).toContain(why);
      expect(() => buttonData(opened, 'review.proposalToManager.send')).toThrow();
      const sent = await press(anna, 'review.proposalToManager.send', { ...ids, words: 'Toch graag', k: `crafted-${ids.groupId}` });
      expect(cardText(sent)).toContain(why);
      expect(cardProblems(sent)).toEqual([]);
    }
    expect(await records('aad-anna')).toHaveLength(1);
    expect(await outboxJobs()).toBe(jobs);
  });

  it('gives over-long words back with the reason next to the field, and stores nothing', async () => {
    const form = await press(anna, 'review.proposalToManager.open', groupA);
    const tooLong = 'Dit voorstel verdient echt jouw aandacht. '.repeat(25).trimEnd(); // 1049 characters
    const jobs = await outboxJobs();
    const refused = await press(anna, 'review.proposalToManager.send', { ...buttonData(form, 'review.proposalToManager.send'), words: tooLong });
    expect(field(refused, 'words')).toEqual({ value: tooLong, next: `Hoogstens 1.000 tekens; dit zijn er ${tooLong.length.toLocaleString('nl-NL')}.` });
    expect(cardText(refused)).toContain('Nog niet verstuurd');
    expect(cardText(refused)).toContain(OWN_WORDS);
    expect(buttonData(refused, 'review.proposalToManager.send')).toBeDefined();
    expect(cardProblems(refused)).toEqual([]);
    expect(await records('aad-anna')).toHaveLength(1);
    expect(await outboxJobs()).toBe(jobs);
  });

  it('tells Cem, who has no manager, so, and stores nothing', async () => {
    const form = await press(cem, 'review.proposalToManager.open', groupA);
    expect(cardText(form)).toContain('geen leidinggevende');
    const sent = await press(cem, 'review.proposalToManager.send', { ...groupA, k: 'cem-form' });
    expect(cardText(sent)).toContain('geen leidinggevende');
    expect(await records('aad-cem')).toHaveLength(0);
  });
});
