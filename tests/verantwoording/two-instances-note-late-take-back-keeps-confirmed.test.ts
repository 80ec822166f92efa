/**
 * Found in review, stop 61 (fixed then: a save whose create finds its note marks it `confirmed` before it answers "saved"; a late take-back leaves a confirmed note, and that delivery answers "saved" too).
 *
 * Two instances, one save delivered to both: a Save from a message with the same dialog key
 * (Teams delivering it again, or the person pressing Save again on the dialog that came back), or
 * a tab save with its key (the browser retrying on the other instance). On A the note's create
 * lands but its answer is lost, and A's retry of it is answered after A's save window. Meanwhile
 * B finds the note A's create stored and answers "Bewaard in Mijn verantwoording" (the tab: 201).
 * Before the fix, A's retry found the note exactly as A wrote it, took it back as its own late
 * write and was refused: the person was told "saved" on B and the note was gone. The same shape
 * as a talent-review request (tests/talent-review/two-instances-request-late-take-back-keeps-confirmed.test.ts).
 * Nothing a delivery answered as saved may be gone; a confirm that finds the note taken back says
 * nothing was saved.
 */
import { user, TestUser } from '../support/activities';
import { cosmosGate, replaceOf } from '../support/cosmos-gate';
import { TestApp } from '../support/test-app';
import { stopEach } from '../live-session/support';
import { noteId } from '../../src/domain/verantwoording/accountability-note';
import { dropFirstCreateHoldRetry, extensionInvoke, startTwoSavingInstances, tabApi } from './support';
import { testWindowClock } from '../support/test-window-clock';

const WINDOW = 1_000;

describe('a save on two instances, one answered late', () => {
  let a: TestApp;
  let b: TestApp;
  let gate: ReturnType<typeof cosmosGate>;
  // B goes through A's proxy too (its connection): the gate holds B's requests as well.
  beforeAll(async () => { ({ a, b, gate } = await startTwoSavingInstances(WINDOW)); }, 60_000);
  afterAll(() => stopEach(b, a));

  const notesOf = async (who: TestUser) =>
    (await a.store.container('personal').items.query({ query: "SELECT c.text FROM c WHERE c.userId = @u AND c.type = 'note'", parameters: [{ name: '@u', value: who.aadObjectId }] }).fetchAll()).resources.map(
      (d: { text: string }) => d.text,
    );

  /**
   * `onA` and `onB` the same save; A's create lands with its answer lost and its retry is answered
   * after A's window; B runs meanwhile. `beforeLate`: what happens after B started and before A's
   * retry is let go (default: B's answer).
   */
  async function savedOnBoth<R>(onA: () => Promise<R>, onB: () => Promise<R>, beforeLate?: (b: Promise<R>) => Promise<void>): Promise<[R, R]> {
    const retry = dropFirstCreateHoldRetry();
    return a.proxy!.withFaults(retry.rule, async () => {
      const first = onA();
      await retry.held;
      const second = onB();
      if (beforeLate) await beforeLate(second);
      else await second;
      testWindowClock.advance(WINDOW + 20);
      retry.open();
      return [await first, await second] as [R, R];
    });
  }

  const said = (r: { body?: { task?: { type?: string; value?: unknown } } }) => (r.body?.task?.type === 'message' ? String(r.body.task.value) : `dialog again: ${JSON.stringify(r.body?.task?.value ?? '').slice(0, 80)}`);

  it('a Save from a message: B answers "Bewaard", the note is still there after A\'s late retry, and A answers "Bewaard" too', async () => {
    const noor = user('Noor');
    const link = 'https://teams.microsoft.com/l/message/19:late61@thread.v2/1764000000611';
    const save = () =>
      extensionInvoke(b.conversation('groupChat', '19:late61@thread.v2'), noor, 'composeExtension/submitAction', {
        commandId: 'bewaarInVerantwoording',
        commandContext: 'message',
        messagePayload: { id: '1764000000611', linkToMessage: link, body: { contentType: 'html', content: '<p>Goed gesprek gehad</p>' } },
        data: { noteText: 'Noor: goed gesprek over mijn rol', link, key: 'dialog-key-late61-noor', message: '1764000000611' },
      });
    const [onA, onB] = await savedOnBoth(
      () => a.send(save()),
      () => b.send(save()),
    );
    const told = [said(onA), said(onB)];
    expect({ told: told.map((t) => t.startsWith('Bewaard in Mijn verantwoording')), kept: await notesOf(noor) }).toEqual({ told: [true, true], kept: ['Noor: goed gesprek over mijn rol'] });
  }, 60_000);

  it('a tab save with its key (the browser retried on the other instance): 201 on both, and the note is still there', async () => {
    const pim = user('Pim');
    const apiA = await tabApi(a, pim.aadObjectId);
    const apiB = await tabApi(b, pim.aadObjectId);
    const body = { text: 'Pim: oefenen met feedback geven', key: 'pim-late61-0001' };
    const [onA, onB] = await savedOnBoth(
      () => apiA('POST', '/notes', body),
      () => apiB('POST', '/notes', body),
    );
    expect({ statuses: [onA.status, onB.status], kept: await notesOf(pim) }).toEqual({ statuses: [201, 201], kept: ['Pim: oefenen met feedback geven'] });
  }, 60_000);

  it('B\'s confirm lands after A took the note back: neither says saved, and nothing is kept', async () => {
    const ada = user('Ada');
    const apiA = await tabApi(a, ada.aadObjectId);
    const apiB = await tabApi(b, ada.aadObjectId);
    const body = { text: 'Ada: een lastig gesprek voorbereid', key: 'ada-late61-0001' };
    const confirm = gate.hold(replaceOf(noteId(ada.aadObjectId, body.key)));
    let letConfirmGo!: () => void;
    const afterA = new Promise<void>((resolve) => (letConfirmGo = resolve));
    const [onA, onB] = await savedOnBoth(
      async () => {
        const answer = await apiA('POST', '/notes', body);
        letConfirmGo();
        return answer;
      },
      () => apiB('POST', '/notes', body),
      async () => {
        // B found the note and its confirm is on its way; it lands only once A's late retry took the note back.
        await confirm.arrived;
        void afterA.then(() => confirm.release());
      },
    );
    expect({ statuses: [onA.status, onB.status], saidSaved: [onA.status, onB.status].includes(201), kept: await notesOf(ada) }).toEqual({ statuses: [503, 503], saidSaved: false, kept: [] });
  }, 60_000);
});
