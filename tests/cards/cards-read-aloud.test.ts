/**
 * The Adaptive Cards as a screen-reader user and Teams mobile meet them, and against Teams' limits
 * (found in review, stop 50). Every card is rendered through the real app: a group of eight
 * members with long names walks through setup (refused once), a week's first day with the longest
 * answers allowed (and one refused), a proposal and its decision, and the summary, in nl and en;
 * and a B3 poll form in a team channel.
 *
 * What must hold:
 * - every card the app posts or updates in reply to a press or a command carries a `summary` (what
 *   Teams' toast, feed and chat list show instead of "Sent a card", and a screen reader announces),
 *   in the card's language, taken from the card itself, and no `text`;
 * - a refused field's reason is read with the field: it is in the input's label as well as in the
 *   red block below it;
 * - every energy choice reads alone ("3 (middel)", never a bare "3");
 * - each B3 score dropdown's label carries the statement it scores, and the statement is not
 *   shown a second time beside it;
 * - and what already held: labels, maxLength, few actions, no mobile-hostile elements, schema and size.
 */
import { TurnContext } from 'botbuilder';
import { postCard, updateCard } from '../../src/teams/card-response';
import { adaptiveCard, heading, textBlock } from '../../src/teams/cards/card-kit';
import { botAdded, message, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { GroupDriver } from '../support/group-driver';
import { HR, members as teamMembers, PulseDriver, team } from '../support/pulse-driver';
import { RecordedCall } from '../support/recording-connector';
import { startTestApp, TestApp } from '../support/test-app';
import instrumentNl from '../../src/pulse-poll/instrument/b3-instrument.nl.json';

type Node = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test

/** Every element of a card with the array it sits in and its place there (data and fallbacks left out). */
function elements(node: unknown, out: { n: Node; siblings?: Node[]; i: number }[] = [], siblings?: Node[], i = 0) {
  if (Array.isArray(node)) node.forEach((n, j) => elements(n, out, node as Node[], j));
  else if (node && typeof node === 'object') {
    const o = node as Node;
    if (typeof o.type === 'string') out.push({ n: o, siblings, i });
    for (const [k, v] of Object.entries(o)) if (k !== 'data' && k !== 'fallback') elements(v, out);
  }
  return out;
}
const inputs = (card: Node) => elements(card).filter((e) => String(e.n.type).startsWith('Input.'));

const longName = (first: string) => user(`${first}-Marie van den Berghe-Oosterhuizen de Vries`);
const eight = ['Anna', 'Bram', 'Cem', 'Dewi', 'Eva', 'Finn', 'Gijs', 'Hira'].map(longName);
const longest = (seed: string, max: number) => `${seed} `.repeat(max).slice(0, max);

interface Walk { t: TestApp; g: GroupDriver; posts: RecordedCall[]; updates: RecordedCall[]; cards: { where: string; card: Node }[] }

async function fullWeek(language: 'nl' | 'en'): Promise<Walk> {
  const t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
  const g = new GroupDriver(t, t.conversation('groupChat'), eight);
  const [a, b, c, d] = eight as [TestUser, TestUser, TestUser, TestUser];
  await t.send(botAdded(g.conv, a));
  t.connector.roster = eight;
  await t.send(message(g.conv, a, language === 'en' ? 'setup' : 'instellen'));
  await g.press(a, 'group.setup.save', { name: 'x'.repeat(300), members: '', days: '', startTime: '25:00', timeZone: 'Europe/Amsterdam', language, weeks: '99' }, 'setup-card');
  await g.setUp(language);
  await g.startCycle();
  await g.press(a, 'cycle.agenda.save', { groupId: g.groupId, cycleId: `${g.groupId}_w1`, day1: '1,2,3,4,5,6,7', day2: '8', day3: '9', day4: '10' }, 'cycle-card');
  await g.startSession();
  for (const m of [a, b, c]) await g.checkIn(m, 4);
  await g.checkIn(d, 9);
  for (let q = 0; q < 6; q++) for (const m of eight) { await g.goTo(m, q); await g.contribute(m, q + 1, longest(`${m.name} ${q}`, 2000)); }
  await g.contribute(a, 1, longest('te lang', 2001));
  for (const m of [a, b, c]) await g.press(m, 'proposal.judge', { ...g.ids(), opinion: 'agree', reason: longest('reden', 1000) });
  await g.press(d, 'proposal.decide', { ...g.ids(), decision: 'accept', decisionReason: longest('besluit', 1000), adoptedText: '', firstStep: longest('stap', 500) });
  await g.end(a);
  await t.send(message(g.conv, a, 'help'));
  const posts = t.connector.calls.filter((call) => call.method === 'POST' && call.activity.attachments?.length);
  const updates = t.connector.calls.filter((call) => call.method === 'PUT' && call.activity.attachments?.length);
  const cards = [
    ...t.connector.cards().map((x) => ({ where: `${x.call.method} "${String(x.card.body?.[0]?.text).slice(0, 40)}"`, card: x.card as Node })),
    ...g.invokeCards.map((card) => ({ where: `invoke "${String((card as Node).body?.[0]?.text).slice(0, 40)}"`, card: card as Node })),
  ];
  return { t, g, posts, updates, cards };
}

describe('a card sent in reply to a press or a command', () => {
  it('is posted and updated in place with its summary, and no text above it', async () => {
    const sent: Record<string, unknown>[] = [];
    const context = {
      sendActivity: async (activity: Record<string, unknown>) => (sent.push(activity), { id: 'm1' }),
      updateActivity: async (activity: Record<string, unknown>) => void sent.push(activity),
    } as unknown as TurnContext;
    const card = adaptiveCard([textBlock('Voor team Zorg'), heading('**Groep** instellen')]);
    expect(await postCard(context, card)).toBe('m1');
    await updateCard(context, 'm1', card);
    expect(sent).toEqual([
      { type: 'message', summary: 'Groep instellen', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }] },
      { type: 'message', summary: 'Groep instellen', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: card }], id: 'm1' },
    ]);
  });
});

describe.each(['nl', 'en'] as const)('every card of a group\'s fullest first day (%s)', (language) => {
  let w: Walk;
  beforeAll(async () => { w = await fullWeek(language); }, 600_000);
  afterAll(() => w.t.stop());

  // Found in review (medium): the live session card the app posts in the group chat when a member
  // presses "start" (and the setup, cycle and help cards posted on a command) went out through
  // src/teams/card-response.ts postCard without a `summary`: all eight members got a toast / feed
  // line "Sent a card" and a screen reader announced nothing. The same card posted by the scheduled
  // job carried one. Now every posted or updated card goes through card-summary.ts cardActivity.
  it('the session card posted in the group chat carries a summary in the group\'s language', () => {
    const session = w.posts.find((call) => call.activity.attachments[0].content.refresh?.action?.verb === 'session.view' || call.id === w.g.sessionMessageId);
    expect(session).toBeDefined();
    expect(session!.activity.summary).toEqual(expect.stringContaining(language === 'nl' ? 'dag 1' : 'day 1'));
  });

  it('every card posted in the group chat carries a summary (setup, help, session, summary)', () => {
    const without = w.posts.filter((call) => !call.activity.summary).map((call) => String(call.activity.attachments[0].content.body?.[0]?.text));
    expect(without).toEqual([]);
    // The card alone in the chat: no `text` above it; a glance, no names of the members.
    expect(w.posts.filter((call) => call.activity.text !== undefined)).toEqual([]);
    for (const call of w.posts) {
      expect(call.activity.summary).toMatch(/^.{1,120}$/su);
      expect(call.activity.summary).not.toContain('Marie');
    }
  });

  it('every card updated in place keeps its summary', () => {
    expect(w.updates.length).toBeGreaterThan(0);
    const without = w.updates.filter((call) => !call.activity.summary).map((call) => String(call.activity.attachments[0].content.body?.[0]?.text));
    expect(without).toEqual([]);
  });

  // Found in review (low): a reason the server gives for a refused field was a red TextBlock below
  // the input; nothing tied it to the input, so a screen reader on the field heard only its label.
  // The block stays (for sighted readers) and the label now carries the reason too.
  it('a refused field\'s reason is read with the field (in its label or errorMessage)', () => {
    const loose: string[] = [];
    for (const { where, card } of w.cards) {
      for (const { n, siblings, i } of inputs(card)) {
        const next = siblings?.[i + 1];
        if (next?.type === 'TextBlock' && next.color === 'Attention' && !String(n.label ?? '').includes(next.text) && n.errorMessage !== next.text) loose.push(`${where}: ${n.id} / ${next.text}`);
      }
    }
    expect(loose).toEqual([]);
    // The walk did meet refused fields (setup, the energy check-in, a too-long contribution).
    const refused = w.cards.flatMap(({ card }) => inputs(card).filter(({ n, siblings, i }) => siblings?.[i + 1]?.type === 'TextBlock' && siblings[i + 1]!.color === 'Attention'));
    expect(refused.length).toBeGreaterThanOrEqual(3);
  });

  // Found in review (low): the energy scale read "1 (leeg)", "2", "3", "4", "5 (vol)": a screen
  // reader on option 3 said only "3".
  it('each energy choice reads alone', () => {
    const bare = w.cards.flatMap(({ card }) => inputs(card).filter(({ n }) => n.type === 'Input.ChoiceSet').flatMap(({ n }) => n.choices.map((c: Node) => c.title as string).filter((title: string) => /^\s*\d+\s*$/.test(title))));
    expect([...new Set(bare)]).toEqual([]);
  });

  // HELD: what the brief asks that the cards already do.
  it('holds: labels, maxLength, few actions, no mobile-hostile elements, schema and size at the fullest', () => {
    const problems: string[] = [];
    for (const { where, card } of w.cards) {
      if (card.version !== '1.5') problems.push(`${where}: version ${card.version}`);
      for (const { n } of elements(card)) {
        if (String(n.type).startsWith('Input.') && n.type !== 'Input.Toggle' && !String(n.label ?? '').trim()) problems.push(`${where}: ${n.id} has no label`);
        if (n.type === 'Input.Text' && typeof n.maxLength !== 'number') problems.push(`${where}: ${n.id} has no maxLength`);
        if (n.isRequired && !n.errorMessage) problems.push(`${where}: ${n.id} required without errorMessage`);
        if (n.type === 'ActionSet' && n.actions.length > 5) problems.push(`${where}: ${n.actions.length} actions in one set`);
        if (['Table', 'Media', 'Image', 'Action.ToggleVisibility', 'Action.ShowCard'].includes(n.type)) problems.push(`${where}: ${n.type}`);
      }
      if ((card.actions?.length ?? 0) > 5) problems.push(`${where}: ${card.actions.length} card actions`);
      const titles = elements(card).filter(({ n }) => String(n.type).startsWith('Action.') && n.title).map(({ n }) => n.title as string);
      for (const title of new Set(titles)) if (titles.filter((x) => x === title).length > 1) problems.push(`${where}: two buttons "${title}"`);
      problems.push(...cardProblems(card).map((p) => `${where}: ${p}`));
    }
    expect(problems).toEqual([]);
    // The summary card in the group chat is announced by its own heading, in the group's language, naming nobody.
    const summary = w.posts.find((call) => /^(Samenvatting|Summary) /.test(call.activity.summary ?? ''));
    expect(summary?.activity.summary).toMatch(language === 'nl' ? /^Samenvatting Team Zorg/ : /^Summary Team Zorg/);
    expect(summary?.activity.summary).not.toContain('Marie');
  });
});

describe('the B3 poll form, as a screen reader reads it', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord = team('Zorgteam Noord', 'noord', [HR, ...teamMembers('noord', 6)]);
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    d = new PulseDriver(t);
    await d.startPoll(noord, 'peiling start Zorgteam Noord 2026-12-04');
  }, 600_000);
  afterAll(() => t.stop());

  // Found in review (medium): each of the nine required dropdowns was labelled only with its theme
  // ("Werkzaamheden"); the statement to agree or disagree with was a separate bold TextBlock above
  // it. Tabbing from field to field, a screen reader said "Werkzaamheden, verplicht, Kies…", and
  // the options "4 · Eens" answered a statement it never read at the field. Now the label is
  // "Werkzaamheden: Mijn dagelijkse werkzaamheden passen bij wat ik kan en wil.", and the
  // statement is not repeated in a block of its own (sighted readers would read it twice).
  it('each score dropdown\'s label carries the statement it scores', async () => {
    const poll = d.pollCard(noord.id);
    const res = await d.press(noord.members[1]!, d.channel(noord), 'pulse.view', poll.card.refresh.action.data, poll.id, noord);
    const form = res.value as Node;
    const dropdowns = inputs(form).filter(({ n }) => n.type === 'Input.ChoiceSet');
    expect(dropdowns).toHaveLength(9);
    for (const { n } of dropdowns) {
      const item = instrumentNl.items.find((x) => `item_${x.id}` === n.id)!;
      expect(item).toBeDefined();
      expect(n.label).toBe(`${item.label}: ${item.statement}`);
    }
    const texts = elements(form).filter(({ n }) => n.type === 'TextBlock').map(({ n }) => String(n.text));
    for (const item of instrumentNl.items) expect(texts.filter((text) => text.includes(item.statement))).toEqual([]);
    expect(cardProblems(form)).toEqual([]);
  });
});
