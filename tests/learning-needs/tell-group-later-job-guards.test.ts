// A guard (held when written, in review of stop 56).

/**
 * `proposalToLo.tellGroupLater`, the job that
 * queues a group's notice or L&O's answer card whose queueing failed in the press's turn. Guards:
 * the job's payload holds ids only; a job whose record is gone, whose group is gone, whose answer a
 * later one replaced, or whose notice went meanwhile queues nothing; run twice it queues under one key.
 */
import { tellGroupLater } from '../../src/usecases/proposal-to-lo/proposal-to-lo';

/* eslint-disable @typescript-eslint/no-explicit-any -- fakes of the ports under test */

function fakes(record: any, group: any) {
  const queued: string[] = [];
  return {
    queued,
    deps: {
      shared: { get: async (_tenant: string, id: string) => (record && record.id === id ? record : undefined) } as any,
      groups: { group: async (id: string) => (group && group.id === id ? group : undefined) } as any,
      delivery: {
        sharedNotice: async (_g: unknown, _s: unknown, key: string) => void queued.push(key),
        answerToGroup: async (_g: unknown, _s: unknown, key: string) => void queued.push(key),
      } as any,
    },
  };
}

const group = { id: 'g1' };
const record = (over: Record<string, unknown> = {}) => ({ id: 's1', tenantId: 't1', groupId: 'g1', revision: 2, answer: { text: 'x' }, ...over });

describe('the tell-group-later job', () => {
  it('record gone, group gone, a later answer, a notice already out: nothing queued', async () => {
    const cases = [
      fakes(undefined, group),
      fakes(record(), undefined),
      fakes(record({ revision: 3 }), group),
      fakes(record({ noticedAt: '2026-11-23T08:00:00Z' }), group),
    ];
    const outcomes = [
      await tellGroupLater(cases[0]!.deps, { tenantId: 't1', id: 's1' }),
      await tellGroupLater(cases[1]!.deps, { tenantId: 't1', id: 's1', revision: 2 }),
      await tellGroupLater(cases[2]!.deps, { tenantId: 't1', id: 's1', revision: 2 }),
      await tellGroupLater(cases[3]!.deps, { tenantId: 't1', id: 's1' }),
    ];
    expect({ outcomes, queued: cases.flatMap((c) => c.queued) }).toEqual({ outcomes: ['nothing', 'nothing', 'nothing', 'nothing'], queued: [] });
  });

  it('run twice: the same key both times (the outbox queues it once)', async () => {
    const f = fakes(record(), group);
    await tellGroupLater(f.deps, { tenantId: 't1', id: 's1', revision: 2 });
    await tellGroupLater(f.deps, { tenantId: 't1', id: 's1', revision: 2 });
    expect(new Set(f.queued).size).toBe(1);
  });
});
