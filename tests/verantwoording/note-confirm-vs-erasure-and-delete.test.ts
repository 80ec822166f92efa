/**
 * A guard (held when written, in review of stop 61's own change): the confirm (`confirmNote`, a replace outside
 * the save window) against the erasure promise and the person's own delete.
 * - Tab save on two instances, same key: A's create lands with its answer lost and its retry is
 *   held; B finds the note and its confirm is held. The person erases meanwhile (the sweep deletes
 *   the note), then A's held retry re-creates the note after "gewist", and B's confirm lands while
 *   A's take-back of that re-created note is still held: the confirm must not mark the re-created
 *   note (it would then outlive the erasure), B must not answer 201, nothing is kept.
 * - The person deletes the note between B's create and B's confirm: B does not answer 201, the note
 *   stays deleted, A's late retry does not bring it back.
 */
import { user, TestUser } from '../support/activities';
import { cosmosGate, deleteOf, replaceOf } from '../support/cosmos-gate';
import { TestApp } from '../support/test-app';
import { stopEach } from '../live-session/support';
import { noteId } from '../../src/domain/verantwoording/accountability-note';
import { dropFirstCreateHoldRetry, eraseInChat, startTwoSavingInstances, tabApi } from './support';
import { testWindowClock } from '../support/test-window-clock';

const WINDOW = 1_000;

describe('a confirm against an erasure and a delete', () => {
  let a: TestApp;
  let b: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  beforeAll(async () => { ({ a, b, gate } = await startTwoSavingInstances(WINDOW)); }, 60_000);
  afterAll(() => stopEach(b, a));

  const own = async (who: TestUser) =>
    (await a.store.container('personal').items.query({ query: 'SELECT c.type, c.text, c.confirmed FROM c WHERE c.userId = @u', parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
      (d: { type: string; text?: string; confirmed?: boolean }) => `${d.type}:${d.text ?? ''}${d.confirmed ? ':confirmed' : ''}`,
    );

  it('the erasure sweeps, A re-creates the note after "gewist", B\'s confirm lands then: not confirmed, not 201, nothing kept', async () => {
    const ada = user('AdaE61c');
    const apiA = await tabApi(a, ada.aadObjectId);
    const apiB = await tabApi(b, ada.aadObjectId);
    const body = { text: 'Ada: twijfel over mijn rol', key: 'ada-probe61c-erase-0001' };
    const id = noteId(ada.aadObjectId, body.key);
    const retry = dropFirstCreateHoldRetry();
    const confirm = gate.hold(replaceOf(id));
    await a.proxy!.withFaults(retry.rule, async () => {
      const onA = apiA('POST', '/notes', body);
      await retry.held;
      const onB = apiB('POST', '/notes', body);
      await confirm.arrived;
      await eraseInChat(a, ada);
      expect(await own(ada)).toEqual([]);
      // A's retry re-creates the note after "gewist"; its take-back (a delete under its ETag) is held.
      const takeBack = gate.hold(deleteOf(id));
      retry.open();
      await takeBack.arrived;
      expect(await own(ada)).toEqual(['note:Ada: twijfel over mijn rol']);
      confirm.release();
      const answeredB = await onB;
      takeBack.release();
      const answeredA = await onA;
      expect({ statuses: [answeredA.status, answeredB.status].map((s) => s === 201), left: await own(ada) }).toEqual({ statuses: [false, false], left: [] });
    });
  }, 120_000);

  it('deleted by the person between B\'s create and B\'s confirm: B does not say 201, and the note stays deleted after A\'s late retry', async () => {
    const pim = user('PimD61c');
    const apiA = await tabApi(a, pim.aadObjectId);
    const apiB = await tabApi(b, pim.aadObjectId);
    const body = { text: 'Pim: even iets kwijt', key: 'pim-probe61c-delete-0001' };
    const id = noteId(pim.aadObjectId, body.key);
    const retry = dropFirstCreateHoldRetry();
    const confirm = gate.hold(replaceOf(id));
    await a.proxy!.withFaults(retry.rule, async () => {
      const onA = apiA('POST', '/notes', body);
      await retry.held;
      const onB = apiB('POST', '/notes', body);
      await confirm.arrived;
      expect((await apiA('DELETE', `/notes/${encodeURIComponent(id)}?rev=1`)).status).toBe(204);
      confirm.release();
      const answeredB = await onB;
      testWindowClock.advance(WINDOW + 20);
      retry.open();
      const answeredA = await onA;
      expect({ statuses: [answeredA.status === 201, answeredB.status === 201], notes: (await own(pim)).filter((d) => d.startsWith('note:')) }).toEqual({ statuses: [false, false], notes: [] });
    });
  }, 120_000);
});
