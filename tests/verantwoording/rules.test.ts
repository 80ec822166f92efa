import { cleanLink, editNoteText, writeNote } from '../../src/domain/verantwoording/accountability-note';
import { ERASED_ID, forgetInCycle, forgetInGroup, forgetInProposal, forgetInSession } from '../../src/domain/verantwoording/erasure';
import { sketchProfTraject } from '../../src/domain/verantwoording/prof-traject';
import { checkHours, hoursUsed } from '../../src/domain/verantwoording/time-used';
import { newProposal, judge } from '../../src/domain/proposal/proposal';
import { Cycle } from '../../src/domain/week-cycle/cycle';
import { DEFAULT_SCHEDULE, Group } from '../../src/domain/week-cycle/group';
import { openSession } from '../../src/domain/week-cycle/session';
import { htmlToText } from '../../src/teams/features/verantwoording/html-to-text';

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
  it('counts one hour per session unless corrected; corrections are half hours within bounds', () => {
    expect(hoursUsed(3, undefined)).toBe(3);
    expect(hoursUsed(3, { id: 'x', type: 'timeUsed', userId: 'u', groupId: 'g', cycleId: 'c', hours: 1.5, visibility: 'private', updatedAt: '' })).toBe(1.5);
    expect(checkHours(2.26)).toBe(2.5);
    for (const bad of [-1, 41, Number.NaN]) expect(() => checkHours(bad)).toThrow(expect.objectContaining({ code: 'invalidInput' }));
  });

  it('needs at least learning needs or talents, and 1-52 weeks; keeps visibility on revision', () => {
    expect(() => sketchProfTraject(undefined, { userId: 'u', learningNeeds: ' ', talents: '', plannedWeeks: 20 }, now)).toThrow();
    expect(() => sketchProfTraject(undefined, { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 53 }, now)).toThrow();
    const first = { ...sketchProfTraject(undefined, { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 20 }, now), visibility: 'shared' as const };
    expect(sketchProfTraject(first, { userId: 'u', learningNeeds: 'x', talents: '', plannedWeeks: 20 }, now)).toBe(first);
    expect(sketchProfTraject(first, { userId: 'u', learningNeeds: 'y', talents: '', plannedWeeks: 20 }, now)).toMatchObject({ learningNeeds: 'y', visibility: 'shared', createdAt: first.createdAt });
  });
});

describe('erasure rules', () => {
  const session = () => {
    const s = openSession({ id: 's1', groupId: 'g', cycleId: 'c', seq: 1, day: 1, questionIds: [1, 2], carriedOver: [], startedAt: now, minutes: 60 });
    return {
      ...s,
      answers: { '1': [{ key: 'a', authorId: 'aad-anna', authorName: 'Anna', text: 'Anna schreef dit', at: '' }, { key: 'b', authorId: 'aad-bram', authorName: 'Bram', text: 'Bram schreef dit', at: '' }] },
      energy: { in: { 'aad-anna': 3, 'aad-bram': 4 }, out: { 'aad-anna': 5 } },
      attendeeIds: ['aad-anna', 'aad-bram'],
    };
  };

  it('anonymises contributions, drops check-ins and keeps the attendance count', () => {
    const out = forgetInSession(session(), anon);
    expect(out.answers['1']).toEqual([
      { key: 'a', authorId: ERASED_ID, authorName: 'Former member', text: 'Anna schreef dit', at: '' },
      { key: 'b', authorId: 'aad-bram', authorName: 'Bram', text: 'Bram schreef dit', at: '' },
    ]);
    expect(out.energy).toEqual({ in: { 'aad-bram': 4 }, out: {} });
    expect(out.attendeeIds).toEqual(['erased-1234abcd', 'aad-bram']);
    expect(forgetInSession(out, anon)).toBe(out);
  });

  it('removes the name from judgements and the person from contributors and decisions', () => {
    let p = newProposal({ id: 'p', groupId: 'g', groupName: 'G', cycleId: 'c', sessionId: 's', title: '', contributorIds: ['aad-anna'] }, now);
    p = judge(p, { memberId: 'aad-anna', memberName: 'Anna', verdict: 'accept', reason: 'Goed', at: '' });
    p = { ...p, decision: { verdict: 'accept', text: 't', firstStep: 'f', decidedBy: 'aad-anna', at: '' } };
    const out = forgetInProposal(p, anon, 'erased-j1');
    expect(out.judgements).toEqual({ 'erased-j1': { memberId: ERASED_ID, memberName: 'Former member', verdict: 'accept', reason: 'Goed', at: '' } });
    expect(out.contributorIds).toEqual([]);
    expect(out.decision?.decidedBy).toBe(ERASED_ID);
    expect(forgetInProposal(out, anon, 'erased-j2')).toBe(out);
  });

  it('takes the person out of the group and its stored conversation reference', () => {
    const g: Group = {
      id: 'g', conversationId: 'c', conversationKind: 'groupChat', name: 'G', schedule: DEFAULT_SCHEDULE, language: 'nl', plannedWeeks: 20, cyclesStarted: 1, createdAt: '',
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
  ])('%j -> %j', (html, text) => {
    expect(htmlToText(html)).toBe(text);
  });
  it('leaves plain text alone', () => {
    expect(htmlToText('<b>niet</b> html', 'text')).toBe('<b>niet</b> html');
  });
});
