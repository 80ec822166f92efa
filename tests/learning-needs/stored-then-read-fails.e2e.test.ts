import { TestUser } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE } from '../live-session/support';
import { weekUpToQuestion9 } from './support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * "An error card means nothing was stored": the withdrawal of a learning need is stored (its
 * pass-on replaced by what a withdrawal leaves, since stop 41), or a pass-on is (replacing that
 * again), then the member's card cannot be read back for a moment. The
 * member was told it failed; now they get that it is done, and a button to open the card again.
 * Found in review, stop 34.
 */
describe('a learning need withdrawn or passed on, the card after it cannot be built', () => {
  let t: TestApp;
  let g: GroupDriver;
  const q9 = () => ({ ...g.ids(), questionId: 9 });
  const passOnOf = async (who: TestUser) => {
    const { resources } = await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'learningNeedPassOn' AND c.userId = @u", parameters: [{ name: '@u', value: who.aadObjectId }] }, { partitionKey: who.aadObjectId }).fetchAll();
    return resources[0];
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna', B3_MIN_RESPONDENTS: '3' }, '2026-11-23T08:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp();
    await g.startCycle();
    await weekUpToQuestion9(g);
    await g.press(anna, 'session.personal', { ...q9(), text: 'Samenwerken met de nachtdienst' });
  });
  afterAll(() => t.stop());

  const failReadsAfter = (kind: 'replace' | 'create') => {
    let written = false;
    t.proxy!.faults = (req) => {
      if (req.kind === kind && req.container === 'personal') {
        written = true;
        return undefined;
      }
      return written && req.kind !== 'metadata' && req.kind !== 'queryPlan' ? { kind: 'status', status: 503 } : undefined;
    };
    return () => written;
  };

  it('withdrawn, then the read for the card fails: not an error card', async () => {
    const passed = await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'samenwerken', learningNeedText: 'Afspraken tussen diensten' });
    expect(cardText(passed.value)).not.toContain(ERROR_TITLE);
    expect((await passOnOf(anna))?.text).toBe('Afspraken tussen diensten');

    const deleted = failReadsAfter('replace');
    let res;
    try {
      res = await g.press(anna, 'learningNeed.withdraw', q9());
    } finally {
      t.proxy!.faults = undefined;
    }
    expect({ withdrawn: deleted() && (await passOnOf(anna)) === undefined, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ withdrawn: true, error: false });
    expect(cardText(res.value)).toContain('Ingetrokken. Er is niets doorgegeven.');
    expect(cardProblems(res.value)).toEqual([]);
  });

  it('passed on again, then the read for the card fails: not an error card', async () => {
    const written = failReadsAfter('replace');
    let res;
    try {
      res = await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'samenwerken', learningNeedText: 'Afspraken tussen diensten' });
    } finally {
      t.proxy!.faults = undefined;
    }
    expect({ written: written(), stored: (await passOnOf(anna))?.text, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ written: true, stored: 'Afspraken tussen diensten', error: false });
    expect(cardText(res.value)).toContain('Doorgegeven.');
  });
});
