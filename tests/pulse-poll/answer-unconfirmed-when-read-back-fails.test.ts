import { ConversationSpec, submit, TestUser } from '../support/activities';
import { CosmosFaultRule } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Problem (review, stop 65): one network blip loses the reply of an answer's tally write (the
 * write reached the store) and fails the read-back right after it. The read-back's failure was
 * taken for "nothing stored": the member got the error card ("Dat lukte niet ... Probeer het zo
 * nog eens") for an answer that counted, and would hear "al ingevuld" on pressing again. On the
 * Action.Submit fallback in a team channel that error card was queued for their 1:1 chat: an
 * outbox document naming them, written in the same second as a tally write that landed, which a
 * database reader could tie together by `_ts`.
 * Must hold: whether the answer was stored is unknown, and the member is told exactly that, with
 * their choices kept, and that sending again shows which (in the poll's language); nothing is
 * written that names them (no outbox document), wherever they pressed. The answer counts once.
 * Answers from answer-reply-lost.test.ts: there the read-back works.
 */
describe('a poll answer whose write reply and read-back are both lost', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', [HR, ...members('zuid', 6)]);
  const count = async (pollId: string, targetId: string) => (await t.cosmos.container('pollAnswers').item('tally', pollId).read()).resource.teams[targetId].count as number;
  const ownChat = (who: TestUser): ConversationSpec => ({ id: `a:1on1-${who.id}`, type: 'personal', tenantId: 'tenant-1', serviceUrl: t.connector.url });
  /** Ids of the outbox documents that name `who` (their Teams or Entra id). */
  const outboxNaming = async (who: TestUser) =>
    (await t.cosmos.container('outbox').items.readAll().fetchAll()).resources
      .filter((doc) => JSON.stringify(doc).includes(who.id) || JSON.stringify(doc).includes(who.aadObjectId))
      .map((doc) => doc.id as string);
  /** The card's inputs that hold a value: what the member finds still chosen. */
  const kept = (card: unknown): Record<string, string> => {
    const out: Record<string, string> = {};
    const walk = (node: unknown): void => {
      if (!node || typeof node !== 'object') return;
      if (Array.isArray(node)) return node.forEach(walk);
      const el = node as Record<string, unknown>;
      if (typeof el.type === 'string' && el.type.startsWith('Input.') && typeof el.id === 'string' && typeof el.value === 'string') out[el.id] = el.value;
      for (const [key, value] of Object.entries(el)) if (key !== 'data') walk(value);
    };
    walk((card as { body?: unknown }).body);
    return out;
  };

  /**
   * The blip: the first tally replace is lost on its way (`dropAfter`: stored, the reply lost) or
   * before it (`dropBefore`: nothing stored); every tally read after it fails for the rest of the press.
   */
  const blip = (replace: 'dropAfter' | 'dropBefore'): CosmosFaultRule => {
    let replaced = false;
    return (r) => {
      if (r.container !== 'pollAnswers') return undefined;
      if (r.kind === 'replace' && !replaced) {
        replaced = true;
        return { kind: replace };
      }
      return r.kind === 'pointRead' && replaced ? { kind: 'dropBefore' } : undefined;
    };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'answer-unconfirmed'.padEnd(40, 'u'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
    await d.startPoll(zuid, 'poll start Zorgteam Zuid 2026-12-04 private language en');
    await d.settle();
  }, 90_000);
  afterAll(() => t?.stop());

  it('Action.Execute in the channel: says it could not check, keeps the choices, and sending again says it was in', async () => {
    const who = noord.members[2]!;
    const poll = d.pollCard(noord.id);
    const answer = { pollId: poll.pollId, targetId: poll.targetId, ...scores(2, { beloning: 5 }), open: 'Meer overleg graag' };
    const before = await count(poll.pollId, poll.targetId);
    const named = await outboxNaming(who);
    const reply = await t.proxy!.withFaults(blip('dropAfter'), () => d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord));
    const text = cardText(reply.value);
    expect({
      counted: (await count(poll.pollId, poll.targetId)) - before,
      errorCard: /Dat lukte niet|niets verloren|niet opgeslagen/.test(text),
      unconfirmed: text.includes('kon ik niet nagaan of je antwoorden zijn opgeslagen'),
      kept: kept(reply.value),
      newOutbox: (await outboxNaming(who)).filter((id) => !named.includes(id)),
    }).toEqual({
      counted: 1,
      errorCard: false,
      unconfirmed: true,
      kept: { ...scores(2, { beloning: 5 }), open: 'Meer overleg graag' },
      newOutbox: [],
    });
    const again = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    expect({ already: cardText(again.value).includes('al ingevuld'), counted: (await count(poll.pollId, poll.targetId)) - before }).toEqual({ already: true, counted: 1 });
  }, 60_000);

  it('Action.Execute in the channel, the write lost before it arrived: the same honest card, and sending again stores it', async () => {
    const who = noord.members[3]!;
    const poll = d.pollCard(noord.id);
    const answer = { pollId: poll.pollId, targetId: poll.targetId, ...scores(4) };
    const before = await count(poll.pollId, poll.targetId);
    const reply = await t.proxy!.withFaults(blip('dropBefore'), () => d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord));
    expect({ unconfirmed: cardText(reply.value).includes('kon ik niet nagaan'), counted: (await count(poll.pollId, poll.targetId)) - before }).toEqual({ unconfirmed: true, counted: 0 });
    const again = await d.press(who, d.channel(noord), 'pulse.answer', answer, poll.id, noord);
    expect({ stored: cardText(again.value).includes('anoniem opgeslagen'), counted: (await count(poll.pollId, poll.targetId)) - before }).toEqual({ stored: true, counted: 1 });
  }, 60_000);

  it('Submit fallback in the channel: nothing queued under the member\'s name beside the stored answer', async () => {
    const who = noord.members[4]!;
    const poll = d.pollCard(noord.id);
    const before = await count(poll.pollId, poll.targetId);
    const named = await outboxNaming(who);
    const callsBefore = t.connector.calls.length;
    await t.proxy!.withFaults(blip('dropAfter'), () =>
      t.send(d.inTeam(submit(d.channel(noord), who, { verb: 'pulse.answer', pollId: poll.pollId, targetId: poll.targetId, ...scores(3) }, poll.id), noord)),
    );
    const newOutbox = (await outboxNaming(who)).filter((id) => !named.includes(id));
    await d.settle();
    const toMember = t.connector.calls.slice(callsBefore).filter((c) => c.conversationId === ownChat(who).id).length;
    expect({ counted: (await count(poll.pollId, poll.targetId)) - before, newOutbox, toMember }).toEqual({ counted: 1, newOutbox: [], toMember: 0 });
  }, 60_000);

  it('a private poll in the 1:1 chat, in its language (English): told it could not be checked, on Execute and on the Submit fallback', async () => {
    const [first, second] = [zuid.members[1]!, zuid.members[2]!];
    const invite = t.connector.cards((c) => c.method === 'POST' && c.conversationId === ownChat(first).id).at(-1)!;
    const { pollId, targetId } = invite.card.refresh.action.data as { pollId: string; targetId: string };
    const before = await count(pollId, targetId);
    const named = [...(await outboxNaming(first)), ...(await outboxNaming(second))];

    const reply = await t.proxy!.withFaults(blip('dropAfter'), () => d.press(first, ownChat(first), 'pulse.answer', { pollId, targetId, ...scores(5) }, invite.call.id));
    const secondInvite = t.connector.cards((c) => c.method === 'POST' && c.conversationId === ownChat(second).id).at(-1)!;
    const callsBefore = t.connector.calls.length;
    await t.proxy!.withFaults(blip('dropAfter'), () => t.send(submit(ownChat(second), second, { verb: 'pulse.answer', pollId, targetId, ...scores(1) }, secondInvite.call.id)));
    await d.settle();
    const shown = t.connector.cards((c) => c.conversationId === ownChat(second).id).filter((c) => t.connector.calls.indexOf(c.call) >= callsBefore).map((c) => cardText(c.card));
    const newOutbox = [...(await outboxNaming(first)), ...(await outboxNaming(second))].filter((id) => !named.includes(id));
    expect({
      counted: (await count(pollId, targetId)) - before,
      execute: cardText(reply.value).includes('I could not check whether your answers were stored'),
      executeKept: kept(reply.value).item_beloning,
      submit: shown.map((text) => text.includes('I could not check whether your answers were stored')),
      errorCard: [cardText(reply.value), ...shown].some((text) => /did not work|Dat lukte niet|nothing was lost/i.test(text)),
      newOutbox,
    }).toEqual({ counted: 2, execute: true, executeKept: '5', submit: [true], errorCard: false, newOutbox: [] });
  }, 60_000);
});
