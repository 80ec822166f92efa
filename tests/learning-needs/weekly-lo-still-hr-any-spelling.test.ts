import { TestUser, user } from '../support/activities';
import { startTestCosmos } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { threeNeedsPassedOn } from './support';

/**
 * A guard (held when written, in review of stop 52): the weekly card's `sendIf` ("still HR") after a
 * restart whose HR_USER_IDS names the same person in other case and with spaces: the card goes.
 */
const TITLE = /^Leerbehoeften van week 49$/;

describe('still HR, written differently after a restart', () => {
  let cosmos: Awaited<ReturnType<typeof startTestCosmos>>;
  let first: TestApp;
  let second: TestApp | undefined;
  const hanna = user('Hanna');
  const env = { ALLOWED_TENANT_IDS: 'tenant-1', B3_MIN_RESPONDENTS: '3' };
  const weeklyCards = (who: TestUser) => first.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${who.aadObjectId}`).filter(({ card }) => TITLE.test(String(card.body?.[0]?.text ?? '')));

  beforeAll(async () => {
    cosmos = await startTestCosmos();
    first = await startTestApp({ ...env, HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { cosmos });
    await threeNeedsPassedOn(first);
    first.clock.set('2026-11-30T01:00:00Z');
    await first.app.scheduler.runDue();
  }, 180_000);
  afterAll(async () => {
    if (second) await second.app.stop().catch(() => undefined);
    if (second) await second.connector.stop();
    await first.connector.stop();
    await cosmos.close();
  });

  it('sends Hanna her card when the new list says " AAD-Hanna "', async () => {
    await first.app.stop();
    // Not sent by the first app: the second one's check decides.
    expect(weeklyCards(hanna)).toHaveLength(0);
    second = await startTestApp({ ...env, HR_USER_IDS: ' AAD-Hanna ,other' }, '2026-11-30T01:05:00Z', { cosmos });
    await second.app.outbox.drain(30_000);
    expect(weeklyCards(hanna)).toHaveLength(1);
  }, 120_000);
});
