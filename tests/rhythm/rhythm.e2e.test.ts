import { parseConfig } from '../../src/config/config';
import { RunningApp, startApp } from '../../src/app/compose';
import { createLogger } from '../../src/log/logger';
import { message } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * The rhythm of the year over HTTP, with the real store and the durable scheduler driven by the
 * fake clock: the plan is made at setup, each session is announced 15 minutes before and opens
 * at the group's time by itself, a week can be skipped or moved, and the jobs survive a restart.
 */
describe('the rhythm runs by itself', () => {
  let t: TestApp;
  let g: GroupDriver;
  let restarted: RunningApp | undefined;
  const [anna, bram] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0]];
  const chatId = () => g.conv.id;
  const textsInChat = (from: number) => t.connector.calls.slice(from).filter((c) => c.conversationId === chatId() && typeof c.activity.text === 'string').map((c) => c.activity.text as string);
  const sessionCardsPosted = (from: number) => t.connector.calls.slice(from).filter((c) => c.method === 'POST' && c.conversationId === chatId() && c.activity.attachments?.[0]?.content?.refresh);
  const stored = async (id: string) => (await t.store.container('sessions').item(id, g.groupId).read()).resource;
  const plan = () => stored(`${g.groupId}_plan`);
  const jobsOfGroup = async () =>
    (await t.store.container('jobs').items.query({ query: 'SELECT * FROM c WHERE c.payload.groupId = @g', parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources as {
      id: string;
      kind: string;
      status: string;
      dueAt: string;
    }[];
  const cards: unknown[] = [];
  const press = async (...args: Parameters<GroupDriver['press']>) => {
    const res = await g.press(...args);
    cards.push(res.value);
    return res;
  };
  /** Runs the scheduler at a moment, as an instance's tick would. */
  const at = async (iso: string, app: RunningApp = restarted ?? t.app) => {
    t.clock.set(iso);
    await app.scheduler.runDue();
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z'); // Thursday 13:00 in Amsterdam
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
  });
  afterAll(async () => {
    await restarted?.stop();
    await t.stop();
  });

  it('makes the plan at setup: 20 weeks ahead, the first next Monday, Christmas left out', async () => {
    const setup = await g.setUp();
    cards.push(setup.value);
    expect(cardText(setup.value)).toContain('Week 1 staat gepland op ma 23 nov – do 26 nov, om 09:00. De sessies beginnen vanzelf.');
    const p = await plan();
    expect(p.weeks).toHaveLength(20);
    expect(p.weeks[0].dates).toEqual(['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26']);
    expect(p.weeks[4].dates).toEqual(['2026-12-21', '2026-12-22', '2026-12-23', '2026-12-24']); // Kerstmis on Friday
    expect(p.weeks[5].dates).toEqual(['2026-12-28', '2026-12-29', '2026-12-30', '2026-12-31']); // Nieuwjaarsdag on Friday
    const jobs = await jobsOfGroup();
    expect(jobs.map((j) => `${j.kind} ${j.dueAt}`).sort()).toEqual([
      'session.reminder 2026-11-23T07:45:00.000Z',
      'session.reminder 2026-11-24T07:45:00.000Z',
      'session.reminder 2026-11-25T07:45:00.000Z',
      'session.reminder 2026-11-26T07:45:00.000Z',
      'session.start 2026-11-23T08:00:00.000Z',
      'session.start 2026-11-24T08:00:00.000Z',
      'session.start 2026-11-25T08:00:00.000Z',
      'session.start 2026-11-26T08:00:00.000Z',
    ]);
  });

  it('reminds the group\'s chat 15 minutes before, once, even with two instances', async () => {
    const before = t.connector.calls.length;
    await at('2026-11-23T07:44:00Z');
    expect(textsInChat(before)).toEqual([]);
    t.clock.set('2026-11-23T07:45:00Z');
    await Promise.all([t.app.scheduler.runDue(), t.app.scheduler.runDue()]);
    expect(textsInChat(before)).toEqual(['Over 15 minuten begint sessie 1 van week 1 (om 09:00). Tot zo!']);
  });

  it('opens week 1 and its first session at 09:00 by itself', async () => {
    const before = t.connector.calls.length;
    await at('2026-11-23T08:00:00Z');
    const posted = sessionCardsPosted(before);
    expect(posted).toHaveLength(1);
    expect(cardText(posted[0]!.activity.attachments[0].content)).toContain('dag 1');
    const cycle = await stored(`${g.groupId}_w1`);
    expect(cycle).toMatchObject({ weekNumber: 1, startedBy: 'rhythm', sessionDates: ['2026-11-23', '2026-11-24', '2026-11-25', '2026-11-26'] });
  });

  it('goes through the week day by day without anyone pressing start, then schedules week 2', async () => {
    for (const [day, date] of [[2, '2026-11-24'], [3, '2026-11-25'], [4, '2026-11-26']] as const) {
      await at(`${date}T07:00:00Z`); // the previous session closed long ago
      const before = t.connector.calls.length;
      await at(`${date}T07:45:00Z`);
      expect(textsInChat(before)).toEqual([`Over 15 minuten begint sessie ${day} van week 1 (om 09:00). Tot zo!`]);
      await at(`${date}T08:00:00Z`);
      const posted = sessionCardsPosted(before);
      expect(posted).toHaveLength(1);
      expect(cardText(posted[0]!.activity.attachments[0].content)).toContain(`dag ${day}`);
    }
    const pending = (await jobsOfGroup()).filter((j) => j.status === 'pending' && j.kind === 'session.start');
    expect(pending.map((j) => j.dueAt).sort()).toEqual(['2026-11-30T08:00:00.000Z', '2026-12-01T08:00:00.000Z', '2026-12-02T08:00:00.000Z', '2026-12-03T08:00:00.000Z']);
  });

  it('skips week 2 after asking; two members confirming at once skip it once, and the chat is told once', async () => {
    const shown = await press(anna, 'rhythm.plan.show', { groupId: g.groupId }, 'cycle-card');
    expect(cardText(shown.value)).toContain('Week 2\nma 30 nov – do 3 dec');
    const ask = await press(anna, 'rhythm.skip.ask', { groupId: g.groupId, week: '2' }, 'cycle-card');
    expect(cardText(ask.value)).toContain('Week 2 overslaan?');
    const confirm = ask.value.actions.find((a: { verb: string }) => a.verb === 'rhythm.skip').data;
    expect(confirm).toEqual({ groupId: g.groupId, week: 2, from: '2026-11-30' });
    const before = t.connector.calls.length;
    const [a, b] = await Promise.all([press(anna, 'rhythm.skip', confirm, 'cycle-card'), press(bram, 'rhythm.skip', confirm, 'cycle-card')]);
    for (const res of [a, b]) expect(cardText(res.value)).toContain('Week 2\nma 7 dec – do 10 dec');
    // The chat is told through the outbox, which the press does not wait for.
    await t.app.outbox.drain(30_000);
    const told = textsInChat(before);
    expect(told).toHaveLength(1);
    expect(told[0]).toMatch(/^(Anna|Bram) heeft week 2 overgeslagen\. Week 2 is nu ma 7 dec – do 10 dec\. De weken erna schuiven mee\.$/);
    const p = await plan();
    expect(p.weeks.map((w: { dates: string[] }) => w.dates[0]).slice(0, 4)).toEqual(['2026-11-23', '2026-12-07', '2026-12-14', '2026-12-21']);
    expect(p.weeks).toHaveLength(20);
    // The old week 2's jobs are cancelled; the new week 2 has its own.
    const jobs = await jobsOfGroup();
    expect(jobs.filter((j) => j.dueAt.startsWith('2026-11-30')).map((j) => j.status)).toEqual(['cancelled', 'cancelled']);
    expect(jobs.filter((j) => j.dueAt.startsWith('2026-12-07') && j.status === 'pending')).toHaveLength(2);
  });

  it('moving a week to a day where four days do not fit comes back with the date and the reason, and stores nothing', async () => {
    const ask = await press(anna, 'rhythm.move.ask', { groupId: g.groupId, week: '2' }, 'cycle-card');
    expect(cardText(ask.value)).toContain('Week 2 verplaatsen');
    const move = ask.value.actions.find((a: { verb: string }) => a.verb === 'rhythm.move').data;
    const before = JSON.stringify((await plan()).weeks);
    const refused = await press(anna, 'rhythm.move', { ...move, start: '2026-12-09' }, 'cycle-card');
    expect(cardText(refused.value)).toContain('Vanaf die dag passen geen vier sessiedagen in die week (weekend of feestdag). Kies een andere dag.');
    expect(refused.value.body.find((e: { id?: string }) => e.id === 'start').value).toBe('2026-12-09');
    expect(JSON.stringify((await plan()).weeks)).toBe(before);
    const past = await press(anna, 'rhythm.move', { ...move, start: '2026-11-20' }, 'cycle-card');
    expect(cardText(past.value)).toContain('Die datum is al voorbij.');
  });

  it('moves week 2 to Tuesday, within its own week: the weeks after it stay', async () => {
    const before = t.connector.calls.length;
    const moved = await press(bram, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-12-07', start: '2026-12-08' }, 'cycle-card');
    expect(cardText(moved.value)).toContain('Week 2\ndi 8 dec – vr 11 dec');
    await t.app.outbox.drain(30_000);
    expect(textsInChat(before)).toEqual(['Bram heeft week 2 verplaatst naar di 8 dec – vr 11 dec. De weken erna blijven waar ze staan.']);
    // Pressed again (a redelivery): nothing changes, nothing is said twice.
    await press(bram, 'rhythm.move', { groupId: g.groupId, week: 2, from: '2026-12-07', start: '2026-12-08' }, 'cycle-card');
    await t.app.outbox.drain(30_000);
    expect(textsInChat(before)).toHaveLength(1);
    expect((await plan()).weeks[2].dates[0]).toBe('2026-12-14');
  });

  it('after a restart the jobs are still there: nothing on the skipped Monday, week 2 starts on its new day with its dates', async () => {
    await t.app.stop();
    restarted = await startApp(Object.assign(parseConfig({}), { port: 0 }), { logger: createLogger('silent'), clock: t.clock, cosmos: t.cosmos, startScheduler: false });
    let before = t.connector.calls.length;
    await at('2026-11-30T08:00:00Z');
    await at('2026-12-07T08:00:00Z');
    expect(sessionCardsPosted(before)).toHaveLength(0);
    before = t.connector.calls.length;
    await at('2026-12-08T07:45:00Z');
    expect(textsInChat(before)).toEqual(['Over 15 minuten begint sessie 1 van week 2 (om 09:00). Tot zo!']);
    await at('2026-12-08T08:00:00Z');
    expect(sessionCardsPosted(before)).toHaveLength(1);
    const status = await fetch(`${restarted.url}/api/messages`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(message(g.conv, anna, 'status')) });
    expect(status.status).toBe(200);
    const card = t.connector.cards((c) => c.method === 'POST' && c.conversationId === chatId()).at(-1)!.card;
    expect(cardText(card)).toContain('week 2 van 20');
    expect(cardText(card)).toContain('di 8 dec');
    expect(cardText(card)).not.toContain('23 nov');
  });

  it('sent valid cards', () => {
    const all = [...cards, ...t.connector.cards().map((c) => c.card)];
    expect(all.flatMap((c) => cardProblems(c as object))).toEqual([]);
  });
});
