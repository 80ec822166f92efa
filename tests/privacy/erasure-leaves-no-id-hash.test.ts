/**
 * After a member's erasure nothing in their group's partition is a hash over their id and a key a
 * card carried (review stop 49, data rights): a database reader holding the card (its key `k` is on
 * every member's client) could test the group's few candidate ids against such a hash and find
 * which "Oud-deelnemer" contribution, step or setup save was theirs.
 * - Her contribution keeps its text and time as "Oud-deelnemer", under a new id from the erasure's
 *   marker (its id was `contributionId(session, author, key, question, text)`), swapped for the old
 *   one, once: an erasure interrupted after the swap and run again leaves one copy.
 * - Her keys of "Volgende"/"Vorige" presses on the session and of setup saves on the group go; the
 *   other members' stay, so Bram's step press delivered again after her erasure still moves nothing.
 * The keys are recorded as the store holds them after each press, so the test knows which is hers
 * without knowing how a key is made.
 */
import { TestUser } from '../support/activities';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { storedText } from '../support/cosmos';
import { contributionId } from '../../src/domain/week-cycle/session-items';
import { allDocuments, PersonalChat } from '../verantwoording/support';
import { ERASED_ID, erasedContributionId, forgetInGroup, forgetInGroupTrace, forgetInSession } from '../../src/domain/verantwoording/erasure';
import { defaultSchedule, Group, setupKeyTag } from '../../src/domain/week-cycle/group';
import { GroupTrace } from '../../src/domain/week-cycle/ports';
import { moveKey, stepKey } from '../../src/domain/week-cycle/session';

/* eslint-disable @typescript-eslint/no-explicit-any -- stored JSON under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const CONFIRM = 'verantwoording.erase.confirm';
const ANNA_CARD = 'card-key-anna';
const BRAM_CARD = 'card-key-bram';
const TEXT = 'ANNA-BIJDRAGE: de overdracht';

describe('an erased member leaves no hash of her id in the group\'s partition', () => {
  let t: TestApp;
  let g: GroupDriver;
  const keys = { annaStep: '', bramStep: '', annaSetup: '', bramSetup: '' };
  let contributedAt = '';
  const groupDoc = async () => (await t.store.container('sessions').item(g.groupId, g.groupId).read()).resource as { setupKeys?: string[] };
  const setupSave = (who: TestUser, k: string) =>
    g.press(who, 'group.setup.save', { name: 'Team Zorg', members: [anna, bram, cem].map((m) => m.aadObjectId).join(','), days: '1,2,3,4', startTime: '09:00', timeZone: 'Europe/Amsterdam', language: 'nl', weeks: '20', k }, 'setup-card');
  const onlyNew = (after: string[] | undefined, before: string[] | undefined) => {
    const fresh = (after ?? []).filter((k) => !(before ?? []).includes(k));
    expect(fresh).toHaveLength(1);
    return fresh[0]!;
  };

  beforeAll(async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { proxy: true });
    g = new GroupDriver(t, t.conversation('groupChat', '19:no-id-hash@thread.v2'), [anna, bram, cem]);
    await g.setUp();
    await setupSave(anna, 'setup-key-anna');
    const afterAnna = (await groupDoc()).setupKeys;
    keys.annaSetup = afterAnna!.at(-1)!;
    await setupSave(bram, 'setup-key-bram');
    keys.bramSetup = onlyNew((await groupDoc()).setupKeys, afterAnna);
    await g.startCycle();
    await g.startSession();
    await g.checkIn(anna, 4);
    await g.press(anna, 'session.contribute', { ...g.ids(), questionId: 1, text: TEXT, k: ANNA_CARD });
    contributedAt = (await g.items('contribution')).find((c) => c.text === TEXT)!.at;
    await g.press(anna, 'session.goto', { ...g.ids(), index: 1, from: 0, k: ANNA_CARD });
    const afterAnnaStep = (await g.session()).stepKeys as string[];
    keys.annaStep = onlyNew(afterAnnaStep, []);
    await g.press(bram, 'session.goto', { ...g.ids(), index: 0, from: 1, k: BRAM_CARD });
    keys.bramStep = onlyNew((await g.session()).stepKeys, afterAnnaStep);

    // Her erasure is cut off after it anonymised her in the group (deletes in her own partition
    // fail), and the app finishes it by itself: the group's part runs twice with the same marker.
    const chat = new PersonalChat(t, anna);
    await chat.say('notitie iets voor mezelf');
    t.proxy!.faults = (req) => (req.kind === 'delete' && req.container === 'personal' ? { kind: 'status', status: 503 } : undefined);
    expect(cardText(await chat.press(CONFIRM, { confirm: 'yes' }, 'confirm-card'))).toMatch(/nog niet helemaal gewist/);
    t.proxy!.faults = undefined;
    t.clock.advanceMinutes(60);
    await t.app.scheduler.runDue();
    expect(((await allDocuments(t.store)).personal as { userId: string }[]).filter((d) => d.userId === anna.aadObjectId)).toEqual([]);
  }, 120_000);
  afterAll(() => t?.stop());

  it('keeps her contribution once, as "Oud-deelnemer" with its text and time, under an id that is no hash of her id', async () => {
    const kept = (await g.items('contribution')).filter((c) => c.text === TEXT);
    expect(kept).toEqual([expect.objectContaining({ authorId: ERASED_ID, authorName: 'Oud-deelnemer', questionId: 1, at: contributedAt })]);
    expect(kept[0].id).not.toBe(contributionId(g.sessionId, anna.aadObjectId, ANNA_CARD, 1, TEXT));
  });

  it('drops her step and setup keys and keeps the others\'', async () => {
    expect((await g.session()).stepKeys).toEqual([keys.bramStep]);
    expect((await groupDoc()).setupKeys).toEqual([keys.bramSetup]);
  });

  it('stores nothing that holds her keys or her old contribution id (any container)', async () => {
    const raw = storedText(Object.values(await allDocuments(t.store)).flat());
    const hers = [keys.annaStep, keys.annaSetup, contributionId(g.sessionId, anna.aadObjectId, ANNA_CARD, 1, TEXT)];
    expect(hers.filter((k) => raw.includes(k))).toEqual([]);
  });

  it('still refuses Bram\'s step press delivered again after her erasure: the group stays where Cem moved it', async () => {
    await g.press(cem, 'session.goto', { ...g.ids(), index: 1, from: 0, k: 'card-key-cem' });
    await g.press(bram, 'session.goto', { ...g.ids(), index: 0, from: 1, k: BRAM_CARD });
    expect((await g.session()).currentIndex).toBe(1);
  });
});

describe('erasure rules: no hash of the person\'s id is kept', () => {
  const anon = { userId: 'aad-anna', marker: 'erased-1234abcd', language: 'nl' as const };
  const base = { groupId: 'g', cycleId: 'g_w1', sessionId: 'g_w1_s1', at: '2026-11-23T08:05:00Z' };
  const trace = (): GroupTrace => ({
    sessions: [{ id: 'g_w1_s1', cycleId: 'g_w1', startedAt: '2026-11-23T08:00:00Z', day: 1 }],
    contributions: [
      { ...base, id: 'ct-a1', type: 'contribution', questionId: 1, authorId: 'aad-anna', authorName: 'Anna', text: 'Zelfde tekst' },
      { ...base, id: 'ct-a2', type: 'contribution', questionId: 2, authorId: 'aad-anna', authorName: 'Anna', text: 'Zelfde tekst' },
    ],
    checkIns: [],
    presence: [],
    judgements: [],
    proposals: [],
    cycles: [],
  });

  it('gives each contribution its own new id from the marker, the same on a re-run, swapped for the old one', () => {
    const out = forgetInGroupTrace('g', trace(), anon);
    expect(out.rewrite.map((c) => c.id)).toEqual(trace().contributions.map((c) => erasedContributionId(c, anon.marker)));
    expect(new Set(out.rewrite.map((c) => c.id)).size).toBe(2);
    expect(out.swaps).toEqual({ 'ct-a1': out.rewrite[0]!.id, 'ct-a2': out.rewrite[1]!.id });
    expect(forgetInGroupTrace('g', trace(), anon)).toEqual(out);
    // Another erasure (another marker) would give other ids: nothing in them comes from the person.
    expect(forgetInGroupTrace('g', trace(), { ...anon, marker: 'erased-99' }).rewrite[0]!.id).not.toBe(out.rewrite[0]!.id);
    expect(JSON.stringify(out.rewrite)).not.toContain('aad-anna');
  });

  it('drops the person\'s step keys and untagged ones, once', () => {
    const hers = stepKey('g_w1_s1', 'k1', 'aad-anna', 1);
    const his = stepKey('g_w1_s1', 'k1', 'aad-bram', 1);
    // Stored before keys were tagged: whose is unknown.
    const untagged = moveKey('k0', 'aad-bram', 0);
    const s = { id: 'g_w1_s1', stepKeys: [untagged, hers, his] };
    const out = forgetInSession(s, [], anon);
    expect(out.stepKeys).toEqual([his]);
    expect(forgetInSession(out, [], anon)).toBe(out);
    const none = { id: 'g_w1_s1' };
    expect(forgetInSession(none, [], anon)).toBe(none);
  });

  it('drops the person\'s setup keys from the group and keeps the others\'', () => {
    const group: Group = {
      id: 'g', conversationId: 'c', conversationKind: 'groupChat', name: 'G', schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, cyclesStarted: 1, createdAt: '',
      members: [{ id: 'aad-bram', name: 'Bram' }], createdBy: 'aad-bram', conversationRef: { conversation: { id: 'c' } },
      setupKeys: ['gs_untagged', `${setupKeyTag('g', 'aad-anna')}.gs_x`, `${setupKeyTag('g', 'aad-bram')}.gs_y`],
    };
    const out = forgetInGroup(group, anon);
    expect(out.setupKeys).toEqual([`${setupKeyTag('g', 'aad-bram')}.gs_y`]);
    expect(forgetInGroup(out, anon)).toBe(out);
  });
});
