import { cleanLink, editNoteText, writeNote } from '../../src/domain/verantwoording/accountability-note';
import { ERASED_ID, erasedContributionId, forgetInCycle, forgetInGroup, forgetInGroupTrace, forgetInProposal, forgetInSession } from '../../src/domain/verantwoording/erasure';
import { sketchProfTraject } from '../../src/domain/verantwoording/prof-traject';
import { checkHours, hoursUsed } from '../../src/domain/verantwoording/time-used';
import { newProposal } from '../../src/domain/proposal/proposal';
import { GroupTrace } from '../../src/domain/week-cycle/ports';
import { Cycle } from '../../src/domain/week-cycle/cycle';
import { defaultSchedule, Group } from '../../src/domain/week-cycle/group';
import { htmlToText } from '../../src/teams/features/verantwoording/html-to-text';
import { leftAtOf, proposalsContributedTo } from '../../src/usecases/verantwoording/group-traces';

const now = new Date('2026-11-23T09:00:00Z');
const anon = { userId: 'aad-anna', marker: 'erased-1234abcd', language: 'en' as const };

describe('notes', () => {
  it('keeps only https links', () => {
    expect(cleanLink('https://teams.microsoft.com/l/message/1')).toBe('https://teams.microsoft.com/l/message/1');
    for (const bad of ['javascript:alert(1)', 'http://example.org', 'data:text/html,x', '/relative', 'not a url', `https://x/${'a'.repeat(2100)}`]) expect(cleanLink(bad)).toBeUndefined();
  });

  it('edits from the shown version only; a repeated edit is no conflict', () => {
    const n = writeNote({ userId: 'u', key: 'k', text: 'een' }, now);
    const two = editNoteText(n, 'twee', 1, now);
    expect(two).toMatchObject({ text: 'twee', rev: 2 });
    expect(editNoteText(two, 'twee', 1, now)).toBe(two);
    expect(() => editNoteText(two, 'drie', 1, now)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(editNoteText(two, 'twee', 2, now)).toBe(two);
  });
});

describe('time used and Prof-traject', () => {
  it('counts one hour per session unless corrected; corrections are whole or half hours within bounds, never rounded', () => {
    expect(hoursUsed(3, undefined)).toBe(3);
    expect(hoursUsed(3, { id: 'x', type: 'timeUsed', userId: 'u', groupId: 'g', cycleId: 'c', hours: 1.5, visibility: 'private', updatedAt: '' })).toBe(1.5);
    expect(checkHours(2.5)).toBe(2.5);
    expect(checkHours(0)).toBe(0);
    // Not on a half hour: refused with the rule, never stored as a figure the person did not give.
    expect(() => checkHours(2.26)).toThrow(expect.objectContaining({ code: 'invalidInput', input: expect.objectContaining({ field: 'hours', rule: 'format' }) }));
    for (const bad of [-1, 41, Number.NaN]) expect(() => checkHours(bad)).toThrow(expect.objectContaining({ code: 'invalidInput' }));
  });

  it('needs at least learning needs or talents, and 1-52 weeks; keeps visibility on revision', () => {
    expect(() => sketchProfTraject(undefined, { userId: 'u', learningNeeds: ' ', talents: '', plannedWeeks: 20 }, now)).toThrow();
    expect(() => sketchProfTraject(undefined, { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 53 }, now)).toThrow();
    const first = { ...sketchProfTraject(undefined, { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 20 }, now), visibility: 'shared' as const };
    expect(sketchProfTraject(first, { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 20 }, now)).toBe(first);
    expect(sketchProfTraject(first, { userId: 'u', learningNeeds: 'y', talents: '', plannedWeeks: 20 }, now)).toMatchObject({ learningNeeds: 'y', visibility: 'shared', createdAt: first.createdAt });
  });

  it('keeps the phase unless it is cleared on purpose, and refuses a save from an older revision', () => {
    const input = { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 20 };
    const first = sketchProfTraject(undefined, { ...input, maturityPhase: 'actie', rev: 0 }, now);
    expect(first).toMatchObject({ maturityPhase: 'actie', rev: 1 });
    // The tab has no phase field: its save keeps the phase.
    const second = sketchProfTraject(first, { ...input, learningNeeds: 'y', rev: 1 }, now);
    expect(second).toMatchObject({ learningNeeds: 'y', maturityPhase: 'actie', rev: 2 });
    // The chat's form with no phase picked sends '': that clears it.
    expect(sketchProfTraject(second, { ...input, learningNeeds: 'y', maturityPhase: '', rev: 2 }, now)).not.toHaveProperty('maturityPhase');
    expect(() => sketchProfTraject(second, { ...input, learningNeeds: 'z', rev: 1 }, now)).toThrow(expect.objectContaining({ code: 'conflict' }));
    // A stale save that changes nothing overwrites nothing; one without a revision wins as before.
    expect(sketchProfTraject(second, { ...input, learningNeeds: 'y', rev: 1 }, now)).toBe(second);
    expect(sketchProfTraject(second, { ...input, learningNeeds: 'z' }, now)).toMatchObject({ learningNeeds: 'z', maturityPhase: 'actie', rev: 3 });
    // A Prof-traject stored before revisions counts as revision 1.
    const { rev: _rev, ...old } = first;
    expect(() => sketchProfTraject(old, { ...input, learningNeeds: 'z', rev: 0 }, now)).toThrow(expect.objectContaining({ code: 'conflict' }));
    expect(sketchProfTraject(old, { ...input, learningNeeds: 'z', rev: 1 }, now)).toMatchObject({ rev: 2 });
  });
});

describe('erasure rules', () => {
  const base = { groupId: 'g', cycleId: 'g_w1', sessionId: 'g_w1_s1', at: '' };
  const trace = (): GroupTrace => ({
    sessions: [{ id: 'g_w1_s1', cycleId: 'g_w1', startedAt: '2026-11-23T08:00:00Z', day: 1 }, { id: 'g_w1_s2', cycleId: 'g_w1', startedAt: '2026-11-24T08:00:00Z', day: 2 }],
    contributions: [{ ...base, id: 'ct1', type: 'contribution', questionId: 1, authorId: 'aad-anna', authorName: 'Anna', text: 'Anna schreef dit' }],
    checkIns: [{ ...base, id: 'ci1', type: 'checkIn', phase: 'in', memberId: 'aad-anna', score: 3 }],
    presence: [{ ...base, id: 'pr2', sessionId: 'g_w1_s2', type: 'presence', memberId: 'aad-anna' }],
    judgements: [{ id: 'jd1', type: 'judgement', groupId: 'g', cycleId: 'g_w1', proposalId: 'g_w1_p', memberId: 'aad-anna', memberName: 'Anna', opinion: 'agree', reason: 'Goed', at: '' }],
    proposals: [{ ...newProposal({ id: 'g_w1_p', groupId: 'g', groupName: 'G', cycleId: 'g_w1', sessionId: 'g_w1_s3', title: '' }, now), decision: { verdict: 'accept', reason: 'r', text: 't', firstStep: 'f', judged: { agree: 1, doubt: 0, disagree: 0 }, decidedBy: 'aad-anna', at: '' } }],
    cycles: [],
  });

  it('anonymises contributions, drops check-ins and presence, and keeps the attendance under the marker', () => {
    const out = forgetInGroupTrace('g', trace(), anon);
    // The contribution keeps its text and time under a new id from the marker (its id was a hash over her id), swapped for the original.
    const copy = { ...trace().contributions[0]!, id: erasedContributionId(trace().contributions[0]!, anon.marker), authorId: ERASED_ID, authorName: 'Former member' };
    expect(out.rewrite).toEqual([copy]);
    expect(copy.id).not.toBe('ct1');
    expect(out.swaps).toMatchObject({ ct1: copy.id });
    expect(forgetInGroupTrace('g', trace(), anon).rewrite).toEqual(out.rewrite);
    expect(out.remove.map((r) => r.id).sort()).toEqual(['ci1', 'ct1', 'jd1', 'pr2']);
    const presence = out.create.filter((c) => c.type === 'presence');
    expect(presence.map((p) => [p.sessionId, p.memberId])).toEqual([['g_w1_s1', 'erased-1234abcd'], ['g_w1_s2', 'erased-1234abcd']]);
    expect(JSON.stringify(out.create)).not.toContain('aad-anna');
  });

  it('keeps a judgement without the name, under an id from the marker, so a re-run writes the same', () => {
    const first = forgetInGroupTrace('g', trace(), anon).create.filter((c) => c.type === 'judgement');
    expect(first).toEqual([expect.objectContaining({ memberId: ERASED_ID, memberName: 'Former member', opinion: 'agree', reason: 'Goed' })]);
    expect(forgetInGroupTrace('g', trace(), anon).create).toEqual(forgetInGroupTrace('g', trace(), anon).create);
    expect(first[0]!.id).not.toBe('jd1');
  });

  it('withdraws the published energy averages made with the person\'s score, and only those', () => {
    const closedAt = '2026-11-23T09:00:00Z';
    const s1 = { id: 'g_w1_s1', energy: { in: { closedAt, average: 3, answers: 4 }, out: { closedAt, average: 3.3, answers: 4 } } };
    const checkIns = trace().checkIns; // Anna checked in (phase 'in') for session 1 only
    expect(forgetInSession(s1, checkIns, anon)).toEqual({ id: 'g_w1_s1', energy: { in: { closedAt, withdrawn: true }, out: s1.energy.out } });
    // A session without her check-in, a round still open, a round with too few answers: unchanged.
    const s2 = { id: 'g_w1_s2', energy: { in: { closedAt, average: 4, answers: 3 }, out: {} } };
    expect(forgetInSession(s2, checkIns, anon)).toBe(s2);
    const open = { id: 'g_w1_s1', energy: { in: {}, out: {} } };
    expect(forgetInSession(open, checkIns, anon)).toBe(open);
    const tooFew = { id: 'g_w1_s1', energy: { in: { closedAt }, out: {} } };
    expect(forgetInSession(tooFew, checkIns, anon)).toBe(tooFew);
    // A run again finds nothing left to withdraw.
    const once = forgetInSession(s1, checkIns, anon);
    expect(forgetInSession(once, checkIns, anon)).toBe(once);
    expect(forgetInGroupTrace('g', { ...trace(), sessions: [{ ...trace().sessions[0]!, energy: s1.energy }, trace().sessions[1]!] }, anon).sessionIds).toEqual(['g_w1_s1']);
    expect(forgetInGroupTrace('g', trace(), anon).sessionIds).toEqual([]);
  });

  it('removes the person from decisions', () => {
    const out = forgetInProposal(trace().proposals[0]!, anon);
    expect(out.decision?.decidedBy).toBe(ERASED_ID);
    expect(forgetInProposal(out, anon)).toBe(out);
    expect(forgetInGroupTrace('g', trace(), anon).proposalIds).toEqual(['g_w1_p']);
  });

  it('takes the person out of the group and its stored conversation reference', () => {
    const g: Group = {
      id: 'g', conversationId: 'c', conversationKind: 'groupChat', name: 'G', schedule: defaultSchedule('Europe/Amsterdam'), language: 'nl', plannedWeeks: 20, cyclesStarted: 1, createdAt: '',
      members: [{ id: 'aad-anna', name: 'Anna', teamsId: '29:anna' }, { id: 'aad-bram', name: 'Bram' }],
      createdBy: 'aad-anna',
      conversationRef: { conversation: { id: 'c' }, user: { id: '29:anna', aadObjectId: 'aad-anna', name: 'Anna' }, serviceUrl: 'https://smba' },
    };
    const out = forgetInGroup(g, anon);
    expect(out.members).toEqual([{ id: 'aad-bram', name: 'Bram' }]);
    expect(out.createdBy).toBe(ERASED_ID);
    expect(out.conversationRef).toEqual({ conversation: { id: 'c' }, serviceUrl: 'https://smba' });
    expect(forgetInGroup(out, anon)).toBe(out);
    const c = { id: 'c', type: 'cycle', groupId: 'g', weekNumber: 1, agenda: [], sessionDates: [], startedBy: 'aad-anna', startedAt: '' } as Cycle;
    expect(forgetInCycle(c, anon).startedBy).toBe(ERASED_ID);
    expect(forgetInCycle({ ...c, startedBy: 'aad-bram' }, anon).startedBy).toBe('aad-bram');
  });
});

describe('proposals of someone who left the group', () => {
  const proposal = (cycleId: string, extra: object) => ({ ...newProposal({ id: `${cycleId}_p`, groupId: 'g', groupName: 'G', cycleId, sessionId: `${cycleId}_s3`, title: '' }, new Date('2026-11-02T08:00:00Z')), ...extra });
  const decision = (at: string) => ({ verdict: 'accept' as const, reason: 'r', text: 't', firstStep: 'f', judged: { agree: 3, doubt: 0, disagree: 0 }, decidedBy: 'aad-bram', at });
  const trace = (members: string[]): GroupTrace => ({
    group: { ...({} as Group), members: members.map((id) => ({ id, name: id })) },
    sessions: [],
    contributions: ['g_w1', 'g_w2', 'g_w3'].map((cycleId, i) => ({ id: `ct${i}`, type: 'contribution' as const, groupId: 'g', cycleId, sessionId: `${cycleId}_s1`, questionId: 1, authorId: 'aad-anna', authorName: 'Anna', text: 'x', at: `2026-11-0${2 + i}T08:00:00Z` })),
    checkIns: [],
    presence: [],
    judgements: [],
    proposals: [
      proposal('g_w1', { decision: decision('2026-11-02T09:00:00Z'), firstStepOutcome: { status: 'done', note: 'Later verteld', at: '2026-11-20T08:00:00Z' } }),
      proposal('g_w2', { decision: decision('2026-11-20T09:00:00Z') }),
      proposal('g_w3', { updatedAt: '2026-11-04T08:30:00Z' }),
    ],
    cycles: [],
  });

  it('shows a member everything, and someone who left each proposal as it stood when they left', () => {
    expect(proposalsContributedTo(trace(['aad-anna']), 'aad-anna', leftAtOf(trace(['aad-anna']), 'aad-anna'))).toHaveLength(3);
    const left = proposalsContributedTo(trace([]), 'aad-anna', leftAtOf(trace([]), 'aad-anna', { member: false, since: '2026-11-10T08:00:00Z' }));
    // Week 1 decided while she was there (without the look back told after); week 2 decided after: not hers; week 3 unchanged since.
    expect(left.map((p) => [p.cycleId, !!p.decision, !!p.firstStepOutcome])).toEqual([['g_w1', true, false], ['g_w3', false, false]]);
  });

  it('takes their own latest action as the moment they left when their index does not say', () => {
    expect(leftAtOf(trace([]), 'aad-anna')).toBe('2026-11-04T08:00:00Z');
    expect(proposalsContributedTo(trace([]), 'aad-anna', leftAtOf(trace([]), 'aad-anna')).map((p) => p.cycleId)).toEqual(['g_w1']);
  });
});

describe('a Teams message body as plain text', () => {
  it.each([
    ['<p>Hallo <b>wereld</b></p>', 'Hallo wereld'],
    ['een<br>twee<br/>drie', 'een\ntwee\ndrie'],
    ['<div>a</div><div>b</div>', 'a\nb'],
    ['<ul><li>een</li><li>twee</li></ul>', '• een\n• twee'],
    ['5 &lt; 6 &amp;&amp; 7 &gt; 6 &quot;ok&quot; &#39;x&#39; &#x263A;', '5 < 6 && 7 > 6 "ok" \'x\' ☺'],
    ['<script>alert(1)</script><style>p{}</style>tekst', 'tekst'],
    ['<at id="0">Anna</at>, kijk', 'Anna, kijk'],
    ['a&nbsp;&nbsp;b   c', 'a b c'],
    ['<p>x</p>\n\n\n\n<p>y</p>', 'x\n\ny'],
    ['&#0; &#xD800; &bogus;', '&#0; &#xD800; &bogus;'],
    ['<img src=x onerror=alert(1)>plat', 'plat'],
    // Markup that never closes (stop 37: read in one pass now, with the same outcome as before).
    ['a < b', 'a b'],
    ['<!-- open <p>x</p>', 'x'],
    ['<script>alert(1)', 'alert(1)'],
    ['<p>een</p><script>x</script><script>y', 'een\ny'],
    ['<br class="x">na <P>Groot</P >', 'na Groot'],
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
  it('leaves plain text alone', () => {
    expect(htmlToText('<b>niet</b> html', 'text')).toBe('<b>niet</b> html');
  });
});
