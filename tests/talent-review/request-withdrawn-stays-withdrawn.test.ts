/**
 * Stop 48 (from the reviewer's probe of b77c135): the professional's kept request for a
 * talentontwikkelgesprek, attacked:
 * - another's id withdraws nothing and shows nothing of it;
 * - a withdrawn request does not come back when the same send press arrives again (Teams
 *   redelivers it, or the form is still open elsewhere): the withdraw leaves a mark under the same
 *   id for three days (as a deleted note does), with no message and no manager; the send finds it,
 *   keeps and sends nothing, and says so (not "sent"; since stop 56), with the form and his words
 *   under a new press to ask anew; the export lists the mark as it lists a deleted note's;
 * - the error card means nothing is kept: the manager's card is queued first, then the record; a
 *   record write that fails shows the error card, and the retry keeps the record (the card once);
 * - a request answered by a plan (still in the export) can be withdrawn from "Wat ziet mijn
 *   leidinggevende?", which lists the kept requests newest first, a few, with how many more.
 *
 * Clock: Monday 23 November 2026, 09:00 Amsterdam. Mia manages Anna, Bram (English), Cem, Eva and Ida.
 */
import { execute, message, TestUser, user } from '../support/activities';
import { buttonData } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { documentProblems } from '../../src/store/document-schemas';
import { directoryFile } from './support/proposal-put-before';

const [anna, bram, cem, eva, ida, mia] = ['Anna', 'Bram', 'Cem', 'Eva', 'Ida', 'Mia'].map(user) as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const SEND = 'review.request.send';
const CONFIRM = 'review.request.confirmWithdraw';
const WITHDRAW = 'review.request.withdraw';
const ERROR = /Er ging iets mis|Dat lukte niet|Versturen lukte nu niet|Something went wrong/;

/** Every action verb on a card (actions and action sets in the body). */
function verbsOf(card: unknown): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (typeof o.verb === 'string') found.push(o.verb);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The data of every button with this verb, in card order. */
function allButtonData(card: unknown, verb: string): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) found.push(o.data as Record<string, unknown>);
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/** The titles of every Action.Execute with this verb, in card order. */
function executeTitles(card: unknown, verb: string): string[] {
  const found: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object') {
      const o = v as Record<string, unknown>;
      if (o.type === 'Action.Execute' && o.verb === verb) found.push(String(o.title));
      Object.values(o).forEach(walk);
    }
  };
  walk(card);
  return found;
}

describe('the professional\'s kept request: withdrawn stays withdrawn, nothing kept after an error, every kept one withdrawable', () => {
  let t: TestApp;
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => (await t.send(execute(chat(who), who, verb, data, 'card-1', activityId))).body.value;
  const lastCardIn = (who: TestUser) => t.connector.cards((c) => c.conversationId === chat(who).id).at(-1)?.card;
  const say = async (who: TestUser, text: string) => {
    await t.send(message(chat(who), who, text));
    return lastCardIn(who);
  };
  const preview = (who: TestUser) => say(who, 'wat ziet mijn leidinggevende');
  const openForm = (who: TestUser) => press(who, 'review.request.open', {});
  const ofType = async (type: string, userId: string) =>
    (await t.store.container('personal').items.query({ query: 'SELECT * FROM c WHERE c.type = @t AND c.userId = @u', parameters: [{ name: '@t', value: type }, { name: '@u', value: userId }] }).fetchAll()).resources as Record<string, unknown>[];
  const keptOf = (userId: string) => ofType('reviewRequest', userId);
  const own = (doc: Record<string, unknown>) => Object.fromEntries(Object.entries(doc).filter(([k]) => !k.startsWith('_')));
  const requestsTo = (aadId: string, who: string) =>
    t.connector.cards((c) => c.conversationId === t.connector.personalChats.get(aadId)).map((c) => cardText(c.card)).filter((text) => text.includes(`${who} vraagt`) || text.includes(`${who} requests`));
  const exportOf = async (userId: string) => {
    const { token } = await (await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId }) })).json();
    const res = await fetch(`${t.app.url}/api/verantwoording/export`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    return res.json();
  };

  beforeAll(async () => {
    const directory = directoryFile([
      { id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' },
      { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
      { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
      { id: 'aad-eva', name: 'Eva', managerId: 'aad-mia' },
      { id: 'aad-ida', name: 'Ida', managerId: 'aad-mia' },
      { id: 'aad-mia', name: 'Mia', managerId: 'aad-olga' },
      { id: 'aad-olga', name: 'Olga' },
    ]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
    await t.send(message(chat(bram), bram, 'taal en'));
  }, 120_000);
  afterAll(() => t.stop());

  it('holds: Bram cannot see or withdraw Anna\'s request with her record\'s id', async () => {
    await press(anna, SEND, { ...buttonData(await openForm(anna), SEND), text: 'Over mentorschap' });
    const [kept] = await keptOf('aad-anna');
    const confirm = await press(bram, CONFIRM, { id: kept!.id });
    expect(cardText(confirm)).not.toContain('mentorschap');
    expect(cardText(confirm)).not.toContain('Mia');
    await press(bram, WITHDRAW, { id: kept!.id });
    expect(await keptOf('aad-anna')).toHaveLength(1);
    expect(await ofType('reviewRequestWithdrawn', 'aad-anna')).toEqual([]);
  });

  it('a send press delivered again after the withdraw keeps and sends nothing, says so, and the mark holds no words and no manager', async () => {
    const form = await openForm(cem);
    const data = { ...buttonData(form, SEND), text: 'Graag een gesprek' };
    expect(cardText(await press(cem, SEND, data, 'cem-send'))).toContain('Je verzoek is naar Mia gestuurd.');
    // Mia got the card before Cem withdraws (one still waiting then would not go: request-withdrawn-before-its-card-went).
    await t.app.outbox.drain(60_000);
    const [kept] = await keptOf('aad-cem');
    const confirm = await press(cem, CONFIRM, buttonData(await preview(cem), CONFIRM));
    expect(cardText(await press(cem, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');
    expect(await keptOf('aad-cem')).toEqual([]);
    const marks = await ofType('reviewRequestWithdrawn', 'aad-cem');
    expect(marks.map(own)).toEqual([{ id: kept!.id, type: 'reviewRequestWithdrawn', userId: 'aad-cem', withdrawnAt: expect.stringMatching(/^2026-11-23T/), ttl: 3 * 24 * 3600 }]);
    expect(documentProblems('personal', marks[0]!)).toEqual([]);

    // The same press again (Teams redelivers it; or the form still open on his phone).
    const again = await press(cem, SEND, data, 'cem-send');
    expect(cardText(again)).toContain('Dit verzoek heb je ingetrokken; er is nu niets verstuurd en niets bewaard.');
    expect(cardText(again)).not.toContain('gestuurd.');
    expect(cardText(again)).not.toMatch(ERROR);
    expect(cardProblems(again)).toEqual([]);
    // His words stay in the form, under a new press: sending it is a new request, his to make.
    expect(JSON.stringify(again)).toContain('Graag een gesprek');
    expect(buttonData(again, SEND).k).not.toEqual(buttonData(form, SEND).k);
    expect(await keptOf('aad-cem')).toEqual([]);
    expect(cardText(await preview(cem))).not.toContain('Je vroeg');
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia', 'Cem')).toHaveLength(1);
    // A withdraw pressed again finds the mark: nothing withdrawn twice, no error.
    expect(cardText(await press(cem, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Dit verzoek staat niet (meer) bij je gegevens');

    // The export lists the mark as it lists a deleted note's: its id and when, nothing it said nor to whom.
    const reviews = (await exportOf('aad-cem')).talentReviews;
    expect(reviews.requestsMade).toBeUndefined();
    expect(reviews.requestsWithdrawn).toEqual([{ id: kept!.id, withdrawnAt: marks[0]!.withdrawnAt, keptUntil: new Date(Date.parse(marks[0]!.withdrawnAt as string) + 3 * 24 * 3600 * 1000).toISOString() }]);
    expect(JSON.stringify(reviews)).not.toContain('Graag een gesprek');
  });

  it('the error card means nothing is kept, whatever else the store fails; a failed record write is kept by the retry, and Mia gets one card', async () => {
    const form = await openForm(eva);
    const failed = await t.proxy!.withFaults(
      (r) => ((r.container === 'outbox' && r.kind === 'create') || (r.container === 'personal' && r.kind === 'delete') ? { kind: 'status', status: 503 } : undefined),
      () => press(eva, SEND, { ...buttonData(form, SEND), text: 'Eerste woorden' }),
    );
    expect(cardText(failed)).toContain('Versturen lukte nu niet');
    await t.app.outbox.drain(60_000);
    expect(cardText(await preview(eva))).not.toContain('Je vroeg');
    expect(await keptOf('aad-eva')).toEqual([]);

    // The card is queued, but the record cannot be written: the error card, nothing kept.
    const notKept = await t.proxy!.withFaults(
      (r) => (r.container === 'personal' && r.kind === 'create' ? { kind: 'status', status: 503 } : undefined),
      () => press(eva, SEND, { ...buttonData(failed, SEND), text: 'Eerste woorden' }),
    );
    expect(cardText(notKept)).toContain('Versturen lukte nu niet');
    expect(await keptOf('aad-eva')).toEqual([]);
    // The retry (same press key) queues nothing twice and keeps the record, with the words only
    // because the queued card carries these very words (since stop 56; other words: none kept).
    expect(cardText(await press(eva, SEND, { ...buttonData(notKept, SEND), text: 'Eerste woorden' }))).not.toMatch(ERROR);
    await t.app.outbox.drain(60_000);
    expect(requestsTo('aad-mia', 'Eva')).toEqual([expect.stringContaining('Eerste woorden')]);
    expect((await keptOf('aad-eva')).map(own)).toEqual([{ id: expect.any(String), type: 'reviewRequest', userId: 'aad-eva', managerId: 'aad-mia', sentAt: expect.any(String), message: 'Eerste woorden' }]);
  });

  it('a request answered by a plan, still in Anna\'s export, can be withdrawn from "Wat ziet mijn leidinggevende?"', async () => {
    await press(mia, 'review.plan.save', { reportId: 'aad-anna', date: '2026-12-14', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const [kept] = await keptOf('aad-anna');
    expect((await exportOf('aad-anna')).talentReviews.requestsMade).toEqual([expect.objectContaining({ id: kept!.id, message: 'Over mentorschap' })]);
    const reachable = [await preview(anna), await say(anna, 'gesprek aanvragen'), await say(anna, 'mijn gegevens')];
    expect(reachable.flatMap(verbsOf)).toContain(CONFIRM);

    t.proxy!.reset();
    const shown = await preview(anna);
    expect(t.proxy!.seen.filter((r) => r.crossPartition)).toEqual([]);
    expect(cardText(shown)).toContain('14 december');
    expect(cardText(shown)).toContain('Je eerdere verzoeken om een gesprek');
    expect(cardText(shown)).toContain('Aan Mia, op ma 23 november');
    // Not told she has an open request: it was answered.
    expect(cardText(shown)).not.toContain('Je vroeg');
    expect(cardProblems(shown)).toEqual([]);
    const confirm = await press(anna, CONFIRM, buttonData(shown, CONFIRM));
    expect(cardText(confirm)).toContain('Je vroeg Mia op ma 23 november om een gesprek.');
    expect(cardText(await press(anna, WITHDRAW, buttonData(confirm, WITHDRAW)))).toContain('Je verzoek is ingetrokken');
    expect(await keptOf('aad-anna')).toEqual([]);
    expect((await exportOf('aad-anna')).talentReviews.requestsMade).toBeUndefined();
    expect(cardText(await preview(anna))).not.toContain('Je eerdere verzoeken');
  });

  it('lists a few kept requests, newest first, each with Intrekken, and says how many more; the open one stays on top', async () => {
    for (const words of ['Een', 'Twee', 'Drie', 'Vier', 'Vijf']) await press(ida, SEND, { ...buttonData(await openForm(ida), SEND), text: words });
    const kept = await keptOf('aad-ida');
    expect(kept).toHaveLength(5);
    const newest = [...kept].sort((a, b) => String(b.sentAt).localeCompare(String(a.sentAt)) || String(a.id).localeCompare(String(b.id)));
    const shown = await preview(ida);
    expect(cardProblems(shown)).toEqual([]);
    // The open one (the latest) first, then three earlier ones, then how many more.
    const card = shown as { body: unknown[]; actions: unknown[] };
    expect(allButtonData(card.actions, CONFIRM).map((d) => d.id)).toEqual([newest[0]!.id]);
    expect(cardText(card.body[0])).toContain('Je vroeg Mia op ma 23 november om een gesprek.');
    expect(allButtonData(card.body, CONFIRM).map((d) => d.id)).toEqual(newest.slice(1, 4).map((r) => r.id));
    expect(cardText(shown)).toContain('En nog 1 eerder verzoek');
    expect(executeTitles(card.body, CONFIRM)).toEqual(['Intrekken', 'Intrekken', 'Intrekken']);
  });

  it('tells Bram in English about his earlier requests once Mia plans', async () => {
    await press(bram, SEND, { ...buttonData(await openForm(bram), SEND), text: 'Can we talk?' });
    await press(mia, 'review.plan.save', { reportId: 'aad-bram', date: '2026-12-16', timeZone: 'Europe/Amsterdam', prepDays: '3' });
    const shown = await preview(bram);
    expect(cardText(shown)).toContain('Your earlier requests for a conversation');
    expect(cardText(shown)).toContain('To Mia, on Mon 23 November');
    expect(cardText(shown)).not.toContain('You asked');
    expect(allButtonData(shown, CONFIRM)).toHaveLength(1);
    expect(cardProblems(shown)).toEqual([]);
  });
});
