import { LearningNeedPassOn, passOn, shownRevOf, withdrawn } from '../../src/domain/learning-needs/learning-need';
import { isDomainError } from '../../src/domain/shared/errors';

/**
 * Found in review, stop 46. The tab changed or withdrew a learning need without saying which
 * version it showed, so a tab opened before a change on the chat's card silently undid it.
 * What must hold: every change of the member's counts in the need's revision (a withdrawal too,
 * so a need passed on anew never matches a view from before); a change sent with an older revision
 * is refused as changed meanwhile, unless what it sends already stands; one without a revision
 * (the chat's card, older tabs) goes ahead; pass-ons stored before revisions read as revision 1.
 */
describe('the revision of a learning need refuses a view older than it', () => {
  const ids = { userId: 'u1', answerId: 'a1' };
  const refusal = (work: () => unknown) => {
    try {
      work();
      return 'stored';
    } catch (err) {
      return isDomainError(err) ? `${err.code}: ${err.detail}` : String(err);
    }
  };

  it('counts every change, a withdrawal included, and refuses what an older view sends', () => {
    const first = passOn(undefined, { ...ids, theme: 'samenwerken', rev: 0 });
    const changed = passOn(first, { ...ids, theme: 'digitaal', text: 'Uit de chat', key: 'press-1' });
    expect([shownRevOf(first), shownRevOf(changed)]).toEqual([1, 2]);
    expect(refusal(() => passOn(changed, { ...ids, theme: 'samenwerken', text: 'Uit de tab', rev: 1 }))).toBe('conflict: learning need changed meanwhile');
    // Sent again after its answer was lost: what it sends stands, and nothing is written.
    expect(passOn(changed, { ...ids, theme: 'digitaal', text: 'Uit de chat', rev: 1 })).toBe(changed);

    const gone = withdrawn(changed, 'press-2');
    const again = passOn(gone, { ...ids, theme: 'coachen', key: 'press-3' });
    expect([shownRevOf(gone), shownRevOf(again)]).toEqual([0, 4]);
    expect(refusal(() => withdrawn(again, undefined, 2))).toBe('conflict: learning need changed meanwhile');
    expect(refusal(() => passOn(again, { ...ids, theme: 'vakkennis', rev: 0 }))).toBe('conflict: learning need changed meanwhile');
    expect(withdrawn(again, undefined, 4)).toMatchObject({ type: 'learningNeedWithdrawn', rev: 5 });
    // Without a revision (the chat's card, tabs from before): as before.
    expect(passOn(again, { ...ids, theme: 'vakkennis' })).toMatchObject({ theme: 'vakkennis', rev: 5 });
  });

  it('reads a pass-on stored before revisions as revision 1', () => {
    const legacy: LearningNeedPassOn = { id: 'lnp_x', type: 'learningNeedPassOn', ...ids, status: 'pending', theme: 'samenwerken', tenantId: 't' };
    expect(shownRevOf(legacy)).toBe(1);
    expect(passOn(legacy, { ...ids, theme: 'digitaal', tenantId: 't', rev: 1 })).toMatchObject({ theme: 'digitaal', rev: 2 });
    expect(refusal(() => withdrawn(legacy, undefined, 0))).toBe('conflict: learning need changed meanwhile');
  });

  it('counts a change while the handover holds the need, and a held withdrawal sent again stands', () => {
    const held: LearningNeedPassOn = { id: 'lnp_x', type: 'learningNeedPassOn', ...ids, status: 'sealing', batchId: 'b', theme: 'samenwerken', tenantId: 't', rev: 3 };
    const asked = withdrawn(held, undefined, 3);
    expect(asked).toMatchObject({ status: 'sealing', asked: { kind: 'withdraw' }, rev: 4 });
    expect(withdrawn(asked, undefined, 3)).toBe(asked);
    expect(refusal(() => passOn(asked, { ...ids, theme: 'digitaal', rev: 3 }))).toBe('conflict: learning need changed meanwhile');
  });
});
