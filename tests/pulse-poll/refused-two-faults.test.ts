import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

/** The input with this id on the card, and the element right after it (where a refusal puts its reason). */
function inputOf(card: unknown, id: string): { input: any; next: any } | undefined {
  const walk = (node: unknown): { input: any; next: any } | undefined => {
    if (Array.isArray(node)) {
      const i = node.findIndex((n) => n && typeof n === 'object' && (n as { id?: unknown }).id === id);
      if (i >= 0) return { input: node[i], next: node[i + 1] };
      for (const n of node) {
        const found = walk(n);
        if (found) return found;
      }
    } else if (node && typeof node === 'object') {
      for (const v of Object.values(node)) {
        const found = walk(v);
        if (found) return found;
      }
    }
    return undefined;
  };
  return walk(card);
}

/** The reason shown next to an input, or undefined when the input is not marked. */
function reasonAt(card: unknown, id: string): string | undefined {
  const next = inputOf(card, id)?.next;
  return next?.type === 'TextBlock' && next.color === 'Attention' ? next.text : undefined;
}

/**
 * An answer with two faults at once: a statement left open AND a comment of 1001-2000
 * characters (allowed by the card payload, refused by the poll). The form should come back with
 * BOTH reasons next to their fields, so the member fixes both in one go; and a score outside 1-5
 * sent by a client is refused at its own statement. The comment's reason was missing (the answer
 * was refused at the missing score first). Found in review, stop 36.
 */
describe('refused poll answers with more than one fault', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'probe-refused-key'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
  }, 60_000);
  afterAll(() => t.stop());

  const answer = (who: TestTeam['members'][number], values: Record<string, unknown>) => {
    const poll = d.pollCard(noord.id);
    return d.press(who, d.channel(noord), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...values }, poll.id, noord);
  };

  it('marks both the statement left open and the too-long comment in one refusal', async () => {
    const partial: Record<string, string> = scores(3);
    delete partial.item_behouden;
    const res = await answer(noord.members[1]!, { ...partial, open: 'z'.repeat(1500) });
    expect({ behouden: reasonAt(res.value, 'item_behouden'), open: reasonAt(res.value, 'open'), kept: inputOf(res.value, 'open')?.input.value?.length }).toEqual({
      behouden: 'Kies een antwoord bij deze uitspraak.',
      open: expect.stringMatching(/^Hoogstens 1\.000 tekens; dit zijn er 1\.500\./),
      kept: 1500,
    });
  });

  it('refuses a score of 7 at its own statement, keeping the others', async () => {
    const res = await answer(noord.members[2]!, scores(3, { binden: 7 }));
    expect({ binden: reasonAt(res.value, 'item_binden'), boeien: inputOf(res.value, 'item_boeien')?.input.value }).toEqual({ binden: 'Kies een antwoord bij deze uitspraak.', boeien: '3' });
    const tally = (await t.store.container('pollAnswers').item('tally', d.pollCard(noord.id).pollId).read()).resource;
    expect(tally.respondents).toEqual([]);
  });
});
