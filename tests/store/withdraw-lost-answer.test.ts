import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE } from '../live-session/support';
import { weekUpToQuestion9 } from '../learning-needs/support';

const [anna, bram, cem, dewi] = MEMBERS as [TestUser, TestUser, TestUser, TestUser];

/**
 * "An error card means nothing was stored", for withdrawing a learning need: the pass-on's delete
 * reached Cosmos DB (it is gone) and its answer was lost, and the member was told it failed. A
 * transient error now makes the withdrawal read again, and find it gone. Found in review, stop 39.
 */
describe('a learning need withdrawn whose delete answer is lost', () => {
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

  it('withdrawn, the delete answer lost: not an error card', async () => {
    await g.press(anna, 'learningNeed.pass', { ...q9(), theme: 'samenwerken', learningNeedText: 'Afspraken tussen diensten' });
    expect((await passOnOf(anna))?.text).toBe('Afspraken tussen diensten');
    let dropped = 0;
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' && dropped++ === 0 ? { kind: 'dropAfter' } : undefined);
    let res;
    try {
      res = await g.press(anna, 'learningNeed.withdraw', q9());
    } finally {
      t.proxy!.faults = undefined;
    }
    expect({ dropped: dropped > 0, withdrawn: (await passOnOf(anna)) === undefined, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ dropped: true, withdrawn: true, error: false });
  });
});
