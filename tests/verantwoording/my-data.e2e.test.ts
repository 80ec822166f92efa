import { randomUUID } from 'node:crypto';
import { message } from '../support/activities';
import { GroupDriver, MEMBERS, cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { cardProblems } from '../support/card-validator';
import { actionData, allDocuments, PersonalChat, runWeek } from './support';

/** Every string in a document tree that is not an identifier field, for "is the name gone" checks. */
function texts(node: unknown, key = ''): string[] {
  if (typeof node === 'string') return /^_|id$|Id$|Ids$/.test(key) ? [] : [node];
  if (Array.isArray(node)) return node.flatMap((n) => texts(n, key));
  if (node && typeof node === 'object') return Object.entries(node).flatMap(([k, v]) => texts(v, k));
  return [];
}

/**
 * "Mijn gegevens": the export holds everything the app keeps about a professional; after erasure
 * nothing of them remains in any container, except their group contributions, anonymously.
 */
describe('export and erasure of a professional\'s data', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  let annaChat: PersonalChat;
  const tokens: Record<string, string> = {};
  const get = async (who: string, path: string) => (await fetch(`${t.app.url}/api/verantwoording${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } })).json();

  beforeAll(async () => {
    t = await startTestApp();
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp(); // Anna sets the group up (createdBy, the stored conversation reference)...
    await g.startCycle(); // ...starts the week...
    await runWeek(g, { personal9: 'Anna wil leren delegeren', personal10: 'Anna kreeg energie van de groep', contribution: 'De overdracht tussen diensten' }, { decider: anna }); // ...and decides the proposal.
    annaChat = new PersonalChat(t, anna);
    await annaChat.say('notitie Een notitie van Anna zelf');
    await annaChat.say('taal nl');
    await annaChat.press('verantwoording.traject.save', { learningNeeds: 'Delegeren', talents: 'Coachen', weeks: '20' });
    const card = (await annaChat.say('verantwoording')).cards[0];
    await annaChat.press('verantwoording.time.save', { ...actionData(card, 'verantwoording.time.open'), hours: '3' });
    await t.send({ ...message(t.conversation('groupChat'), anna, 'x'), type: 'invoke', name: 'composeExtension/submitAction', id: randomUUID(), value: { commandId: 'bewaarInVerantwoording', commandContext: 'message', data: { noteText: 'Bewaard bericht', link: 'https://teams.microsoft.com/l/message/1' } } });
    await new PersonalChat(t, bram).say('notitie Bram houdt dit bij');
    for (const who of ['aad-anna', 'aad-cem', 'aad-bram']) {
      const res = await fetch(`${t.app.url}/api/dev/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ userId: who }) });
      tokens[who] = (await res.json()).token;
    }
  });
  afterAll(() => t.stop());

  it('exports everything about Anna: notes, answers, Prof-traject, time, check-ins, contributions, judgements', async () => {
    const data = await get('aad-anna', '/export');
    expect(data).toMatchObject({ format: 'lerend-werken.mijn-gegevens', version: 1, userId: 'aad-anna', preferences: { language: 'nl' }, profTraject: { learningNeeds: 'Delegeren', talents: 'Coachen', plannedWeeks: 20 } });
    expect(data.notes.map((n: { text: string }) => n.text).sort()).toEqual(['Bewaard bericht', 'Een notitie van Anna zelf']);
    expect(data.notes.find((n: { text: string }) => n.text === 'Bewaard bericht').source).toEqual({ kind: 'message', link: 'https://teams.microsoft.com/l/message/1' });
    expect(data.personalAnswers.map((a: { questionId: number; text: string }) => [a.questionId, a.text]).sort((x: [number], y: [number]) => x[0] - y[0])).toEqual([[9, 'Anna wil leren delegeren'], [10, 'Anna kreeg energie van de groep']]);
    expect(data.timeUsed).toEqual([expect.objectContaining({ hours: 3 })]);
    expect(data.cycles).toEqual([expect.objectContaining({ groupName: 'Team Zorg', weekNumber: 1, sessionsAttended: 4, hours: 3 })]);
    expect(data.sessionsAttended).toHaveLength(4);
    expect(data.energyCheckIns).toHaveLength(4);
    expect(data.energyCheckIns.every((e: { score: number; phase: string }) => e.score === 4 && e.phase === 'in')).toBe(true);
    expect(data.contributions.map((c: { questionId: number; text: string }) => [c.questionId, c.text])).toEqual([[1, 'De overdracht tussen diensten'], [5, 'Vaste overdrachtsmomenten']]);
    expect(data.judgements).toEqual([expect.objectContaining({ opinion: 'agree', reason: 'Goed te doen' })]);
    expect(data.proposals).toEqual([expect.objectContaining({ status: 'adapt', text: 'Tien minuten overdracht met een vast formulier.' })]);
    expect(data.groups).toEqual([{ id: g.groupId, name: 'Team Zorg', member: true }]);
    // Nothing of anyone else: not Bram's note, not the other members' contributions.
    expect(JSON.stringify(data)).not.toContain('Bram houdt dit bij');
    expect(JSON.stringify(data)).not.toContain('Informatie staat verspreid');
  });

  it('erases only after the confirmation in the chat', async () => {
    const ask = (await annaChat.say('wis mijn gegevens')).cards[0];
    expect((await get('aad-anna', '/export')).notes).toHaveLength(2);
    const done = await annaChat.press('verantwoording.erase.confirm', actionData(ask, 'verantwoording.erase.confirm')!);
    expect(cardText(done)).toContain('Je gegevens zijn gewist');
  });

  it('erases Cem through the tab as well', async () => {
    const res = await fetch(`${t.app.url}/api/verantwoording/erase`, { method: 'POST', headers: { authorization: `Bearer ${tokens['aad-cem']}`, 'content-type': 'application/json' }, body: JSON.stringify({ confirm: true }) });
    expect(res.status).toBe(200);
  });

  it('leaves nothing of Anna or Cem in any container, except their group contributions without a name', async () => {
    const docs = await allDocuments(t.cosmos);
    expect(Object.keys(docs).sort()).toEqual(expect.arrayContaining(['jobs', 'personal', 'sessions', 'reviews', 'polls', 'outbox']));
    const everything = JSON.stringify(docs);
    for (const gone of ['aad-anna', '29:anna', 'aad-cem', '29:cem']) expect(everything).not.toContain(gone);
    const words = Object.values(docs).flatMap((d) => texts(d)).join('\n');
    expect(words).not.toMatch(/\bAnna\b/);
    expect(words).not.toMatch(/\bCem\b/);
    expect(words).not.toContain('Anna wil leren delegeren');
    expect(words).not.toContain('Een notitie van Anna zelf');

    type Doc = { type: string; id: string; [k: string]: unknown };
    const partition = docs.sessions as Doc[];
    const ofType = <T>(type: string) => partition.filter((d) => d.type === type) as unknown as T[];
    const contributions = ofType<{ authorId: string; authorName: string; text: string }>('contribution');
    expect(contributions.find((c) => c.text === 'De overdracht tussen diensten')).toMatchObject({ authorId: 'erased', authorName: 'Oud-deelnemer' });
    expect(contributions.find((c) => c.text === 'Geen vaste tijd')).toMatchObject({ authorId: 'erased', authorName: 'Oud-deelnemer' }); // Cem's
    expect(contributions.find((c) => c.text === 'Informatie staat verspreid')).toMatchObject({ authorId: 'aad-bram', authorName: 'Bram' });
    // Private scores of the erased are gone; the group's hours still add up, anonymously.
    expect([...new Set(ofType<{ memberId: string }>('checkIn').map((c) => c.memberId))].sort()).toEqual(['aad-bram', 'aad-dewi']);
    for (const s of ofType<{ id: string }>('session')) {
      const present = new Set([...ofType<{ sessionId: string; memberId: string }>('presence'), ...ofType<{ sessionId: string; memberId: string }>('checkIn')].filter((p) => p.sessionId === s.id).map((p) => p.memberId));
      expect(present.size).toBe(4);
    }
    const [group] = ofType<{ members: { id: string }[]; createdBy: string }>('group');
    expect(group!.members.map((m) => m.id).sort()).toEqual(['aad-bram', 'aad-dewi']);
    expect(group!.createdBy).toBe('erased');
    expect(ofType<{ memberName: string }>('judgement').map((j) => j.memberName).sort()).toEqual(['Bram', 'Oud-deelnemer', 'Oud-deelnemer']);
    const [proposal] = ofType<{ decision: { decidedBy: string } }>('proposal');
    expect(proposal!.decision.decidedBy).toBe('erased');
    // Left in personal partitions: Bram's note, and the remaining members' membership indexes.
    expect((docs.personal as { userId: string; type: string }[]).map((r) => `${r.userId}:${r.type}`).sort()).toEqual(['aad-bram:membershipIndex', 'aad-bram:note', 'aad-dewi:membershipIndex']);
  });

  it('the group and the other members carry on; Anna starts afresh', async () => {
    const bramData = await get('aad-bram', '/export');
    expect(bramData.notes.map((n: { text: string }) => n.text)).toEqual(['Bram houdt dit bij']);
    expect(bramData.energyCheckIns).toHaveLength(4);
    const annaNow = await get('aad-anna', '');
    expect(annaNow).toMatchObject({ cycles: [], notes: [], totals: { cycles: 0, sessions: 0, hours: 0, notes: 0 } });
    const overview = (await annaChat.say('verantwoording')).cards[0];
    expect(cardText(overview)).toContain('Je hebt nog geen Prof-traject');
    expect(cardText(g.sharedCard() ?? {})).not.toContain('Anna wil leren delegeren');
  });

  it('sent valid cards and logged no names', () => {
    expect(annaChat.cards.flatMap((c) => cardProblems(c as object))).toEqual([]);
    expect(t.logs.join('\n')).not.toMatch(/Anna|Cem/);
  });
});
