/**
 * Found on CI, stop 64 (plan-survives-faults-and-replans, a retried plan press): on a busy machine
 * the press's writes took longer than the tests' save window by real time, so the plan was refused
 * as "Het opslaan duurde te lang" although no erasure was anywhere near. The window exists only to
 * bound a save against an erasure of the same person (save-window.ts); in tests its clock moves
 * only when an erasure waits it out or the test moves it (test-window-clock.ts).
 * 1. A plan press whose conversation's create the store holds longer than a whole window (real time) is planned.
 * 2. The same, with the window's clock moved past its end while the write is held: refused, nothing kept.
 */
import { execute, user } from '../support/activities';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { startTestApp, TEST_SAVE_WINDOW_MS, TestApp } from '../support/test-app';
import { testWindowClock } from '../support/test-window-clock';
import { waitUntil } from '../outbox/wait-until';
import { directoryFile } from './support/proposal-put-before';

const mia = user('Mia');

/** Holds the conversation's create (the plan's last write, inside its window) until `release`. */
function holdPlanCreate() {
  let release!: () => void;
  let arrived!: () => void;
  const until = new Promise<void>((resolve) => (release = resolve));
  const held = new Promise<void>((resolve) => (arrived = resolve));
  const rule: CosmosFaultRule = (req) => (req.container === 'reviews' && req.kind === 'create' ? (arrived(), { kind: 'hold', until }) : undefined);
  return { rule, arrived: held, release };
}

describe('a plan press on a busy machine', () => {
  let t: TestApp;
  const press = async (data: Record<string, unknown>) => (await t.send(execute(t.conversation('personal', 'a:personal-mia'), mia, 'review.plan.save', data, 'card-1'))).body.value;
  const reviews = async (reportId: string) => (await t.store.container('reviews').items.query('SELECT * FROM c').fetchAll()).resources.filter((r) => r.reportId === reportId);

  beforeAll(async () => {
    const directory = directoryFile([{ id: 'aad-anna', name: 'Anna', managerId: 'aad-mia' }, { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' }, { id: 'aad-mia', name: 'Mia' }]);
    t = await startTestApp({ DIRECTORY_FILE: directory }, '2026-11-23T08:00:00Z', { proxy: true });
  });
  afterAll(() => t.stop());

  it('is planned when the store holds the create of its conversation longer than a save window', async () => {
    const held = holdPlanCreate();
    const answer = await t.proxy!.withFaults(held.rule, async () => {
      const pressed = press({ reportId: 'aad-bram', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
      await held.arrived;
      const since = performance.now();
      await waitUntil('more than a save window passed', () => performance.now() > since + TEST_SAVE_WINDOW_MS + 200);
      held.release();
      return pressed;
    });
    expect(cardText(answer)).toMatch(/Gepland/);
    expect(await reviews('aad-bram')).toHaveLength(1);
  });

  it('is refused, nothing kept, when its window closed while the write was held', async () => {
    const held = holdPlanCreate();
    const answer = await t.proxy!.withFaults(held.rule, async () => {
      const pressed = press({ reportId: 'aad-anna', date: '2026-12-10', timeZone: 'Europe/Amsterdam', prepDays: '3' });
      await held.arrived;
      testWindowClock.advance(TEST_SAVE_WINDOW_MS + 1);
      held.release();
      return pressed;
    });
    expect(cardText(answer)).toMatch(/duurde te lang/);
    expect(await reviews('aad-anna')).toHaveLength(0);
  });
});
