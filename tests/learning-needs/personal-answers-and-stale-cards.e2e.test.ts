import { execute, TestUser } from '../support/activities';
import { field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { weekUpToQuestion9 } from './support';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/** A group of four at question 9 on day 4 of its first week (the session open). */
async function groupAtQuestion9(): Promise<{ t: TestApp; g: GroupDriver }> {
  const t = await startTestApp({ B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z');
  const g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
  await g.setUp();
  await g.startCycle();
  await weekUpToQuestion9(g);
  return { t, g };
}

/**
 * Personal answers (questions 9-10) and learning needs under hostile input, double presses,
 * redelivery after the close, and a learning-need card pressed after the weekly handover.
 */
describe('personal answers (questions 9-10) and learning needs', () => {
  let t: TestApp;
  let g: GroupDriver;
  const answers = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.type = 'personalAnswer'").fetchAll()).resources;
  const q9 = () => ({ ...g.ids(), questionId: 9 });

  beforeAll(async () => {
    ({ t, g } = await groupAtQuestion9());
  });
  afterAll(() => t.stop());

  it('attack: a personal answer over 4,000 (emoji at the end) comes back in the form with the text and the reason', async () => {
    const over = 'a'.repeat(4000) + '😀';
    const res = await g.press(bram, 'session.personal', { ...q9(), text: over });
    expect(field(res.value, 'text')?.value).toBe(over);
    expect(field(res.value, 'text')?.next).toBe('Hoogstens 4.000 tekens; dit zijn er 4.001.');
    expect((await answers()).filter((a) => a.userId === bram.aadObjectId)).toEqual([]);
  });

  // Until stop 57 the card's payload check counted this answer's code units (4,001: an emoji is two)
  // and refused it as "4.001"; the limit counts characters as they show, so 4,000 as seen is taken.
  it('guard: a personal answer of 4,000 characters as seen (3,999 letters and an emoji) is stored', async () => {
    const atLimit = 'a'.repeat(3999) + '😀';
    const res = await g.press(dewi, 'session.personal', { ...q9(), text: atLimit });
    expect(cardText(res.value)).not.toMatch(/Hoogstens|Nog niet bewaard|lukte niet/);
    expect((await answers()).filter((a) => a.userId === dewi.aadObjectId).map((a) => a.text)).toEqual([atLimit]);
  });

  it('attack: invisible-only personal answer is refused as empty, nothing stored', async () => {
    const res = await g.press(bram, 'session.personal', { ...q9(), text: '\u200B\u2060\uFEFF' });
    expect(cardText(res.value)).toMatch(/Nog niet bewaard|Vul|Schrijf/);
    expect((await answers()).filter((a) => a.userId === bram.aadObjectId)).toEqual([]);
  });

  it('guard: two presses at once with the same answer store one answer, both say saved', async () => {
    const [r1, r2] = await Promise.all([
      g.press(cem, 'session.personal', { ...q9(), text: 'Beter leren plannen' }),
      g.press(cem, 'session.personal', { ...q9(), text: 'Beter leren plannen' }),
    ]);
    expect(cardText(r1.value)).not.toMatch(/Nog niet bewaard|lukte niet/);
    expect(cardText(r2.value)).not.toMatch(/Nog niet bewaard|lukte niet/);
    expect((await answers()).filter((a) => a.userId === cem.aadObjectId)).toHaveLength(1);
  });

  it('attack: a press redelivered after the session closed, whose answer ends in an invisible character, is found stored (no "not saved")', async () => {
    const text = 'Leren delegeren\u200B';
    const id = 'redelivered-press-1';
    const first = await g.press(anna, 'session.personal', { ...q9(), text }, undefined, id);
    expect(cardText(first.value)).not.toMatch(/afgerond/);
    const stored = (await answers()).filter((a) => a.userId === anna.aadObjectId && a.questionId === 9);
    expect(stored.map((a) => a.text)).toEqual(['Leren delegeren']);
    // Learning need passed on while the session is open.
    const pass = await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'organiseren', learningNeedText: 'Delegeren' });
    expect(cardText(pass.value)).not.toMatch(/lukte niet/);
    await g.end(bram);
    const again = await g.press(anna, 'session.personal', { ...q9(), text }, undefined, id);
    expect(cardText(again.value)).not.toMatch(/al afgerond|Nog niet bewaard|not saved/i);
  });

  it('attack: the learning-need card is refused for a press in the personal chat naming another member\'s session ids', async () => {
    const chat = new PersonalChat(t, dewi);
    const res = await t.send(execute(chat.conv, dewi, 'learningNeed.open', { ...q9() }, 'x'));
    expect(cardText(res.body?.value)).not.toContain('Leren delegeren');
    void actionData;
  });
});

describe('a learning-need card pressed after the weekly handover (stale card)', () => {
  let t: TestApp;
  let g: GroupDriver;
  const q9 = () => ({ ...g.ids(), questionId: 9 });

  beforeAll(async () => {
    ({ t, g } = await groupAtQuestion9());
    for (const [who, text] of [[anna, 'Delegeren'], [bram, 'Feedback'], [cem, 'Excel']] as const) {
      await g.press(who, 'session.personal', { ...q9(), text });
      await g.press(who, 'learningNeed.pass', { ...q9(), theme: 'samenwerken', learningNeedText: `${text} leren` });
    }
    t.clock.set('2026-11-30T01:00:00Z');
    await t.app.scheduler.runDue();
    expect((await t.store.container('learningNeeds').items.readAll().fetchAll()).resources).toHaveLength(1);
  });
  afterAll(() => t.stop());

  it('attack: changing it on the stale card says it was already handed over (not that someone else was first) and shows the own card', async () => {
    const res = await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'digitaal', learningNeedText: 'Toch iets anders' });
    const text = cardText(res.value);
    expect(text).not.toContain('Iemand anders was je net voor');
    expect(text).toContain('al anoniem overgedragen aan L&O voordat je drukte');
    // What was typed is there to copy, on a card Teams shows.
    expect(JSON.stringify(res.value)).toContain('Toch iets anders');
    expect(cardProblems(res.value)).toEqual([]);
  });

  it('attack: withdrawing it on the stale card says it was already handed over (not that someone else was first)', async () => {
    const res = await g.press(anna, 'learningNeed.withdraw', q9());
    const text = cardText(res.value);
    expect(text).not.toContain('Iemand anders was je net voor');
    expect(text).toMatch(/overgedragen/i);
  });
});
