/**
 * Found in review, stop 67. Hanna (HR) starts a B3-spiegel poll from her 1:1 chat with the bot
 * while she erases her data there. The poll keeps its starter (her ids, her 1:1 chat as the place
 * for the results) until her erasure forgets them (README, erasure step 3), but the start had no
 * erasure check: a start whose writes were held on their way to the store (throttled, retried)
 * stored a poll naming her after she was told "Je gegevens zijn gewist". What must hold: a start
 * while her erasure is unfinished is refused with nothing started; a start under way when it began
 * keeps to a save window (save-window.ts), so after "gewist" no poll names her, and a start that
 * was refused left nothing that holds a team (started again, it opens).
 */
import { message } from '../support/activities';
import { holdFirst } from '../support/cosmos-proxy';
import { cardText } from '../support/group-driver';
import { HR, members, PulseDriver, team } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, eraseInChat, PersonalChat } from '../verantwoording/support';
import { naming } from './support/rights-scenario';
import { createTranslator } from '../../src/i18n/i18n';
import { erasureTicketId } from '../../src/domain/verantwoording/erasure-ticket';

const nl = createTranslator().t('nl');
const HER_CHAT = 'a:personal-hanna';
const herIds = [HR.aadObjectId, HR.id, 'Hanna', HER_CHAT];

describe('a poll HR starts while her erasure runs', () => {
  let t: TestApp;
  const west = team('Zorgteam West', 'west', members('west', 5));
  const oost = team('Zorgteam Oost', 'oost', members('oost', 5));
  const noord = team('Zorgteam Noord', 'noord', members('noord', 5));
  const zuid = team('Zorgteam Zuid', 'zuid', members('zuid', 5));
  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'test-key-'.padEnd(40, 'x') }, '2026-11-23T08:00:00Z', { proxy: true });
    const d = new PulseDriver(t);
    for (const x of [west, oost, noord, zuid]) await d.install(x);
  }, 60_000);
  afterAll(() => t?.stop());

  const openPolls = async () =>
    (await t.store.container('polls').items.query("SELECT c.targets FROM c WHERE c.type = 'poll' AND c.status = 'open'").fetchAll()).resources.map((p: { targets: { teamName: string }[] }) =>
      p.targets.map((x) => x.teamName).join(','),
    );
  /** What the bot said in her 1:1 chat since the `from`-th connector call. */
  const saidToHerSince = (from: number) =>
    t.connector.calls
      .slice(from)
      .filter((c) => c.conversationId === HER_CHAT)
      .map((c) => `${c.activity?.text ?? ''} ${cardText(c.activity?.attachments?.[0]?.content)}`)
      .join('\n');
  const start = (teamName: string) => t.send(message(t.conversation('personal', HER_CHAT), HR, `peiling start ${teamName} 2026-12-04`));

  it('is refused while her erasure is unfinished, with nothing started', async () => {
    const ticket = { id: erasureTicketId(HR.aadObjectId), type: 'erasureTicket', userId: HR.aadObjectId, marker: 'erased-test0001', createdAt: '2026-11-23T08:00:00.000Z' };
    await t.store.container('personal').items.create(ticket);
    const from = t.connector.calls.length;
    await start('Zorgteam Zuid');
    await t.store.container('personal').item(ticket.id, HR.aadObjectId).delete();
    expect({ told: saidToHerSince(from), open: await openPolls() }).toEqual({ told: expect.stringContaining(nl('pulse.error.startWhileErasing')), open: [] });
  }, 60_000);

  it('held before its poll was stored, past her whole erasure: the poll starts, and nothing names her', async () => {
    // The start's first write in the polls container (the tenant's start lease) is held.
    const hold = holdFirst((req) => ['create', 'replace', 'upsert', 'batch'].includes(req.kind) && req.container === 'polls');
    const from = t.connector.calls.length;
    await t.proxy!.withFaults(hold.rule, async () => {
      const started = start('Zorgteam West');
      await hold.held;
      await eraseInChat(t, HR);
      hold.open();
      await started;
    });
    await t.app.outbox.drain(30_000);
    // Not refused (own review, stop 67: a refusal here also met every start whose Teams lookups outlasted the window).
    expect({ naming: await naming(t, herIds), open: await openPolls(), told: saidToHerSince(from) }).toEqual({ naming: [], open: ['Zorgteam West'], told: expect.stringContaining('B3-spiegel gestart') });
  }, 180_000);

  it('its poll stored after her whole erasure: the poll goes out without her', async () => {
    // The poll's own create, the write that names her: the first write in the polls container after its jobs were scheduled.
    let jobsScheduled = false;
    const hold = holdFirst((req) => {
      if (req.container === 'jobs' && req.kind !== 'query' && req.kind !== 'pointRead') jobsScheduled = true;
      return jobsScheduled && req.kind === 'create' && req.container === 'polls';
    });
    await t.proxy!.withFaults(hold.rule, async () => {
      const started = start('Zorgteam Oost');
      await hold.held;
      await eraseInChat(t, HR);
      hold.open();
      await started;
    });
    await t.app.outbox.drain(30_000);
    expect({ naming: await naming(t, herIds), open: (await openPolls()).includes('Zorgteam Oost') }).toEqual({ naming: [], open: true });
  }, 180_000);

  it('its poll stored in time, but after her erasure first looked at the polls: her erasure forgets her there all the same', async () => {
    let jobsScheduled = false;
    const pollCreate = holdFirst((req) => {
      if (req.container === 'jobs' && req.kind !== 'query' && req.kind !== 'pointRead') jobsScheduled = true;
      return jobsScheduled && req.kind === 'create' && req.container === 'polls';
    });
    // Her erasure looks for the polls she started (a query across the polls), then for the open
    // private polls' markers (the next such query): held there, after its first look.
    let pollQueries = 0;
    let confirming = false;
    const erasureAfterItsLook = holdFirst((req) => confirming && req.kind === 'query' && req.container === 'polls' && ++pollQueries === 2);
    const chat = new PersonalChat(t, HR);
    await t.proxy!.withFaults((req) => pollCreate.rule(req) ?? erasureAfterItsLook.rule(req), async () => {
      const started = start('Zorgteam Noord');
      await pollCreate.held;
      const ask = (await chat.say('wis mijn gegevens')).cards[0];
      confirming = true;
      const erased = chat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!);
      await erasureAfterItsLook.held;
      pollCreate.open();
      await started;
      erasureAfterItsLook.open();
      expect(cardText(await erased)).toContain('Je gegevens zijn gewist');
    });
    await t.app.outbox.drain(30_000);
    expect({ naming: await naming(t, herIds), open: (await openPolls()).includes('Zorgteam Noord') }).toEqual({ naming: [], open: true });
  }, 180_000);
});
