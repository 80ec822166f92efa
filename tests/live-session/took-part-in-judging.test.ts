/**
 * How many take part in judging a proposal (`tookPartInJudging`), which decides whether a decision
 * needs two judgements (stop 65): those before the session counted by tag while still in the group,
 * the presser counted, the shared card counted as pressed by one who has not taken part yet, and a
 * count stored by stop 64 read as then.
 */
import { Group } from '../../src/domain/week-cycle/group';
import { Session, SessionState, tookPartInJudging, tookPartTag } from '../../src/domain/week-cycle/session';

const SESSION_ID = 'g1_w1_s2';

function stateOf(members: string[], session: Partial<Session> = {}, wrote: string[] = []): Pick<SessionState, 'group' | 'session' | 'presence' | 'checkIns' | 'contributions'> {
  return {
    group: { members: members.map((id) => ({ id, name: id })) } as Group,
    session: { id: SESSION_ID, ...session } as Session,
    presence: [],
    checkIns: [],
    contributions: wrote.map((authorId) => ({ authorId }) as SessionState['contributions'][number]),
  };
}

const tags = (...ids: string[]) => ids.map((id) => tookPartTag(SESSION_ID, id));

describe('who takes part in judging the proposal', () => {
  it('counts those who took part before by their tag, only while they are in the group', () => {
    const before = { tookPartBeforeTags: tags('anna', 'bram') };
    expect({
      bothThere: tookPartInJudging(stateOf(['anna', 'bram', 'cem'], before), ['anna'], 'anna'),
      bramLeft: tookPartInJudging(stateOf(['anna', 'cem'], before), ['anna'], 'anna'),
      // A tag is of one session: the same member's tag on another session does not count here.
      otherSession: tookPartInJudging(stateOf(['anna', 'bram'], { tookPartBeforeTags: [tookPartTag('g1_w1_s1', 'bram')] }), ['anna'], 'anna'),
    }).toEqual({ bothThere: 2, bramLeft: 1, otherSession: 1 });
  });

  it('counts one before and another today as two, as it would in one session', () => {
    expect(tookPartInJudging(stateOf(['anna', 'bram', 'cem'], { tookPartBeforeTags: tags('anna') }), ['bram'], 'bram')).toBe(2);
    expect(tookPartInJudging(stateOf(['anna', 'bram', 'cem'], {}, ['anna']), ['bram'], 'bram')).toBe(2);
  });

  it('counts the shared card as pressed by one who has not taken part, while the group has one', () => {
    expect({
      oneOfFour: tookPartInJudging(stateOf(['anna', 'bram', 'cem', 'dewi'], {}, ['anna']), ['anna']),
      onlyMember: tookPartInJudging(stateOf(['anna'], {}, ['anna']), ['anna']),
      allTookPart: tookPartInJudging(stateOf(['anna', 'bram'], { tookPartBeforeTags: tags('bram') }, ['anna']), ['anna']),
      herOwnView: tookPartInJudging(stateOf(['anna', 'bram', 'cem', 'dewi'], {}, ['anna']), ['anna'], 'anna'),
    }).toEqual({ oneOfFour: 2, onlyMember: 1, allTookPart: 2, herOwnView: 1 });
  });

  it('reads a count stored by stop 64 as then: capped by the group\'s size, no one named', () => {
    expect({
      count: tookPartInJudging(stateOf(['anna', 'bram', 'cem'], { tookPartBefore: 2 }), ['anna'], 'anna'),
      capped: tookPartInJudging(stateOf(['anna'], { tookPartBefore: 2 }), ['anna'], 'anna'),
      none: tookPartInJudging(stateOf(['anna', 'bram', 'cem']), ['anna'], 'anna'),
    }).toEqual({ count: 2, capped: 1, none: 1 });
  });
});
