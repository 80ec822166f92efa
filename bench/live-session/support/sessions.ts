/**
 * The set-up the live-session benches and measuring aids share: the groups whose answer turns
 * they load, and one load run in the client thread (the answer-turn bench wraps its own, measured).
 */
import type { Worker } from 'node:worker_threads';
import { user } from '../../../tests/support/activities';
import { GroupDriver } from '../../../tests/support/group-driver';
import { TestApp } from '../../../tests/support/test-app';
import type { LoadOrder, LoadResult } from '../load-client';

/** The members of every group the benches open. */
export const MEMBERS = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gert', 'Hana'].map(user);

/** Runs one load in the client thread and waits for its result. */
export function load(client: Worker, order: LoadOrder): Promise<LoadResult> {
  return new Promise((resolve) => {
    client.once('message', resolve);
    client.postMessage(order);
  });
}

/** `count` group chats (`19:<prefix>-<i>@thread.v2`) of MEMBERS, each set up with a cycle and a live session started. */
export async function openSessions(t: TestApp, prefix: string, count: number): Promise<GroupDriver[]> {
  const drivers: GroupDriver[] = [];
  for (let i = 0; i < count; i++) {
    const g = new GroupDriver(t, t.conversation('groupChat', `19:${prefix}-${i}@thread.v2`), MEMBERS);
    await g.setUp();
    await g.startCycle();
    await g.startSession();
    drivers.push(g);
  }
  return drivers;
}
