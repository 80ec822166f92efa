import { execute, message, TestUser, user } from '../support/activities';
import { inputValues } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

interface Action { type: string; verb?: string; title?: string; data?: Record<string, unknown> }

/**
 * A refused form whose own card cannot be built again (Cosmos DB answers 503 to the reads the form
 * needs): the refusal was about the input, so the person gets a plain form with what they typed,
 * the reason next to it and the same action to try again, in their language; never a dead end
 * that loses the text.
 */
describe('a refused form whose re-render fails', () => {
  let t: TestApp;
  const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());
  afterEach(() => {
    t.proxy!.faults = undefined;
  });

  it('attack: over-long group answer while the group\'s container is down: the text, the reason and a way to try again', async () => {
    const g = new GroupDriver(t, t.conversation('groupChat', '19:render-fault@thread.v2'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    const long = 'w'.repeat(2400);
    // The payload check refuses the text without a read; only the refused form's own card needs the store.
    t.proxy!.faults = (req) => (req.container === 'sessions' ? { kind: 'status', status: 503 } : undefined);
    const res = await g.contribute(dewi, 1, long);
    t.proxy!.faults = undefined;
    const card = res.value as { actions?: Action[] };
    expect(cardText(card)).toContain('Niet bewaard. Het formulier kon nu niet opnieuw worden geladen');
    expect(inputValues(card).text).toBe(long);
    expect(cardText(card)).toContain('Hoogstens 2.000 tekens; dit zijn er 2.400.');
    expect(cardProblems(card)).toEqual([]);
    const again = card.actions?.find((a) => a.type === 'Action.Execute');
    expect({ verb: again?.verb, title: again?.title, groupId: again?.data?.groupId, questionId: again?.data?.questionId }).toEqual({ verb: 'session.contribute', title: 'Opnieuw proberen', groupId: g.groupId, questionId: 1 });
    // The store is back: the same action with the text shortened is stored.
    const retried = await t.send(execute(g.conv, dewi, again!.verb!, { ...again!.data, text: 'w'.repeat(1900) }, g.sessionMessageId));
    expect(cardText(retried.body.value)).not.toContain('Niet bewaard');
    expect((await g.items('contribution')).map((c) => c.text.length)).toEqual([1900]);
  });

  it('attack: English user, over-long note while their container is down: the note comes back in English', async () => {
    const eva = user('Eva');
    const conv = t.conversation('personal', 'a:personal-eva');
    await t.send(message(conv, eva, 'taal en'));
    const long = 'n'.repeat(4500);
    t.proxy!.faults = (req) => (req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    const res = await t.send({ ...execute(conv, eva, 'verantwoording.note.add', { text: long }, 'card-1'), locale: 'en-US' });
    t.proxy!.faults = undefined;
    const text = cardText(res.body.value);
    expect(inputValues(res.body.value).text).toBe(long);
    expect(text).toContain('Not saved. The form could not be loaded again just now');
    expect(text).not.toMatch(/Dat lukte niet|niets verloren|Niet bewaard/);
  });
});
