/**
 * Bram answered question 9 and then asked to erase his data; the erasure began but Cosmos DB
 * refused its deletes, so it is unfinished (its resume job or his own press finishes it). He then
 * presses "Doorgeven" on his learning need. Before stop 52 the press was answered "Doorgegeven" and
 * stored, and the erasure deleted it afterwards without a word (the handover gives back what an
 * erasure's owner sealed). What must hold: he is told, on his own card and in his language, that
 * nothing new is kept until the erasure finished, with what he typed still there; nothing is
 * stored as passed on.
 */
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { cardProblems } from '../support/card-validator';
import { startTestApp, TestApp } from '../support/test-app';
import { answeredThenErasureUnfinished } from './support';

describe('passing a learning need on while the erasure is unfinished', () => {
  let t: TestApp;
  const [anna, bram, cem] = ['Anna', 'Bram', 'Cem'].map(user) as [ReturnType<typeof user>, ReturnType<typeof user>, ReturnType<typeof user>];
  const passOns = async () => (await t.store.container('personal').items.query("SELECT * FROM c WHERE c.userId = 'aad-bram' AND IS_DEFINED(c.passedAt)").fetchAll()).resources;

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('is refused with the typed words kept, and nothing is stored as passed on', async () => {
    const { g, q9, erased } = await answeredThenErasureUnfinished(t, [anna, bram, cem], bram);
    expect(cardText(erased)).toContain('nog niet helemaal gewist');

    const res = await g.press(bram, 'learningNeed.pass', { ...q9, theme: 'samenwerken', learningNeedText: 'Een cursus plannen' });
    const said = cardText(res.value) + (typeof res.value === 'string' ? res.value : '');
    expect({ refused: /gewist/.test(said), passed: /Doorgegeven/.test(said), kept: JSON.stringify(res.value).includes('Een cursus plannen') }).toEqual({ refused: true, passed: false, kept: true });
    if (res.type === 'application/vnd.microsoft.card.adaptive') expect(cardProblems(res.value)).toEqual([]);
    expect(await passOns()).toEqual([]);
  });
});
