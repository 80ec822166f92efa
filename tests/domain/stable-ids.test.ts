import { stableId } from '../../src/domain/shared/ids';

describe('stable ids', () => {
  // Stored documents are found by these ids: a change of hash or encoding would orphan every one of them.
  it('stays the id that existing documents were stored under', () => {
    expect(stableId('grp', '19:abc@thread.v2', 'x')).toBe('grp_2Bof9gfKpC9-hVJB0L5TyD');
  });

  it('is valid as a Cosmos DB id whatever the parts hold', () => {
    const id = stableId('grp', '19:a/b\\c?d#e@thread.v2');
    expect(id).toMatch(/^grp_[A-Za-z0-9_-]{22}$/);
    expect(stableId('grp', 'a', 'b')).not.toBe(stableId('grp', 'ab'));
  });
});
