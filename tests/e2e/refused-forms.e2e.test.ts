import { inputValues as values } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

/** The text right after an input: where a refused form puts the reason. */
function reasonAfter(card: unknown, id: string): string | undefined {
  let found: string | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || !node || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach((child, i) => {
        if (child && typeof child === 'object' && (child as { id?: unknown }).id === id) {
          const next = node[i + 1] as { type?: string; text?: string } | undefined;
          found = next?.type === 'TextBlock' ? next.text : '';
        }
        walk(child);
      });
      return;
    }
    Object.values(node).forEach(walk);
  };
  walk(card);
  return found;
}

/**
 * A refused input on a Vitale Weekcyclus form keeps the card: the same form comes back to the
 * person who pressed, with what they entered and the reason next to the field, in the group's
 * language. Nothing is stored.
 */
describe('week-cycle forms keep what was entered when an input is refused', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const cards: unknown[] = [];
  const keep = <T extends { value: unknown }>(r: T) => (cards.push(r.value), r);

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
  });
  afterAll(() => t.stop());

  it('group setup with two members: the form again, name kept, the rule next to the members', async () => {
    t.connector.roster = [anna, bram, cem, dewi];
    const res = keep(await g.press(anna, 'group.setup.save', { name: 'Team Tweetal', members: `${anna.aadObjectId},${bram.aadObjectId}`, days: '1,2,3,4', startTime: '09:30', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '12' }, 'setup-card'));
    expect(values(res.value)).toMatchObject({ name: 'Team Tweetal', members: `${anna.aadObjectId},${bram.aadObjectId}`, startTime: '09:30', weeks: 12 });
    expect(reasonAfter(res.value, 'members')).toBe('Kies 3 tot 8 deelnemers; nu zijn het er 2.');
    expect(cardText(res.value)).toContain('Nog niet bewaard');
    expect((await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'group'").fetchAll()).resources).toEqual([]);
  });

  // A language the form does not offer (an old or hand-made card) is refused by the payload check;
  // the notice on top says "kijk naar de opmerking bij het veld", so the language input needs one too.
  it('group setup with a language the form does not offer: the form again, a reason next to the language', async () => {
    t.connector.roster = [anna, bram, cem, dewi];
    const members = [anna, bram, cem].map((m) => m.aadObjectId).join(',');
    const res = keep(await g.press(anna, 'group.setup.save', { name: 'Team Taal', members, days: '1,2,3,4', startTime: '09:30', timeZone: 'Europe/Amsterdam', language: 'de', weeks: '12' }, 'setup-card'));
    expect(values(res.value)).toMatchObject({ name: 'Team Taal', members });
    expect(reasonAfter(res.value, 'language')).toBe('Kies Nederlands of English.');
    expect((await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'group'").fetchAll()).resources).toEqual([]);
  });

  it('an agenda with the judgement before the AI proposal: the agenda again, as chosen', async () => {
    await g.setUp();
    await g.startCycle();
    const res = keep(await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,7', day2: '3,4,5', day3: '6', day4: '8,9,10' }, 'cycle-card'));
    expect(values(res.value)).toMatchObject({ day1: '1,2,7', day3: '6' });
    expect(reasonAfter(res.value, 'day1')).toContain('vraag 7');
  });

  it('a judgement without a reason and a decision without a first step: the member\'s own view, inputs kept', async () => {
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
    await g.startSession();
    for (const m of [anna, bram, cem]) await g.checkIn(m, 4);
    await g.goTo(anna, 5);
    await g.contribute(anna, 6, 'Een vaste overdrachtstafel');
    await g.goTo(anna, 6);

    const judged = keep(await g.press(bram, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason: '  ' }));
    expect(values(judged.value)).toMatchObject({ opinion: 'doubt' });
    expect(reasonAfter(judged.value, 'reason')).toBe('Schrijf er een reden bij.');
    expect((await t.store.container('sessions').items.query("SELECT * FROM c WHERE c.type = 'judgement'").fetchAll()).resources).toEqual([]);

    for (const m of [anna, bram]) await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'Goed plan' });
    const decided = keep(await g.press(cem, 'proposal.decide', { ...g.ids(), decision: 'adapt', decisionReason: 'Met formulier', adoptedText: 'Tafel en formulier', firstStep: '' }));
    expect(values(decided.value)).toMatchObject({ decision: 'adapt', decisionReason: 'Met formulier', adoptedText: 'Tafel en formulier' });
    expect(reasonAfter(decided.value, 'firstStep')).toBe('Spreek een eerste stap af: wie doet wat, wanneer?');
    expect((await t.store.container('sessions').item(`${g.groupId}_w1_p`, g.groupId).read()).resource.decision).toBeUndefined();
  });

  it('an answer over its length: the text kept, the limit and its length said', async () => {
    await g.goTo(anna, 0);
    const long = 'x'.repeat(2500);
    const res = keep(await g.contribute(dewi, 1, long));
    expect(values(res.value).text).toBe(long);
    expect(reasonAfter(res.value, 'text')).toBe('Hoogstens 2.000 tekens; dit zijn er 2.500.');
  });

  // Bram pressed "Volgende vraag" while Dewi typed her answer to question 1: her refused answer
  // must not vanish under question 2, while the notice says what she typed is still there.
  it('an answer refused after another member moved the group on: its own question again, the text kept, where the group is said', async () => {
    await g.goTo(bram, 1);
    const long = 'y'.repeat(2100);
    const res = keep(await g.contribute(dewi, 1, long));
    expect(values(res.value).text).toBe(long);
    expect(reasonAfter(res.value, 'text')).toBe('Hoogstens 2.000 tekens; dit zijn er 2.100.');
    expect(cardText(res.value)).toContain('De groep is inmiddels bij vraag 2. Hieronder staat vraag 1 met wat je schreef');
    // Shortened and added from there, it goes with question 1; her next view is the group's question again.
    const added = keep(await g.contribute(dewi, 1, 'y'.repeat(1900)));
    expect(cardText(added.value)).not.toContain('De groep is inmiddels');
    expect((await g.items('contribution')).filter((c) => c.questionId === 1 && c.authorId === dewi.aadObjectId)).toHaveLength(1);
  });

  it('a judgement refused after the group went back to the proposal: the judgement again, opinion and reason kept', async () => {
    await g.goTo(anna, 5);
    const reason = 'r'.repeat(1200);
    const res = keep(await g.press(cem, 'proposal.judge', { ...g.ids(), opinion: 'doubt', reason }));
    expect(values(res.value)).toMatchObject({ opinion: 'doubt', reason });
    expect(cardText(res.value)).toContain('De groep is inmiddels bij vraag 6. Hieronder staat vraag 7');
  });

  it('sent only valid cards', () => {
    expect(cards.length).toBeGreaterThan(4);
    expect(cards.flatMap((c) => cardProblems(c as object))).toEqual([]);
  });
});
