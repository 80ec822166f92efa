// Found in review, stop 59 (fixed then: `count` stays in code units against the transport bound; a form naming the field's own limit tells `shown`).
/**
 * An earlier change of stop 59 (1bf6166) told a text refused by its zod transport bound (card-actions.ts payloadProblems) its
 * length as `lengthAgainst` counts it, but keeps `max` the transport bound in code units. Forms
 * whose reason names `p.params.max` (weekCycleReason: group setup, agenda) now say a refused text
 * is within its limit: 10,001 emoji in the group's name (20,002 units, over the 20,000-unit
 * bound) read "Hoogstens 20.000 tekens; dit zijn er 10.001." (before: "... 20.002"). The reason
 * should never name a count within the maximum it names (and the name's real limit is 120).
 */
import { field } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { SETUP_MEMBERS, setupFormGroup, setupFormValues } from './support';

describe('a group name refused by its transport bound', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z');
  }, 60_000);
  afterAll(() => t.stop());

  it('10,001 emoji: the reason does not call it within the maximum it names', async () => {
    const g = setupFormGroup(t, '19:transport-bound-count@thread.v2');
    await g.setUp('nl');
    const over = '\u{1F337}'.repeat(10_001);
    const res = await g.press(SETUP_MEMBERS[0]!, 'group.setup.save', setupFormValues(over), 'cycle-card');
    const next = field(res.value, 'name')?.next ?? '';
    const m = /Hoogstens ([0-9.]+) tekens; dit zijn er ([0-9.]+)/.exec(next);
    expect(m).not.toBeNull();
    const [max, count] = [Number(m![1]!.replace(/\./g, '')), Number(m![2]!.replace(/\./g, ''))];
    // Promised: the reason says why it is refused (over the limit), never a count within it.
    expect({ next, countOverMax: count > max }).toEqual({ next, countOverMax: true });
  }, 60_000);
});
