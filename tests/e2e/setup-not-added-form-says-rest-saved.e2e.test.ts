/**
 * Stop 68, own review: an English group; Anna's setup save renames it and adds Eva; Eva's index write
 * is answered after its window. The form comes back: its general notice must not say "not saved"
 * while the note says "the rest is saved", and submitting that very card again (its own hidden
 * rev/shown and its inputs, as Teams would send them) must add Eva, not refuse or drop her again.
 */
import { TestUser } from '../support/activities';
import { holdFirst } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TEST_SAVE_WINDOW_MS, TestApp } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { membershipIndexId } from '../../src/domain/week-cycle/membership-index';

const [anna, bram, cem, dewi, eva] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser];
const ids = (members: TestUser[]) => members.map((m) => m.aadObjectId).join(',');
/* eslint-disable @typescript-eslint/no-explicit-any */
const walk = (node: any, visit: (n: any) => void): void => {
  if (Array.isArray(node)) node.forEach((n) => walk(n, visit));
  else if (node && typeof node === 'object') { visit(node); Object.values(node).forEach((v) => walk(v, visit)); }
};
/** What Teams sends when the card's save is pressed unchanged: the action's data and every input's value. */
const submitted = (card: any): Record<string, unknown> => {
  let data: Record<string, unknown> = {};
  const inputs: Record<string, unknown> = {};
  walk(card, (n) => {
    if (n.type === 'Action.Execute' && n.verb === 'group.setup.save') data = n.data ?? {};
    if (typeof n.type === 'string' && n.type.startsWith('Input.') && n.id) inputs[n.id] = n.value ?? '';
  });
  return { ...data, ...inputs };
};

describe('the form back after "not all added", submitted again as it came back', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  }, 60_000);
  afterAll(() => t?.stop());

  it('says what was saved consistently, and adds Eva on the second save', async () => {
    await new GroupDriver(t, t.conversation('groupChat', '19:e2e-formback-other@thread.v2'), [anna, bram, cem, eva]).setUp('en');
    const g = new GroupDriver(t, t.conversation('groupChat', '19:e2e-formback@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp('en');
    t.connector.roster = [anna, bram, cem, dewi, eva];
    // The form as opened now (its hidden rev and shown), then edited: renamed, Eva picked.
    const opened = (await g.press(anna, 'group.setup.open', {}, 'cycle-card')).value;
    const form = { ...submitted(opened), name: 'Team Care', members: ids([anna, bram, cem, dewi, eva]) };
    const evaIndex = membershipIndexId(eva.aadObjectId);
    const hold = holdFirst((req) => req.container === 'personal' && req.kind === 'replace' && req.path.includes(evaIndex));
    let back: any;
    await t.proxy!.withFaults(hold.rule, async () => {
      const save = g.press(anna, 'group.setup.save', form, 'setup-card');
      await hold.held;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      hold.open();
      back = (await save).value;
    });
    const text = cardText(back);
    const resent = submitted(back);
    const second = cardText((await g.press(anna, 'group.setup.save', resent, 'setup-card')).value);
    const group = (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { name: string; members: { id: string }[] };
    expect({
      toldNotAll: text.includes('Not everyone could be added: Eva.'),
      noticeSaysNotSaved: /Not saved yet/.test(text),
      resentKeepsEva: String(resent.members).includes(eva.aadObjectId),
      resentKeepsName: resent.name,
      secondRefused: /Not saved|Changed meanwhile|not everyone/i.test(second) ? second.slice(0, 200) : false,
      evaIn: group.members.some((m) => m.id === eva.aadObjectId),
      name: group.name,
    }).toEqual({ toldNotAll: true, noticeSaysNotSaved: false, resentKeepsEva: true, resentKeepsName: 'Team Care', secondRefused: false, evaIn: true, name: 'Team Care' });
  }, 180_000);
});
