import { TestApp } from '../support/test-app';
import { allDocuments } from '../verantwoording/support';

export type Docs = Record<string, Record<string, string>>;

/** Every stored document by container and id, system fields left out (jobs and the outbox too: nothing may be queued). */
export async function snapshot(t: TestApp): Promise<Docs> {
  const out: Docs = {};
  for (const [container, docs] of Object.entries(await allDocuments(t.store))) {
    out[container] = {};
    for (const { _etag, _ts, _rid, _self, _attachments, ...d } of docs as Record<string, unknown>[]) out[container]![String(d.id)] = JSON.stringify(d);
  }
  return out;
}

/** What changed between two snapshots: `container/id` of every document added, changed or gone. */
export function changed(before: Docs, after: Docs): string[] {
  const out: string[] = [];
  for (const c of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const a = before[c] ?? {};
    const b = after[c] ?? {};
    for (const id of new Set([...Object.keys(a), ...Object.keys(b)])) if (a[id] !== b[id]) out.push(`${c}/${id}${a[id] === undefined ? ' (new)' : b[id] === undefined ? ' (gone)' : ''}`);
  }
  return out.sort();
}
