import { user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { FakeGraph } from '../support/fake-graph';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * A poll from start to results, in team channels, over HTTP with Teams-shaped activities.
 * Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('a B3-spiegel poll in team channels', () => {
  let t: TestApp;
  let d: PulseDriver;
  let graph: FakeGraph;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 7)], ['Vitale Weekcyclus']);
  const zuid: TestTeam = team('Zorgteam Zuid', 'zuid', members('zuid', 4));
  const manager = noord.members[1]!;
  const outsider = user('Olaf');
  const weekcyclus = noord.channels[0]!.id;
  const comments = ['Het rooster knelt op vrijdag', 'Fijne collega\'s', 'Meer scholing graag'];
  const sentCards: unknown[] = [];
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the stored tally as a database reader sees it
  const tally = async (pollId: string): Promise<any> => (await t.cosmos.container('pollAnswers').item('tally', pollId).read()).resource;

  beforeAll(async () => {
    graph = await new FakeGraph().start();
    graph.owners.set(noord.aadGroupId, new Set([manager.aadObjectId]));
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5', GRAPH_BASE_URL: graph.url }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
  });
  afterAll(async () => {
    await t.stop();
    await graph.stop();
  });

  it('records the teams it is installed in, and still welcomes them', async () => {
    await d.install(noord);
    await d.install(zuid);
    const { resources } = await t.cosmos.container('installations').items.readAll().fetchAll();
    expect(resources.map((r) => r.name).sort()).toEqual(['Zorgteam Noord', 'Zorgteam Zuid']);
    expect(t.connector.cards((c) => c.conversationId === noord.id).length).toBeGreaterThan(0);
  });

  it('lets nobody but HR start, follow or close a poll', async () => {
    // No language is stored for this channel: the command word decides the answer's language.
    for (const [text, refusal] of [['peiling start alle teams 2026-12-04', 'Alleen HR'], ['peiling status', 'Alleen HR'], ['peiling sluiten', 'Alleen HR'], ['poll start all teams 2026-12-04', 'Only HR']]) {
      const before = t.connector.calls.length;
      await d.say(outsider, noord, text!);
      const reply = t.connector.cards().slice(-1)[0]!;
      expect(t.connector.calls.length).toBe(before + 1);
      expect(cardText(reply.card)).toContain(refusal);
    }
    const { resources } = await t.cosmos.container('polls').items.readAll().fetchAll();
    expect(resources).toEqual([]);
  });

  it('explains the syntax when a command cannot be read', async () => {
    await d.say(HR, noord, 'peiling start Zorgteam Noord');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('sluitdatum');
    await d.say(HR, noord, 'peiling start Zorgteam West 2026-12-04');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('Zorgteam Noord, Zorgteam Zuid');
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-04 kanaal Kantine');
    expect(cardText(t.connector.cards().at(-1)!.card)).toContain('Vitale Weekcyclus');
  });

  it('HR starts a poll for all teams; the card goes to the named channel, or General where there is none', async () => {
    await d.say(HR, noord, 'peiling start alle teams 2026-12-04 kanaal Vitale Weekcyclus');
    const started = cardText(t.connector.cards().at(-1)!.card);
    expect(started).toContain('Zorgteam Noord, Zorgteam Zuid');
    expect(started).toContain('Zorgteam Zuid; daar komt de peiling in het kanaal Algemeen');
    await d.settle();
    const noordCard = d.pollCard(weekcyclus);
    const zuidCard = d.pollCard(zuid.id);
    sentCards.push(noordCard.card, zuidCard.card);
    expect(cardText(noordCard.card)).toContain('anoniem');
    expect(cardText(noordCard.card)).toContain('Mijn werk boeit mij.');
    expect(noordCard.card.refresh.userIds).toEqual(noord.members.map((m) => m.id));
    expect(noordCard.pollId).toBe(zuidCard.pollId);
  });

  it('members answer on the card at the same time; each answer is stored once and each sees only their own state', async () => {
    const card = d.pollCard(weekcyclus);
    const conv = d.channel(noord, weekcyclus);
    const answerers = noord.members.slice(0, 6);
    const replies = await Promise.all(
      answerers.map((m, i) => d.press(m, conv, 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(3 + (i % 3)), open: comments[i] ?? '' }, card.id, noord)),
    );
    for (const reply of replies) {
      sentCards.push(reply.value);
      const text = cardText(reply.value);
      expect(text).toContain('Dank je wel');
      for (const c of comments) expect(text).not.toContain(c);
      expect(JSON.stringify(reply.value)).not.toMatch(/"item_/);
    }
    // The shared card was never changed by an answer.
    expect(t.connector.calls.filter((c) => c.method === 'PUT' && c.id === card.id)).toEqual([]);
    expect((await tally(card.pollId)).teams[card.targetId].count).toBe(6);
  });

  it('refuses a second answer, even two at once from the same person', async () => {
    const card = d.pollCard(weekcyclus);
    const conv = d.channel(noord, weekcyclus);
    const late = noord.members[6]!;
    const both = await Promise.all(
      [1, 2].map(() => d.press(late, conv, 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(2) }, card.id, noord)),
    );
    const texts = both.map((r) => cardText(r.value));
    expect(texts.filter((x) => x.includes('al ingevuld'))).toHaveLength(1);
    const again = await d.press(noord.members[0]!, conv, 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(1) }, card.id, noord);
    expect(cardText(again.value)).toContain('al ingevuld');
    const noordTally = (await tally(card.pollId)).teams[card.targetId];
    expect(noordTally.count).toBe(7);
    expect(noordTally.histograms.werkzaamheden[0]).toBe(0); // nobody's second try (all 1s) counted
  });

  it('asks for every statement before storing anything', async () => {
    const card = d.pollCard(weekcyclus);
    const last = noord.members[7]!;
    const reply = await d.press(last, d.channel(noord, weekcyclus), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(4, { binden: 0 }) }, card.id, noord);
    expect(cardText(reply.value)).toContain('elke uitspraak');
    const view = await d.press(last, d.channel(noord, weekcyclus), 'pulse.view', { pollId: card.pollId, targetId: card.targetId }, card.id, noord);
    expect(cardText(view.value)).toContain('Mijn werk boeit mij.');
  });

  it('refreshes each member\'s view to their own state: respondents see only that they answered', async () => {
    const card = d.pollCard(weekcyclus);
    const conv = d.channel(noord, weekcyclus);
    const answered = await d.press(noord.members[2]!, conv, 'pulse.view', { pollId: card.pollId, targetId: card.targetId }, card.id, noord);
    const pending = await d.press(noord.members[7]!, conv, 'pulse.view', { pollId: card.pollId, targetId: card.targetId }, card.id, noord);
    sentCards.push(answered.value, pending.value);
    expect(cardText(answered.value)).toContain('Je antwoorden zijn ontvangen');
    expect(cardText(answered.value)).not.toContain('Mijn werk boeit mij.');
    for (const c of comments) expect(cardText(answered.value)).not.toContain(c);
    expect(cardText(pending.value)).toContain('Mijn werk boeit mij.');
    expect(answered.value.refresh.userIds).toEqual([noord.members[2]!.id]);
  });

  it('stores who answered and what only folded together: no user id, no single answer, comments in alphabetical order', async () => {
    // Zuid answers too (3 of 4: below the minimum of 5).
    const card = d.pollCard(zuid.id);
    for (const [i, m] of zuid.members.slice(0, 3).entries()) {
      await d.press(m, d.channel(zuid), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(2), open: `Opmerking uit zuid nummer ${i}` }, card.id, zuid);
    }
    const people = [...noord.members, ...zuid.members];
    const identifiers = people.flatMap((m) => [m.id, m.aadObjectId, m.name]);
    const all = await d.everything();
    const tallies = all.filter((x) => x.doc.type === 'tally');
    expect(tallies).toHaveLength(1);
    const stored = tallies[0]!.doc as { respondents: string[]; teams: Record<string, { count: number; comments: string[] }> };
    // The invitee lists (keyed hashes of the members each card went to) are forgotten when it closes.
    expect(Object.keys(stored).filter((k) => !k.startsWith('_')).sort()).toEqual(['id', 'invitees', 'pollId', 'respondents', 'teams', 'type']);
    // Ten keyed hashes, in the order of their values (not of answering), and nothing else about people.
    expect(stored.respondents).toHaveLength(10);
    expect(stored.respondents).toEqual([...stored.respondents].sort());
    expect(stored.teams[card.targetId]!.comments).toEqual([0, 1, 2].map((i) => `Opmerking uit zuid nummer ${i}`));
    expect(Object.values(stored.teams).flatMap((x) => x.comments).sort()).toEqual([...comments, ...[0, 1, 2].map((i) => `Opmerking uit zuid nummer ${i}`)].sort());
    // (The poll document itself names only who started it, HR, so their own copy of the results card refreshes.)
    for (const { container, doc } of all.filter((x) => ['polls', 'pollAnswers'].includes(x.container) && x.doc.type !== 'poll')) {
      const json = JSON.stringify(doc);
      for (const id of identifiers) expect({ container, id, found: json.includes(id) }).toEqual({ container, id, found: false });
      expect(json.includes('"scores"')).toBe(false);
    }
    // Nothing anywhere else holds an answer: the comments appear only in the tally.
    for (const { container, doc } of all.filter((x) => x.doc.type !== 'tally')) {
      const json = JSON.stringify(doc);
      for (const c of comments) expect({ container, found: json.includes(c) }).toEqual({ container, found: false });
    }
    expect(t.logs.join('')).not.toMatch(/Hanna|noord1|Het rooster knelt/);
  });

  it('reminds halfway in the poll\'s thread, with the response so far and the days left', async () => {
    t.clock.set('2026-11-30T08:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const card = d.pollCard(weekcyclus);
    const reply = t.connector.cards((c) => c.conversationId === `${weekcyclus};messageid=${card.id}`);
    expect(reply).toHaveLength(1);
    sentCards.push(reply[0]!.card);
    expect(cardText(reply[0]!.card)).toContain('7 van 8 collega\'s hebben gereageerd (88%). Nog 5 dagen om in te vullen.');
    expect(cardText(t.connector.cards((c) => c.conversationId.startsWith(`${zuid.id};messageid=`))[0]!.card)).toContain('3 van 4');
  });

  it('while open, shows members and the team owner only their own team\'s response and days left; others nothing', async () => {
    const { pollId } = d.pollCard(weekcyclus);
    const elsewhere = await d.press(outsider, t.conversation('groupChat'), 'pulse.results', { pollId });
    expect(cardText(elsewhere.value)).toContain('Alleen HR');
    for (const who of [noord.members[3]!, manager]) {
      const seen = await d.read(who, noord, 'peiling resultaten');
      sentCards.push(seen);
      const text = cardText(seen);
      expect(text).toContain('Zorgteam Noord\n7 van 8 (88%)');
      expect(text).toContain('open, nog 5 dagen');
      expect(text).not.toContain('Zorgteam Zuid');
      expect(text).not.toMatch(/Boeien\n\d/);
      expect(JSON.stringify(seen)).not.toContain('Chart.');
    }
    // A card pressed in Zuid's channel shows Zuid, whatever team the card data names.
    const zuidView = await d.press(zuid.members[0]!, d.channel(zuid), 'pulse.results', { pollId, teamId: noord.id }, undefined, zuid);
    expect(cardText(zuidView.value)).toContain('Zorgteam Zuid\n3 van 4');
    expect(cardText(zuidView.value)).not.toContain('Zorgteam Noord');
  });

  it('closes at the closing date: cards say closed, HR gets the results with a chart and the numbers', async () => {
    t.clock.set('2026-12-04T23:00:00Z');
    await t.app.scheduler.runDue();
    await d.settle();
    const card = d.pollCard(weekcyclus);
    expect(cardText(t.connector.latest(card.id))).toContain('gesloten');
    const ready = t.connector.cards((c) => c.conversationId === noord.id).at(-1)!.card;
    sentCards.push(ready);
    expect(ready.refresh.userIds).toEqual([HR.id]);
    expect(cardText(ready)).not.toMatch(/Boeien/);

    const results = await d.press(HR, d.channel(noord), 'pulse.results', { pollId: card.pollId }, undefined, noord);
    sentCards.push(results.value);
    const text = cardText(results.value);
    const chart = results.value.body.find((e: { type: string }) => e.type === 'Chart.HorizontalBar');
    expect(chart).toBeUndefined(); // overall withheld: Zuid's 3 answers could be worked out from overall minus Noord
    expect(text).toContain('Te weinig reacties');
    expect(text).toContain('Zorgteam Noord');
    expect(text).toMatch(/Boeien\n\d+/);
    // Zuid: below the minimum, no figures, and its comments are not shown.
    expect(text).not.toContain('Opmerking uit zuid');
    for (const c of comments) expect(text).toContain(c);
    const late = await d.press(noord.members[7]!, d.channel(noord, weekcyclus), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(5) }, card.id, noord);
    expect(cardText(late.value)).toContain('gesloten');
  });

  it('shows figures on 0-100 with a chart and the change against the previous poll of the same team', async () => {
    await d.say(HR, noord, 'peiling start Zorgteam Noord 2026-12-18');
    await d.settle();
    const card = d.pollCard(noord.id);
    for (const m of noord.members.slice(0, 5)) await d.press(m, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(5) }, card.id, noord);
    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    const results = await d.press(HR, d.channel(noord), 'pulse.results', { pollId: card.pollId }, undefined, noord);
    sentCards.push(results.value);
    const chart = results.value.body.find((e: { type: string }) => e.type === 'Chart.HorizontalBar');
    expect(chart.data).toEqual(expect.arrayContaining([{ x: 'Boeien', y: 100 }, { x: 'Werkzaamheden', y: 100 }]));
    expect(chart.fallback.type).toBe('TextBlock');
    const text = cardText(results.value);
    // Previous poll, Noord: scores 3,4,5,3,4,5 and 2 -> mean 26/7 -> 68; now 100: +32.
    expect(text).toContain('100 (t.o.v. vorige peiling +32)');
  });

  it('sends only cards that pass the Adaptive Cards schema and Teams\' size limit', () => {
    const all = [...sentCards, ...t.connector.cards().map((c) => c.card)];
    expect(all.length).toBeGreaterThan(20);
    for (const card of all) expect(cardProblems(card as object)).toEqual([]);
  });
});
