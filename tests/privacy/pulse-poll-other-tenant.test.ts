import { execute, message, TestUser, user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { members, PulseDriver, scores, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Attack: one deployment serves several organisations (ALLOWED_TENANT_IDS), each with its own HR;
 * HR_USER_IDS lists them all, so being HR is not tied to a tenant. HR of tenant-1 who learns a
 * tenant-2 poll id (it is in the data of every tenant-2 poll card, e.g. seen as a guest) presses
 * pulse.results / pulse.status with it in their own tenant-1 chat, to read tenant-2's B3 results,
 * open comments and response per team (or pulse.view, to see its form and team). The poll must not exist for them: the same answer as an id
 * that was never used, so ids cannot be probed either.
 */
const hanna = user('Hanna'); // HR of tenant-1
const piet = user('Piet'); // HR of tenant-2
const SECRET = 'Opmerking van tenant-2: de leiding luistert niet';
const NO_POLL = 'Er is (nog) geen peiling gevonden.';

describe('B3-spiegel across organisations: a poll id from another tenant', () => {
  let t: TestApp;
  let d: PulseDriver;
  const west = team('Team West', 'west', [piet, ...members('west', 6)]);
  const westChannel = () => ({ ...t.conversation('channel', west.id), tenantId: 'tenant-2' });
  const inWest = <A extends Record<string, unknown>>(a: A) => d.inTeam(a, west, west.id, true);
  const sendWest = (who: TestUser, text: string) => t.send(inWest(message(westChannel(), who, text)));
  const hannaChat = () => ({ ...t.conversation('personal', 'a:personal-hanna'), tenantId: 'tenant-1' });
  const pressAsHanna = async (verb: 'pulse.results' | 'pulse.status' | 'pulse.view', pollId: string, extra: Record<string, unknown> = {}) => cardText((await t.send(execute(hannaChat(), hanna, verb, { pollId, ...extra }))).body.value);

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-piet', ALLOWED_TENANT_IDS: 'tenant-1,tenant-2', POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z');
    d = new PulseDriver(t);
    d.register(west);
    await t.send({
      id: 'install-west', type: 'conversationUpdate', channelId: 'msteams', serviceUrl: t.connector.url,
      from: { id: piet.id, aadObjectId: piet.aadObjectId, name: piet.name }, recipient: { id: '28:lerend-werken-bot', name: 'Lerend Werken' },
      conversation: { id: west.id, conversationType: 'channel', tenantId: 'tenant-2', isGroup: true }, membersAdded: [{ id: '28:lerend-werken-bot' }],
      channelData: { tenant: { id: 'tenant-2' }, eventType: 'teamMemberAdded', team: { id: west.id, name: west.name, aadGroupId: west.aadGroupId } },
    });
    await sendWest(piet, 'peiling start Team West 2026-12-04');
    await d.settle();
    const card = d.pollCard(west.id);
    for (const m of west.members.slice(1, 7)) {
      await t.send(inWest(execute(westChannel(), m, 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(2), open: SECRET }, card.id)));
    }
    await sendWest(piet, 'peiling sluiten');
    await d.settle();
  }, 120_000);
  afterAll(() => t.stop());

  it('still shows the poll\'s results, comments included, to HR of its own tenant', async () => {
    const { pollId } = d.pollCard(west.id);
    const own = await t.send(inWest(execute(westChannel(), piet, 'pulse.results', { pollId })));
    expect(cardText(own.body.value)).toContain(SECRET);
  });

  it('shows HR of another tenant neither the results nor the status of the poll', async () => {
    const { pollId } = d.pollCard(west.id);
    const results = await pressAsHanna('pulse.results', pollId);
    const status = await pressAsHanna('pulse.status', pollId);
    expect({ comment: results.includes(SECRET), results: results.includes('Team West'), status: status.includes('Team West') }).toEqual({ comment: false, results: false, status: false });
  });

  it('answers another tenant\'s poll id exactly as an id that does not exist', async () => {
    const { pollId } = d.pollCard(west.id);
    for (const verb of ['pulse.results', 'pulse.status'] as const) {
      const real = await pressAsHanna(verb, pollId);
      expect(real).toContain(NO_POLL);
      expect(real).toBe(await pressAsHanna(verb, 'poll-that-never-was'));
    }
    const { targetId } = d.pollCard(west.id);
    const viewed = await pressAsHanna('pulse.view', pollId, { targetId });
    expect(viewed).toContain(NO_POLL);
    expect(viewed).not.toContain('Team West');
    expect(viewed).toBe(await pressAsHanna('pulse.view', 'poll-that-never-was', { targetId }));
  });
});
