import { HR, PulseDriver } from '../support/pulse-driver';
import { TestApp } from '../support/test-app';
import { startTwoInstances } from '../live-session/support';

/**
 * Two instances of the app on one store serving B3 polls, Hanna (HR) and a minimum of three
 * respondents, with the poll hash key `pollHashKey`; a PulseDriver for each.
 */
export async function startTwoPollInstances(pollHashKey: string): Promise<{ a: TestApp; b: TestApp; da: PulseDriver; db: PulseDriver }> {
  const [a, b] = await startTwoInstances({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: pollHashKey, B3_MIN_RESPONDENTS: '3' });
  return { a, b, da: new PulseDriver(a), db: new PulseDriver(b) };
}
