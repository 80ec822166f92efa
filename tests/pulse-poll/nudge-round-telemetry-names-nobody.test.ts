import { stableId } from '../../src/domain/shared/ids';
import { FinishedSpan, REDACTED, RedactUrlsSpanProcessor } from '../../src/telemetry/redact-urls';
import { HR, members, PulseDriver, scores, team, TestTeam } from '../support/pulse-driver';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Found in review, stop 41. A reader of Application Insights (no database access, no hash key)
 * watches a round of private nudges. Every Cosmos DB call is a dependency named by its path
 * (`/dbs/<db>/colls/<container>/docs/<id>`, also its URL and, for a background job, its operation
 * name), and a private nudge that passes its guard (the member has NOT answered) first reads the
 * remembered 1:1 chat `outbox/docs/oc_<sha256(tenant, Teams id)>`; a nudge to a respondent is
 * skipped before that read. Anyone who knows the roster computes those ids, so the round's
 * dependencies listed exactly who had not answered (and the roster minus them, who had).
 *
 * What must hold: every Cosmos request of the round, recorded as the app's telemetry records a
 * dependency (its span through the app's own span processor), names no document: no member's
 * remembered chat, respondent or not, and no id at all after `/docs/`. The container and the kind
 * of call stay readable. Clock: Monday 23 November 2026, 09:00 in Amsterdam.
 */
describe('a private nudge round seen in dependency telemetry', () => {
  let t: TestApp;
  let d: PulseDriver;
  const noord: TestTeam = team('Zorgteam Noord', 'noord', [HR, ...members('noord', 6)]);
  const alice = noord.members[3]!;
  const bob = noord.members[4]!;
  /** The round's Cosmos requests as exported: each as a dependency span, after the app's redaction. */
  const exported: FinishedSpan[] = [];

  /** A Cosmos request as the http instrumentation records it: span name, URL and target. */
  const dependencySpan = (kind: string, path: string): FinishedSpan => {
    const url = `https://lerendwerken.documents.azure.com:443${path}`;
    return { name: `${kind} ${path}`, attributes: { 'url.full': url, 'http.url': url, 'http.target': path, 'url.path': path }, events: [{ name: 'exception', attributes: { 'exception.message': `404 ${url}` } }] };
  };

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: HR.aadObjectId, POLL_HASH_KEY: 'nudge-telemetry-'.padEnd(40, 'n'), B3_MIN_RESPONDENTS: '5' }, '2026-11-23T08:00:00Z', { proxy: true });
    d = new PulseDriver(t);
    await d.install(noord);
    await d.say(HR, noord, 'peiling start dit team 2026-12-04 herinner privé');
    await d.settle();
    const card = d.pollCard(noord.id);
    await d.press(alice, d.channel(noord), 'pulse.answer', { pollId: card.pollId, targetId: card.targetId, ...scores(2) }, card.id, noord);
    t.clock.set('2026-11-30T08:00:00Z'); // halfway: the first reminder, with private nudges
    await t.app.scheduler.runDue();
    const processor = new RedactUrlsSpanProcessor();
    t.proxy!.faults = (req) => {
      const span = dependencySpan(req.kind, req.path);
      processor.onEnd(span);
      exported.push(span);
      return undefined;
    };
    try {
      await d.settle();
    } finally {
      t.proxy!.faults = undefined;
    }
  }, 120_000);
  afterAll(() => t.stop());

  it('guard: the round nudged Bob in Teams and not Alice, who answered', () => {
    const nudged = (m: typeof alice) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === `a:1on1-${m.id}`).length > 0;
    expect({ alice: nudged(alice), bob: nudged(bob) }).toEqual({ alice: false, bob: true });
  });

  it('names no member\'s remembered chat, respondent or not, and no document at all', () => {
    const tenantId = d.channel(noord).tenantId;
    const recorded = JSON.stringify(exported);
    expect(exported.length).toBeGreaterThan(0);
    const named = noord.members.filter((m) => recorded.includes(stableId('oc', tenantId, m.id)) || recorded.includes(m.id)).map((m) => m.name);
    expect(named).toEqual([]);
    const documentIds = [...recorded.matchAll(/\/docs\/([^/?#\s"'<>\\]+)/g)].map((m) => m[1]).filter((id) => id !== REDACTED);
    expect(documentIds).toEqual([]);
  });

  it('still tells which container was read: the round\'s outbox reads are there, without their ids', () => {
    expect(exported.some((s) => s.name.startsWith('pointRead /dbs/') && s.name.endsWith(`/colls/outbox/docs/${REDACTED}`))).toBe(true);
  });
});
