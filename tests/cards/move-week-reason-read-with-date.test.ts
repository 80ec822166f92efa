/**
 * The "Week verplaatsen" card refused (review stop 50). Its reason was a red TextBlock under the
 * date field, built by hand, so it was not in the input's label: a screen reader on the date field
 * read only "Nieuwe eerste dag" and never why the date was refused. Now it is built with
 * withFieldError like every other refused field: the reason under the field and in its label, once,
 * with the date the member entered kept in the field.
 */
import { cardProblems } from '../support/card-validator';
import { GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test
function findAll(node: unknown, pred: (n: Node) => boolean, out: Node[] = []): Node[] {
  if (Array.isArray(node)) node.forEach((n) => findAll(n, pred, out));
  else if (node && typeof node === 'object') {
    const o = node as Node;
    if (pred(o)) out.push(o);
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'fallback') findAll(v, pred, out);
  }
  return out;
}

describe.each(['nl', 'en'] as const)('a refused move of a week, in %s', (language) => {
  let t: TestApp;
  let g: GroupDriver;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-19T12:00:00Z');
    g = new GroupDriver(t, t.conversation('groupChat'), MEMBERS.slice(0, 4));
    await g.setUp(language);
  });
  afterAll(() => t.stop());

  it('reads the reason with the date field, shows it once under the field, and keeps the date entered', async () => {
    const [anna] = MEMBERS as [typeof MEMBERS[0]];
    const res = await g.press(anna, 'rhythm.move', { groupId: g.groupId, week: 1, from: '2026-11-23', start: '1999-01-01' }, 'cycle-card');
    const card = res.value as object;
    const inputs = findAll(card, (n) => n.type === 'Input.Date' && n.id === 'start');
    expect(inputs).toHaveLength(1);
    const input = inputs[0]!;
    const reasons = findAll(card, (n) => n.type === 'TextBlock' && n.color === 'Attention');
    expect(reasons).toHaveLength(1); // the date was refused: its reason shown under the field, not twice
    const reason = String(reasons[0]!.text);
    expect(reason).toContain(language === 'en' ? 'That date has passed' : 'Die datum is al voorbij');
    expect(String(input.label)).toContain(reason);
    expect(String(input.label)).toContain(language === 'en' ? 'New first day' : 'Nieuwe eerste dag');
    expect(input.value).toBe('1999-01-01');
    // The reason stands right under its field.
    const body = (card as { body: Node[] }).body;
    const at = body.indexOf(input);
    expect(body[at + 1]).toBe(reasons[0]);
    expect(cardProblems(card)).toEqual([]);
  });
});
