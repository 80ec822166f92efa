/**
 * The professional asks their manager for a talentontwikkelgesprek (seed 001: "initiatief bij
 * professional"). Before, only the manager could plan one; the professional could only wait.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna, Cem and Eva; Olga manages Mia
 * and Bram; Dewi has no manager. Mia chose English; Bram chose English, Olga did not choose.
 * 1. Anna types `gesprek aanvragen`, writes a message with Markdown in it and sends: Mia gets one
 *    card in her own 1:1 chat, in English, naming Anna, showing the message as plain text and
 *    nothing of Anna's notes; its button opens the plan card with Anna chosen. Anna is told, in
 *    Dutch, that her request went to Mia. Nothing of it is logged by name, id or text.
 * 2. Dewi has no manager: told so, on the command and on a send, and nothing is queued.
 * 3. Cem's conversation is planned already: he is told the date, and Mia gets nothing.
 * 4. Eva's press delivered again sends once; a new form is a new request.
 * 5. A message over 500 characters comes back whole, with the reason next to it; nothing is sent.
 * 6. Bram (English) asks Olga (Dutch): his form, refusal and confirmation in English, her card in
 *    Dutch, and its button opens her plan card with Bram chosen.
 * 7. The button on "Wat ziet mijn leidinggevende?" is there with nothing planned, not with a plan.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData, field, inputValue } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem, dewi, eva, mia, olga] = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Mia', 'Olga'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const REQUEST = /vraagt een talentontwikkelgesprek aan|requests a talent development conversation/;
const ERROR = /Er ging iets mis|Something went wrong|niets verloren/i;

function directoryFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-olga' },
    { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
    { id: 'aad-dewi', name: 'Dewi' },
    { id: 'aad-olga', name: 'Olga' },
  ];
  writeFileSync(file, JSON.stringify({ users }));
  return file;
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

/** Whether a TextRun (never read as Markdown) shows exactly `text`. */
function hasTextRun(card: unknown, text: string): boolean {
  return JSON.stringify(card).includes(JSON.stringify({ type: 'TextRun', text }).slice(1, -1));
}

describe('the professional asks their manager for a talentontwikkelgesprek', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  /** The last card the bot posted in a person's chat (the answer to a typed command). */
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)?.card;
  /** The requests in a manager's 1:1 chat that the outbox opened with their directory id. */
  const requestsTo = (aadId: string) => t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => c.card).filter((card) => REQUEST.test(cardText(card)));
  const outboxJobs = async () => (await t.store.container('outbox').items.query("SELECT c.id FROM c WHERE c.type = 'outboxJob'").fetchAll()).resources.length;
  /** The form, opened with the typed command. */
  const openForm = async (who: TestUser, command = 'gesprek aanvragen') => {
    await t.send(message(chat(who), who, command));
    return lastCardIn(who);
  };

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() }, '2026-11-23T08:00:00Z');
    await t.send(message(chat(mia), mia, 'taal en'));
    await t.send(message(chat(bram), bram, 'taal en'));
  });
  afterAll(() => t.stop());

  it('sends Anna\'s request to Mia, in Mia\'s language, with her message as plain text, and the plan card one press away', async () => {
    await t.send(message(chat(anna), anna, 'notitie Mijn privé twijfel over het team'));
    const form = await openForm(anna);
    expect(cardText(form)).toContain('Talentontwikkelgesprek aanvragen');
    expect(cardProblems(form)).toEqual([]);

    const words = 'Ik wil het hebben over *mentorschap* en [dit](https://example.org)';
    const logsFrom = t.logs.length;
    const sent = await press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: words });
    expect(cardText(sent)).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(60_000);

    const requests = requestsTo('aad-mia');
    expect(requests).toHaveLength(1);
    const card = requests[0];
    expect(cardText(card)).toContain('Anna requests a talent development conversation.');
    expect(hasTextRun(card, words)).toBe(true);
    expect(markdownBlocksWith(card, 'mentorschap')).toEqual([]);
    expect(cardText(card)).not.toContain('twijfel');
    expect(cardProblems(card)).toEqual([]);
    // Nothing of who asked whom, nor what they wrote, in the log.
    const logged = t.logs.slice(logsFrom).join('\n');
    for (const personal of ['Anna', 'aad-anna', 'Mia', 'aad-mia', 'mentorschap']) expect(logged).not.toContain(personal);

    // Mia presses the card's button in her chat: the existing plan card, Anna chosen.
    const plan = await press(mia, 'review.plan.open', buttonData(card, 'review.plan.open'));
    expect(cardText(plan)).toContain('Plan a talent development conversation');
    expect(inputValue(plan, 'reportId')).toBe('aad-anna');
  });

  it('tells Dewi, who has no manager, so, and queues nothing', async () => {
    const answer = await openForm(dewi);
    expect(cardText(answer)).toContain('geen leidinggevende');
    expect(() => buttonData(answer, 'review.request.send')).toThrow();

    const before = await outboxJobs();
    const sent = await press(dewi, 'review.request.send', { text: 'Mag ik een gesprek?', k: 'dewi-old-form' });
    expect(cardText(sent)).toContain('geen leidinggevende');
    expect(cardText(sent)).not.toMatch(ERROR);
    expect(await outboxJobs()).toBe(before);
  });

  it('tells Cem the date of the conversation already planned, and sends Mia nothing', async () => {
    await press(mia, 'review.plan.save', { reportId: 'aad-cem', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    await t.app.outbox.drain(60_000);
    const before = requestsTo('aad-mia').length;

    const opened = await openForm(cem);
    expect(cardText(opened)).toContain('al gepland op ma 14 december');
    const sent = await press(cem, 'review.request.send', { text: 'Kunnen we praten?', k: 'cem-form' });
    expect(cardText(sent)).toContain('Je talentontwikkelgesprek is al gepland op ma 14 december, dus er is niets verstuurd.');
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia')).toHaveLength(before);
  });

  it('sends Eva\'s request once when Teams delivers her press again, and again from a new form', async () => {
    const eva1 = (card: unknown) => cardText(card).includes('Eva requests');
    const form = await press(eva, 'review.request.open', {});
    const key = buttonData(form, 'review.request.send').k;
    expect(key).toEqual(expect.any(String));
    const data = { k: key, text: 'Graag voor de kerst' };
    expect(cardText(await press(eva, 'review.request.send', data, 'eva-press'))).toContain('Je verzoek is naar Mia gestuurd.');
    await t.app.outbox.drain(60_000);
    expect(cardText(await press(eva, 'review.request.send', data, 'eva-press'))).not.toMatch(ERROR);
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia').filter(eva1)).toHaveLength(1);

    // A new form is a new request: the professional decides to ask again.
    const again = await press(eva, 'review.request.open', {});
    expect(buttonData(again, 'review.request.send').k).not.toBe(key);
    await press(eva, 'review.request.send', { ...buttonData(again, 'review.request.send'), text: 'Nog een keer' });
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia').filter(eva1)).toHaveLength(2);
  });

  it('gives a message over 500 characters back whole, with the reason next to it, and sends nothing', async () => {
    const form = await openForm(anna);
    const tooLong = 'Ik wil graag praten over mijn ontwikkeling. '.repeat(14); // 616 characters, 615 as stored (the trailing space trimmed)
    const before = await outboxJobs();
    const refused = await press(anna, 'review.request.send', { ...buttonData(form, 'review.request.send'), text: tooLong });
    expect(field(refused, 'text')).toEqual({ value: tooLong, next: `Hoogstens 500 tekens; dit zijn er ${tooLong.trim().length}.` });
    expect(cardText(refused)).toContain('Nog niet verstuurd');
    expect(buttonData(refused, 'review.request.send')).toBeDefined();
    expect(cardProblems(refused)).toEqual([]);
    expect(await outboxJobs()).toBe(before);
  });

  it('lets Bram ask in English while Olga gets his request in Dutch, with the plan card for him', async () => {
    const form = await openForm(bram, 'request conversation');
    expect(cardText(form)).toContain('Request a talent development conversation');
    const send = buttonData(form, 'review.request.send');

    const refused = await press(bram, 'review.request.send', { ...send, text: 'x'.repeat(501) });
    expect(field(refused, 'text')).toEqual({ value: 'x'.repeat(501), next: 'At most 500 characters; this is 501.' });

    const sent = await press(bram, 'review.request.send', { ...buttonData(refused, 'review.request.send'), text: 'Can we talk about mentoring?' });
    // Olga is at the top of the directory: the confirmation cannot name her, and says "your manager".
    expect(cardText(sent)).toContain('Your request was sent to your manager.');
    expect(cardText(sent)).toContain('Can we talk about mentoring?');
    await t.app.outbox.drain(60_000);

    const [card, ...more] = requestsTo('aad-olga');
    expect(more).toEqual([]);
    expect(cardText(card)).toContain('Bram vraagt een talentontwikkelgesprek aan.');
    expect(cardText(card)).toContain('Gesprek plannen');
    const plan = await press(olga, 'review.plan.open', buttonData(card, 'review.plan.open'));
    expect(cardText(plan)).toContain('Talentontwikkelgesprek plannen');
    expect(inputValue(plan, 'reportId')).toBe('aad-bram');
  });

  it('offers the request on "Wat ziet mijn leidinggevende?" with nothing planned, and not with a plan', async () => {
    await t.send(message(chat(eva), eva, 'wat ziet mijn leidinggevende'));
    const open = buttonData(lastCardIn(eva), 'review.request.open');
    expect(cardText(await press(eva, 'review.request.open', open))).toContain('Talentontwikkelgesprek aanvragen');

    await t.send(message(chat(cem), cem, 'wat ziet mijn leidinggevende'));
    expect(() => buttonData(lastCardIn(cem), 'review.request.open')).toThrow();
  });
});
