// A guard (held when written, in review of stop 59).
/**
 * Second review of stop 58's 16c4947 (first-step press keys tagged per
 * member and dropped by the erasure). Anna is in two groups and told each group's first step; she
 * erases her data; then Teams delivers one of her look-back presses again.
 * Expected: no key of hers (tag) is left in either group; the press delivered again stores nothing
 * (no key of hers comes back, the outcome stays as the group has it) and she gets a card, not a
 * bare failure.
 */
import { cardText, MEMBERS } from '../support/group-driver';
import { storedText } from '../support/cosmos';
import { startTestApp, TestApp } from '../support/test-app';
import { firstStepKeyTag } from '../../src/domain/proposal/proposal';
import { allDocuments, eraseInChat } from '../verantwoording/support';
import { weekTwoLookingBack } from '../live-session/support';

const [anna] = MEMBERS as [typeof MEMBERS[0]];
const K = 'k-shared-session-card';

describe('first-step keys of a member in two groups, and her press delivered again after her erasure', () => {
  let t: TestApp;
  afterAll(() => t?.stop());

  it('no tag of hers in either group; the press delivered again stores nothing of hers', async () => {
    t = await startTestApp({}, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    const g1 = await weekTwoLookingBack(t, '19:erasure-fs-two-groups-one@thread.v2');
    const g2 = await weekTwoLookingBack(t, '19:erasure-fs-two-groups-two@thread.v2');
    const p1 = `${g1.groupId}_w1_p`;
    const p2 = `${g2.groupId}_w1_p`;
    const press1 = { ...g1.ids(), proposalId: p1, firstStepStatus: 'done', firstStepNote: 'De tafel staat er', k: K };
    await g1.press(anna, 'proposal.firstStep', press1);
    await g2.press(anna, 'proposal.firstStep', { ...g2.ids(), proposalId: p2, firstStepStatus: 'underway', firstStepNote: 'Bijna', k: K });
    const tags = [firstStepKeyTag(p1, anna.aadObjectId), firstStepKeyTag(p2, anna.aadObjectId)];
    const before = storedText(Object.values(await allDocuments(t.store)).flat());
    expect(tags.filter((tag) => before.includes(tag))).toHaveLength(2);

    await eraseInChat(t, anna);
    const after = storedText(Object.values(await allDocuments(t.store)).flat());
    expect(tags.filter((tag) => after.includes(tag))).toEqual([]);

    // Teams delivers her first press again, after the erasure.
    const again = await g1.press(anna, 'proposal.firstStep', press1);
    const stored = (await t.store.container('sessions').item(p1, g1.groupId).read()).resource;
    const later = storedText(Object.values(await allDocuments(t.store)).flat());
    expect({
      tagsBack: tags.filter((tag) => later.includes(tag)),
      keys: stored.firstStepOutcome?.keys ?? [],
      outcome: stored.firstStepOutcome?.status,
      shown: cardText(again.value ?? {}).length > 0,
    }).toEqual({ tagsBack: [], keys: [], outcome: 'done', shown: true });
  }, 240_000);
});
