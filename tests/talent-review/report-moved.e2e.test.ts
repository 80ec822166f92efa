import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PREP_MANAGER_CHECK_JOB } from '../../src/usecases/talent-review/prep-manager-check';
import { execute, submit, user } from '../support/activities';
import { buttonData, field, inputValues } from '../support/card-fields';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A report who moves to another manager while the manager's card is open: the refused plan keeps
 * what was typed and never swaps in another report, a typed account survives the daily check that
 * withdraws the prep, and nothing tells a peer whether the person exists. Also the Action.Submit
 * fallback in the personal chat. Clock: Monday 23 November 2026.
 */
const mia = user('Mia');
const nina = user('Nina');
const kees = user('Kees');
const ORG = {
  users: [
    { id: 'aad-anna', name: 'Anna Annadottir', managerId: 'aad-mia' },
    { id: 'aad-bram', name: 'Bram Brammetje', managerId: 'aad-mia' },
    { id: 'aad-otto', name: 'Otto Ottersen', managerId: 'aad-nina' },
    { id: 'aad-mia', name: 'Mia' },
    { id: 'aad-nina', name: 'Nina' },
    { id: 'aad-kees', name: 'Kees' },
    { id: 'aad-karel', name: 'Karel Karelsen', managerId: 'aad-kees' },
  ],
};
const moved = (id: string, to: string) => ({ users: ORG.users.map((u) => (u.id === id ? { ...u, managerId: to } : u)) });

describe('a report moved to another manager; the Submit fallback in the personal chat', () => {
  let t: TestApp;
  let directory = '';
  const chat = (who: { name: string }) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const press = async (who: typeof mia, verb: string, data: Record<string, unknown>, replyToId = 'card-1') => (await t.send(execute(chat(who), who, verb, data, replyToId))).body.value;
  const reviews = async () => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources;
  const plan = (change: Record<string, unknown> = {}) => ({ reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3', ...change });
  const org = (doc: unknown) => writeFileSync(directory, JSON.stringify(doc));

  beforeAll(async () => {
    directory = join(mkdtempSync(join(tmpdir(), 'probe-moved-')), 'directory.json');
    org(ORG);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z');
  }, 120_000);
  afterAll(() => t.stop());
  afterEach(() => org(ORG));

  it('a refused plan for a moved report does not preselect another report, so pressing Save again cannot plan for someone never chosen', async () => {
    org(moved('aad-bram', 'aad-nina'));
    const card = await press(mia, 'review.plan.save', plan({ reportId: 'aad-bram', date: '2026-12-17', prepDays: '5' }));
    expect(field(card, 'reportId')?.next).toContain('valt (nu) niet onder jou');
    // Mia presses "Opslaan" again on the refused card as it is, after reading the reason.
    await press(mia, 'review.plan.save', { ...buttonData(card, 'review.plan.save'), ...inputValues(card) }, 'card-2');
    const planned = (await reviews()).filter((r) => r.date === '2026-12-17');
    // Nobody chose Anna for 17 December: the refused form must not make her the default.
    expect(planned.map((r) => r.reportId)).toEqual([]);
    expect(field(card, 'reportId')?.value).not.toBe('aad-anna');
  });

  it('a manager whose only report moved away gets a refused plan that says it was not saved', async () => {
    org(moved('aad-karel', 'aad-nina'));
    const card = await press(kees, 'review.plan.save', plan({ reportId: 'aad-karel', date: '2026-12-18', prepDays: '4' }));
    const text = cardText(card);
    // The noReports card is shown instead: no "not saved", no reason, date and days gone.
    expect(text).toMatch(/niet bewaard/i);
  });

  it('leak check: a peer forging a plan for someone else\'s report learns neither the name nor whether the person exists', async () => {
    const real = await press(nina, 'review.plan.save', plan({ reportId: 'aad-anna' }));
    const ghost = await press(nina, 'review.plan.save', plan({ reportId: 'aad-does-not-exist' }));
    expect(cardText(real)).not.toContain('Anna');
    expect(field(real, 'reportId')?.next).toBe(field(ghost, 'reportId')?.next);
    expect(JSON.stringify(real)).not.toContain('aad-anna');
    // Alike but for the plan card's key, drawn anew for every card it renders.
    const alike = (card: unknown, id: string) => JSON.stringify(card).split(id).join('X').replace(/"k":"[^"]+"/g, '"k":"K"');
    expect(alike(real, 'aad-anna')).toBe(alike(ghost, 'aad-does-not-exist'));
  });

  it('leak check: a peer pressing "facilitated" with another manager\'s review id gets no "moved" card and no name', async () => {
    await press(mia, 'review.plan.save', plan({ reportId: 'aad-anna', date: '2026-12-11' }));
    const review = (await reviews()).find((r) => r.reportId === 'aad-anna' && r.date === '2026-12-11');
    const card = await press(nina, 'review.facilitated.save', { reviewId: review.id, facilitated: 'iets', shareFacilitation: 'false' });
    const text = cardText(card);
    expect(text).not.toContain('Anna');
    expect(text).not.toContain('valt (nu) niet onder jou');
  });

  it('Submit fallback in the personal chat: "show prep" updates the pressed message in place, and nothing is posted anywhere else', async () => {
    const review = (await reviews()).find((r) => r.reportId === 'aad-anna' && r.date === '2026-12-11');
    const before = t.connector.calls.length;
    await t.send(submit(chat(mia), mia, { verb: 'review.prep.show', reviewId: review.id }, 'list-msg'));
    const calls = t.connector.calls.slice(before).filter((c) => c.activity?.attachments?.length);
    expect(calls.length).toBeGreaterThan(0);
    for (const c of calls) {
      expect(c.conversationId).toBe('a:personal-mia');
      expect(c.method).toBe('PUT');
      expect(c.id).toBe('list-msg');
    }
  });

  it('attack: the account typed on a prep whose report moved comes as a message of its own, which the daily manager check does not wipe; the prep itself is withdrawn', async () => {
    await press(mia, 'review.plan.save', plan({ reportId: 'aad-bram', date: '2026-12-03', prepDays: '0' }));
    const review = (await reviews()).find((r) => r.reportId === 'aad-bram' && r.date === '2026-12-03');
    // Mia opens the prep on a message of her chat: it is remembered there.
    const shown = await press(mia, 'review.prep.show', { reviewId: review.id }, 'prep-msg');
    expect(cardText(shown)).toContain('Bram');
    org(moved('aad-bram', 'aad-nina'));
    const typed = 'Twee uur per week geregeld voor de leergroep, plus een stille ruimte';
    const before = t.connector.calls.length;
    const refused = await press(mia, 'review.facilitated.save', { reviewId: review.id, facilitated: typed, shareFacilitation: 'true' }, 'prep-msg');
    // The pressed card no longer shows Bram's prep; the text is in a new message in Mia's chat.
    expect(cardText(refused)).not.toContain('Bram');
    expect(cardText(refused)).toContain('niet meer');
    const posted = t.connector.calls.slice(before).filter((c) => c.method === 'POST' && c.conversationId === 'a:personal-mia' && cardText(c.activity?.attachments?.[0]?.content).includes(typed));
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!.activity.attachments[0].content)).toContain('valt (nu) niet onder jou');
    const postedId = posted[0]!.id;
    // That night the daily manager check runs.
    await t.app.scheduler.schedule({ id: 'probe-check', kind: PREP_MANAGER_CHECK_JOB, dueAt: t.clock.now().toISOString(), payload: {} });
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(60_000);
    const after = t.connector.calls.slice(before);
    expect(after.filter((c) => c.method === 'PUT' && c.id === postedId)).toEqual([]);
    expect((await reviews()).find((r) => r.id === review.id)?.facilitated).toBeUndefined();
  });
});
