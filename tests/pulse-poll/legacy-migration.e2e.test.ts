import { createHmac } from 'node:crypto';
import { Writable } from 'node:stream';
import { RunningApp, startApp } from '../../src/app/compose';
import { parseConfig } from '../../src/config/config';
import { ITEM_IDS } from '../../src/domain/pulse-poll/instrument';
import { Poll } from '../../src/domain/pulse-poll/poll';
import { createLogger } from '../../src/log/logger';
import { CosmosPollRepository } from '../../src/store/pulse-poll.repositories';
import { message } from '../support/activities';
import { cardText } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

const KEY = 'legacy-migration-key'.padEnd(40, 'l');

/**
 * Polls stored before tallies (one document per answer, per comment and per respondent marker)
 * keep working: they are folded into a tally at start-up or on first use, and the old documents,
 * which a database reader could join by `_ts` and order, are deleted.
 */
describe('polls stored the old way', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 7)]);
  const legacyDocs = async () => {
    const answers = (await t.cosmos.container('pollAnswers').items.query("SELECT * FROM c WHERE c.type = 'answer' OR c.type = 'openAnswer'").fetchAll()).resources;
    const markers = (await t.cosmos.container('polls').items.query("SELECT * FROM c WHERE c.type = 'respondent'").fetchAll()).resources;
    return [...answers, ...markers];
  };
  /** What the earlier version wrote for one answer. */
  async function storeTheOldWay(poll: Poll, userId: string, value: 1 | 2 | 3 | 4 | 5, comment?: string) {
    const hash = createHmac('sha256', KEY).update(`${poll.id}\u0000${userId}`).digest('base64url');
    await t.cosmos.container('polls').items.create({ id: `pr_${userId}`, pollId: poll.id, type: 'respondent', hash });
    await t.cosmos.container('pollAnswers').items.create({ id: `a_${userId}`, pollId: poll.id, type: 'answer', targetId: poll.targets[0]!.id, onDate: '2026-11-23', scores: Object.fromEntries(ITEM_IDS.map((k) => [k, value])) });
    if (comment) await t.cosmos.container('pollAnswers').items.create({ id: `c_${userId}`, pollId: poll.id, type: 'openAnswer', targetId: poll.targets[0]!.id, text: comment });
  }

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY, B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    await d.install(noord);
  });
  afterAll(() => t.stop());

  it('an open poll: the old answers count, an old respondent cannot answer again, a new one can, and the old documents are gone', async () => {
    await d.say(HR, noord, 'peiling start dit team 2026-12-04');
    await d.settle();
    const card = d.pollCard(noord.id);
    const poll = (await new CosmosPollRepository(t.cosmos).get(card.pollId))!;
    // The poll as an earlier version left it: no tally, four answers as documents of their own.
    await t.cosmos.container('pollAnswers').item('tally', poll.id).delete();
    for (const [i, m] of noord.members.slice(1, 5).entries()) await storeTheOldWay(poll, m.aadObjectId, 4, i < 2 ? `Oude opmerking ${i}` : undefined);

    const again = await d.press(noord.members[1]!, d.channel(noord), 'pulse.answer', { pollId: poll.id, targetId: card.targetId, ...scores(1) }, card.id, noord);
    expect(cardText(again.value)).toContain('al ingevuld');
    expect(await legacyDocs()).toEqual([]);
    const fresh = await d.press(noord.members[5]!, d.channel(noord), 'pulse.answer', { pollId: poll.id, targetId: card.targetId, ...scores(4), open: 'Nieuwe opmerking' }, card.id, noord);
    expect(cardText(fresh.value)).toContain('Dank je wel');

    await d.say(HR, noord, 'peiling sluiten');
    await d.settle();
    await t.send(message(t.conversation('personal', 'a:hanna'), HR, 'peiling resultaten'));
    const results = cardText(t.connector.cards().at(-1)!.card);
    expect(results).toContain('5 van 8');
    expect(results).toMatch(/Boeien\n75/);
    for (const c of ['Oude opmerking 0', 'Oude opmerking 1', 'Nieuwe opmerking']) expect(results).toContain(c);
  });

  it('a closed poll is folded at start-up, with the same results, and nothing of the old shape is left', async () => {
    const poll: Poll = {
      id: 'poll-old-closed', pollId: 'poll-old-closed', type: 'poll', tenantId: 'tenant-1', scope: { kind: 'team', teamId: 'team-x' }, language: 'nl',
      delivery: 'channel', privateNudges: false, status: 'closed', opensAt: '2026-06-01T08:00:00.000Z', closesOn: '2026-06-12', closesAt: '2026-06-12T22:00:00.000Z',
      reminders: [], targets: [{ id: 'pt-x', teamId: 'team-x', teamName: 'Zorgteam X', channelId: '19:x', serviceUrl: 'http://127.0.0.1:1/', delivered: true, memberCount: 9 }],
      hrChannel: { conversationId: '19:hr', serviceUrl: 'http://127.0.0.1:1/' }, closedOn: '2026-06-12',
    };
    await new CosmosPollRepository(t.cosmos).create(poll);
    for (const [i, v] of ([2, 2, 3, 3, 5, 5] as const).entries()) await storeTheOldWay(poll, `aad-x${i}`, v);
    // A second instance starts on the same database: it migrates what it finds.
    const sink = new Writable({ write(_c, _e, cb) { cb(); } });
    const second: RunningApp = await startApp(Object.assign(parseConfig({ PORT: '1', HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: KEY }), { port: 0 }), { logger: createLogger('silent', sink), clock: t.clock, cosmos: t.cosmos, startScheduler: false });
    try {
      await second.background.idle();
      expect(await legacyDocs()).toEqual([]);
      const tally = (await t.cosmos.container('pollAnswers').item('tally', poll.id).read()).resource;
      expect(tally.respondents).toEqual([]);
      expect(tally.sealed).toEqual({ on: '2026-06-12', minRespondents: 5 });
      expect(tally.teams['pt-x'].count).toBe(6);
      expect(tally.migrating).toBeUndefined();
    } finally {
      await second.stop();
    }
    // Mean (2+2+3+3+5+5)/6 = 3.33 -> 58.
    expect(cardText(await reportCard(t, t.conversation('channel', '19:hr@thread.tacv2'), HR, 'rapport 2026-06-01 2026-06-30'))).toContain('Boeien 58, Binden 58, Behouden 58');
  });
});
