/**
 * A refused B3-spiegel answer (a score left open, or not a score) comes back as the form with the
 * reason next to the statement while the poll is open, and as the closed card once it is not.
 * Problem this guards against: HR ran `poll close`, and a member pressed the answer button with a
 * score left open. The instance still remembered the poll as open, so the member got the full form
 * again ("Give every statement an answer…", with the answer button); completing it then said the
 * poll was closed and nothing was stored: a form that could only end in a refusal.
 */
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { SHORT_STORE_RETRY_PAUSES, startTestApp, TestApp } from '../support/test-app';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

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

const ENV = { HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'refused-key-'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' };
const START = 'poll start this team 2026-12-04 language en';
const offersAnswer = (card: unknown) => JSON.stringify(card).includes('"pulse.answer"');

/** A poll of one team, answered on its channel card; the tally and poll read straight from the store. */
function pollOf(west: TestTeam, get: () => { t: TestApp; d: PulseDriver }) {
  return {
    answer: (who: TestTeam['members'][number], values: Record<string, unknown>) => {
      const { d } = get();
      const poll = d.pollCard(west.id);
      return d.press(who, d.channel(west), 'pulse.answer', { pollId: poll.pollId, targetId: poll.targetId, ...values }, poll.id, west);
    },
    tally: async () => {
      const { t, d } = get();
      const { resources } = await t.store.container('pollAnswers').items.query({ query: "SELECT * FROM c WHERE c.type = 'tally' AND c.pollId = @id", parameters: [{ name: '@id', value: d.pollCard(west.id).pollId }] }).fetchAll();
      return resources[0];
    },
    status: async () => {
      const { t, d } = get();
      const id = d.pollCard(west.id).pollId;
      return (await t.store.container('polls').item(id, id).read()).resource?.status;
    },
  };
}

describe('a poll answer with a score that is no score', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Team West', 'west', [HR, ...members('west', 6)]);
  const poll = pollOf(west, () => ({ t, d }));

  beforeAll(async () => {
    t = await startTestApp(ENV, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.startPoll(west, START);
  });
  afterAll(() => t.stop());

  it.each([
    ['6', 'out of range'],
    ['0', 'zero'],
    ['3.5', 'a fraction'],
    ['٣', 'an Arabic-Indic digit'],
    ['vier', 'a word'],
  ])('attack: a score given as %s (%s): the form again in English, reason next to that statement, the other scores kept', async (bad) => {
    const before = JSON.stringify(await poll.tally());
    const res = await poll.answer(west.members[1]!, { ...scores(4), item_binden: bad, open: 'Mijn opmerking ✨' });
    expect(inputOf(res.value, 'item_binden')?.next?.text).toBe('Choose an answer for this statement.');
    expect(inputOf(res.value, 'item_boeien')?.input.value).toBe('4');
    expect(inputOf(res.value, 'open')?.input.value).toBe('Mijn opmerking ✨');
    expect(offersAnswer(res.value)).toBe(true);
    expect(JSON.stringify(await poll.tally())).toBe(before);
  });
});

describe('a poll answer with a score left open, pressed after HR closed the poll', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west: TestTeam = team('Team West', 'west', [HR, ...members('west', 6)]);
  const poll = pollOf(west, () => ({ t, d }));

  beforeAll(async () => {
    t = await startTestApp(ENV, '2026-11-23T08:00:00Z', { proxy: true, storeRetryPauses: SHORT_STORE_RETRY_PAUSES });
    d = new PulseDriver(t);
    await d.startPoll(west, START);
  });
  afterAll(() => t.stop());
  afterEach(() => {
    t.proxy!.faults = undefined;
  });

  it('attack: after `poll close` the instance still remembers the poll as open: the closed card straight away, the same as a complete late answer gets, and nothing stored', async () => {
    // An answer before the close: this instance now remembers the poll as open.
    expect(offersAnswer((await poll.answer(west.members[0]!, scores(4))).value)).toBe(false);
    await d.say(HR, west, 'poll close');
    expect(await poll.status()).toBe('closed');
    const sealed = await poll.tally();
    expect(sealed.sealed).toBeDefined();

    const res = await poll.answer(west.members[2]!, { ...scores(3), item_behouden: '', open: 'Mijn late opmerking' });
    const text = cardText(res.value);
    expect(offersAnswer(res.value)).toBe(false);
    expect(text).toContain('This poll is closed');
    expect(text).toContain('What you just entered was not stored');
    expect(text).toContain('HR closed the poll on');
    expect(text).not.toContain('Give every statement an answer');

    // What a complete answer after the close gets: the very same card.
    const complete = await poll.answer(west.members[3]!, scores(3));
    expect(res.value).toEqual(complete.value);
    expect(JSON.stringify(await poll.tally())).toBe(JSON.stringify(sealed));
  });

  it('attack: HR\'s close was cut short after sealing the answers (the poll still says open): the closed card, not a form the sealed tally will refuse', async () => {
    // A second poll for the team, after the first closed; its first answer is remembered as open.
    await d.say(HR, west, START);
    await d.settle();
    expect(await poll.status()).toBe('open');
    expect(offersAnswer((await poll.answer(west.members[0]!, scores(4))).value)).toBe(false);
    // The close seals the tally, then fails to mark the poll closed.
    t.proxy!.faults = (req) => (req.container === 'polls' && req.kind === 'replace' ? { kind: 'status', status: 503 } : undefined);
    await d.say(HR, west, 'poll close');
    t.proxy!.faults = undefined;
    expect(await poll.status()).toBe('open');
    const sealed = await poll.tally();
    expect(sealed.sealed).toBeDefined();

    const res = await poll.answer(west.members[2]!, { ...scores(3), item_behouden: '' });
    const text = cardText(res.value);
    expect(offersAnswer(res.value)).toBe(false);
    expect(text).toContain('This poll is closed');
    expect(text).toContain('What you just entered was not stored');
    expect(JSON.stringify(await poll.tally())).toBe(JSON.stringify(sealed));
  });
});
