import { personalAnswerId } from '../../src/domain/personal/personal-answer';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';
import { ERROR_TITLE, isNormalCard } from './support';
import { judgementsOf } from './race-app';

/**
 * Probes: a write Cosmos DB stored whose answer is lost on every try, or a failure after the
 * commit. The promise: an error card means nothing was stored.
 */
/**
 * "An error card means nothing was stored": Cosmos DB stores the write and its answer is lost on
 * every try (or a step after the commit fails). The id is known, so the save looks it up and the
 * person gets what was stored, not an error card; a step that can fail after the commit comes
 * first (the handover job), so its failure stores nothing. Found in review, stop 32.
 */
describe('lost answers on the other session actions', () => {
  let t: TestApp;
  let round = 0;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  beforeAll(async () => {
    t = await startTestApp({}, undefined, { proxy: true, sharedCardIntervalMs: 0, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
  });
  afterAll(() => t.stop());

  const withFaults = <R>(rule: CosmosFaultRule, work: () => Promise<R>): Promise<R> => t.proxy!.withFaults(rule, work);

  const group = () => new GroupDriver(t, t.conversation('groupChat', `19:lost-${round++}@thread.v2`), [anna, bram, cem, dewi]);

  /** A session whose day holds 1, 9 and 10: question 9 is at index 1. */
  const personalDay = async () => {
    const g = group();
    await g.setUp();
    await g.startCycle();
    await g.press(anna, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,9,10', day2: '2,3', day3: '4,5,6,7', day4: '8' }, 'cycle-card');
    await g.startSession();
    return g;
  };

  const atProposal = async () => {
    const g = group();
    await g.answeredOnDayOne(['Overdracht', 'Info verspreid', 'Geen tijd', 'Te traag', 'Vaste momenten', 'Een overdrachtstafel'], { checkIn: 4 });
    return g;
  };

  it('a personal answer (question 9) stored whose answer is lost: not an error card', async () => {
    const g = await personalDay();
    await g.goTo(anna, 1);
    const typed = 'Ik wil beter leren plannen';
    const res = await withFaults((req) => (req.container === 'personal' && req.kind === 'create' ? { kind: 'dropAfter' } : undefined), () =>
      g.press(anna, 'session.personal', { ...g.ids(), questionId: 9, text: typed }),
    );
    const stored = (await t.store.container('personal').item(personalAnswerId(anna.aadObjectId, g.sessionId, 9), anna.aadObjectId).read()).resource;
    expect({ stored: stored?.text, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ stored: typed, error: false });
  });

  it('a judgement stored whose answer is lost: not an error card', async () => {
    const g = await atProposal();
    const res = await withFaults((req) => (req.container === 'sessions' && req.kind === 'batch' ? { kind: 'dropAfter' } : undefined), () =>
      g.press(bram, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: 'BRAM: goed plan' }),
    );
    const stored = (await judgementsOf(t, g)).some((j) => j.memberId === bram.aadObjectId);
    expect({ stored, error: cardText(res.value).includes(ERROR_TITLE) }).toEqual({ stored: true, error: false });
  });

  it('moving to question 9: the move is stored, the read of the own answer fails: not an error card', async () => {
    const g = await personalDay();
    const res = await withFaults((req) => (req.container === 'personal' && req.kind === 'pointRead' ? { kind: 'status', status: 503 } : undefined), () => g.goTo(anna, 1));
    const moved = (await g.session()).currentIndex === 1;
    expect({ moved, normal: isNormalCard(res) }).toEqual({ moved: true, normal: true });
  });
});
