import { parse } from 'csv-parse/sync';
import { execute, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat, runWeek } from '../verantwoording/support';
import { askReport, reportCard } from '../support/hr-report';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const hanna = user('Hanna'); // HR/L&O
const iris = user('Iris'); // HR/L&O too
const [anna, bram, cem, dewi] = MEMBERS as [(typeof MEMBERS)[0], (typeof MEMBERS)[0], (typeof MEMBERS)[0], (typeof MEMBERS)[0]];

/** The year's stored plans, as the store holds them. */
async function plans(t: TestApp): Promise<any[]> {
  const { resources } = await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'jaarplan'").fetchAll();
  return resources;
}

/** Whether a card is the one a stored save answers with. */
const isSaved = (card: unknown) => cardText(card).includes('Jaarplan Duurzaam leren 2026 opgeslagen');

/** The value shown in each number input of a form. */
function inputs(card: any): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const walk = (node: any): void => {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node !== 'object') return;
    if (node.type === 'Input.Number') out[node.id] = node.value;
    Object.values(node).forEach(walk);
  };
  walk(card.body);
  return out;
}

/** The form's save, as Teams sends it: the button's data and the inputs as typed (text). */
function saveData(form: any, typed: Record<string, string>): Record<string, unknown> {
  return { ...actionData(form, 'jaarplan.save'), ...typed };
}

/**
 * The Jaarplan Duurzaam leren targets: HR sets them per year, and the report puts the year's
 * figures so far next to them. One group held one Vitale Weekcyclus in week 48 of 2026: four
 * sessions with four members present (16 learning hours), one proposal adapted.
 */
describe('the Jaarplan targets in the HR report', () => {
  let t: TestApp;
  let hr: PersonalChat;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris' }, '2026-11-23T08:00:00Z');
    const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await runWeek(g, { personal9: 'Geheime reflectie', personal10: 'Nog een', contribution: 'De overdracht' });
    t.clock.set('2026-11-30T10:00:00Z');
    hr = new PersonalChat(t, hanna);
  });
  afterAll(() => t.stop());

  it('without targets, the report is as before plus one line on how to set them', async () => {
    const text = cardText(await reportCard(t, hr.conv, hanna, 'rapport 2026-11-01 2026-11-30'));
    expect(text).toContain("Geen doelen uit het Jaarplan Duurzaam leren voor 2026: HR/L&O stelt ze in met 'jaarplan'.");
    expect(text).not.toMatch(/Vitale Weekcycli|van \d+ leeruren/);
  });

  it('refuses anyone but HR: the command, and a save sent without the form', async () => {
    const member = new PersonalChat(t, anna);
    for (const typed of ['jaarplan', 'jaarplan volgend jaar']) {
      const said = await member.say(typed);
      expect(said.cards).toEqual([]);
      expect(said.texts).toEqual(['Alleen HR/L&O kan de doelen van het Jaarplan Duurzaam leren instellen.']); // never the usage
    }
    // HR who types a year the form does not offer gets the usage.
    expect((await hr.say('jaarplan 2031')).texts).toEqual(["Gebruik: jaarplan [jaar], bijvoorbeeld 'jaarplan 2027'. Doelen stel je in voor 2026 of 2027."]);
    const channel = t.conversation('channel', '19:hr-channel@thread.tacv2');
    expect(await askReport(t, channel, anna, 'jaarplan')).toBeUndefined();
    const refused = await member.press('jaarplan.save', { year: 2026, rev: 0, k: 'forged-key', weekCycles: '1' });
    expect(isSaved(refused)).toBe(false);
    expect(await plans(t)).toEqual([]);
  });

  it('lets HR set the targets, and the report card and CSV show realised against target', async () => {
    const form = (await hr.say('jaarplan')).cards[0];
    expect(cardProblems(form)).toEqual([]);
    expect(cardText(form)).toContain('Jaarplan Duurzaam leren 2026');
    expect(actionData(form, 'jaarplan.open')).toEqual({ year: 2027, language: 'nl' }); // next year, one press away, in the form's language
    const saved = await hr.press('jaarplan.save', saveData(form, { weekCycles: '40', learningHours: '100', proposalsValidated: '' }));
    expect(cardProblems(saved)).toEqual([]);
    expect(cardText(saved)).toContain('Jaarplan Duurzaam leren 2026 opgeslagen');
    const [plan] = await plans(t);
    expect(plan).toMatchObject({ tenantId: 'tenant-1', year: 2026, targets: { weekCycles: 40, learningHours: 100 }, revision: 1 });
    // Organisation data: no person's name or id in it.
    expect(JSON.stringify(plan)).not.toMatch(/hanna|Hanna/);

    const card = await reportCard(t, hr.conv, hanna, 'rapport 2026-11-01 2026-11-30');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain('Jaarplan Duurzaam leren 2026, gerealiseerd tot en met 30 nov 2026');
    expect(text).toContain('1 van 40 Vitale Weekcycli (3%)');
    expect(text).toContain('16 van 100 leeruren (16%)');
    expect(text).not.toContain('voorstellen aangenomen of aangepast ('); // no target: no line
    // Only the organisation's totals: the section is its title, a line per target and the rule; no group or person in it.
    const section = text.slice(text.indexOf('Jaarplan Duurzaam leren 2026'), text.indexOf('Energie per week'));
    expect(section.trim().split('\n')).toEqual([
      'Jaarplan Duurzaam leren 2026, gerealiseerd tot en met 30 nov 2026',
      '- 1 van 40 Vitale Weekcycli (3%)',
      '- 16 van 100 leeruren (16%)',
      'Totalen van de organisatie vanaf 1 januari, geteld zoals de cijfers hierboven.',
    ]);

    const link = new URL(card.actions[0].url);
    const csv: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${link.pathname}${link.search}`)).text(), { columns: true });
    const value = (metric: string) => csv.find((r) => r.section === 'jaarplan' && r.key === '2026' && r.metric === metric)?.value;
    expect([value('weekCyclesRealised'), value('weekCyclesTarget'), value('learningHoursRealised'), value('learningHoursTarget')]).toEqual(['1', '40', '16', '100']);
    expect(value('proposalsValidatedTarget')).toBeUndefined();
    const summaryLink = new URL(card.actions[1].url);
    const summary = await (await fetch(`${t.app.url}${summaryLink.pathname}${summaryLink.search}`)).text();
    expect(summary).toContain('- 16 van 100 leeruren (16%)');
  });

  it('gives a refused form back with every input kept and the reason next to the field', async () => {
    const form = (await hr.say('jaarplan')).cards[0];
    const back = await hr.press('jaarplan.save', saveData(form, { weekCycles: '12.5', learningHours: '0', proposalsValidated: '7' }));
    expect(cardProblems(back)).toEqual([]);
    expect(inputs(back)).toEqual({ weekCycles: 12.5, learningHours: 0, proposalsValidated: 7 });
    const text = cardText(back);
    expect(text).toContain('Niet opgeslagen: zie de reden bij het veld.');
    expect(text).toContain('Vul een heel getal in, van 1 tot en met 100000, of laat het veld leeg.');
    expect(text).toContain('Kies een getal van 1 tot en met 10000000, of laat het veld leeg als er geen doel is.');
    // Each reason right under its own field.
    const ids = back.body.map((e: any) => e.id ?? e.text);
    expect(ids[ids.indexOf('weekCycles') + 1]).toMatch(/heel getal/);
    expect(ids[ids.indexOf('learningHours') + 1]).toMatch(/Kies een getal/);
    expect((await plans(t))[0]).toMatchObject({ revision: 1, targets: { weekCycles: 40, learningHours: 100 } });
  });

  it('loses neither of two saves at once: the second gets its inputs back, with what the first stored', async () => {
    const other = new PersonalChat(t, iris);
    const [formH, formI] = [(await hr.say('jaarplan')).cards[0], (await other.say('jaarplan')).cards[0]];
    const [h, i] = await Promise.all([
      hr.press('jaarplan.save', saveData(formH, { weekCycles: '50', learningHours: '', proposalsValidated: '' })),
      other.press('jaarplan.save', saveData(formI, { weekCycles: '60', learningHours: '200', proposalsValidated: '5' })),
    ]);
    expect([isSaved(h), isSaved(i)].sort()).toEqual([false, true]);
    const [won, lost, lostChat, lostInputs] = isSaved(h) ? [h, i, other, { weekCycles: 60, learningHours: 200, proposalsValidated: 5 }] : [i, h, hr, { weekCycles: 50, learningHours: undefined, proposalsValidated: undefined }];
    expect(cardText(won)).toContain('Jaarplan Duurzaam leren 2026 opgeslagen');
    expect(cardProblems(lost)).toEqual([]);
    expect(cardText(lost)).toContain('iemand anders heeft de doelen voor 2026 intussen gewijzigd');
    expect(inputs(lost)).toEqual(lostInputs);
    const stored = (await plans(t))[0];
    expect(stored.revision).toBe(2);
    // The stored values are shown under the fields.
    expect(cardText(lost)).toContain(`Nu opgeslagen: ${stored.targets.weekCycles}`);
    // Pressed again, knowingly: the second save is stored over the first.
    const again = await lostChat.press('jaarplan.save', { ...actionData(lost, 'jaarplan.save'), ...Object.fromEntries(Object.entries(lostInputs).map(([k, v]) => [k, v === undefined ? '' : String(v)])) });
    expect(isSaved(again)).toBe(true);
    expect((await plans(t))[0]).toMatchObject({ revision: 3, targets: Object.fromEntries(Object.entries(lostInputs).filter(([, v]) => v !== undefined)) });
  });

  it('stores a save Teams delivers again once', async () => {
    const form = (await hr.say('jaarplan')).cards[0];
    const press = execute(hr.conv, hanna, 'jaarplan.save', saveData(form, { weekCycles: '45', learningHours: '120', proposalsValidated: '3' }), 'card-1');
    const first = await t.send(press);
    const again = await t.send(press);
    expect(isSaved(first.body.value)).toBe(true);
    expect(isSaved(again.body.value)).toBe(true); // not "someone else changed it"
    const stored = await plans(t);
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ revision: 4, targets: { weekCycles: 45, learningHours: 120, proposalsValidated: 3 } });
    // The first save of a year (a create) too.
    const next = await hr.press('jaarplan.open', { year: 2027 });
    const create = execute(hr.conv, hanna, 'jaarplan.save', saveData(next, { weekCycles: '60', learningHours: '', proposalsValidated: '' }), 'card-2');
    const answers = [await t.send(create), await t.send(create)];
    expect(answers.map((a) => cardText(a.body.value).includes('Jaarplan Duurzaam leren 2027 opgeslagen'))).toEqual([true, true]);
    expect((await plans(t)).filter((p) => p.year === 2027)).toEqual([expect.objectContaining({ revision: 1, targets: { weekCycles: 60 } })]);
  });

  it('opens the form in a channel for the HR asker alone, and next year on request', async () => {
    const channel = t.conversation('channel', '19:hr-channel@thread.tacv2');
    const seen = await askReport(t, channel, hanna, 'jaarplan');
    expect(cardText(seen!.posted)).not.toContain('Opslaan');
    expect(cardText(seen!.card)).toContain('Opslaan');
    expect(inputs(seen!.card)).toEqual({ weekCycles: 45, learningHours: 120, proposalsValidated: 3 });
    const next = await hr.press('jaarplan.open', { year: 2027 });
    expect(cardText(next)).toContain('Jaarplan Duurzaam leren 2027');
    expect(inputs(next)).toEqual({ weekCycles: 60, learningHours: undefined, proposalsValidated: undefined });
    expect(actionData(next, 'jaarplan.save')).toMatchObject({ year: 2027, rev: 1 });
  });
});
