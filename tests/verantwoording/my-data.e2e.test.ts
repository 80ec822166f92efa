import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reviewId } from '../../src/domain/talent-review/review';
import { message, user } from '../support/activities';
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

/** Anna manages Dewi; Mia manages Bram, Cem and Cemal (whose name starts like Cem's). */
function directoryFile(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'directory-')), 'directory.json');
  const users = [
    { id: 'aad-anna', name: 'Anna' },
    { id: 'aad-dewi', name: 'Dewi', managerId: 'aad-anna' },
    { id: 'aad-bram', name: 'Bram', managerId: 'aad-mia' },
    { id: 'aad-cem', name: 'Cem', managerId: 'aad-mia' },
    { id: 'aad-c2', name: 'Cemal', managerId: 'aad-mia' },
    { id: 'aad-mia', name: 'Mia' },
  ];
  writeFileSync(path, JSON.stringify({ users }));
  return path;
}

/**
 * "Mijn gegevens": the export holds everything the app keeps about a professional; after erasure
 * nothing of them remains in any container, except their group contributions, anonymously.
 * Anna is also a manager (of Dewi), Cem the report in Mia's planned conversation; both had
 * private messages through the outbox (the Prof-traject offer) and prep cards went out.
 */
describe('export and erasure of a professional\'s data', () => {
  let t: TestApp;
  let g: GroupDriver;
  const [anna, bram, cem, dewi] = MEMBERS as [typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0], typeof MEMBERS[0]];
  const mia = user('Mia');
  let annaChat: PersonalChat;
  let miaChat: PersonalChat;
  const TOMORROW = '2026-11-27'; // the prep card (3 days before) is due at once
  const tokens: Record<string, string> = {};
  const get = async (who: string, path: string) => (await fetch(`${t.app.url}/api/verantwoording${path}`, { headers: { authorization: `Bearer ${tokens[who]}` } })).json();

  beforeAll(async () => {
    t = await startTestApp({ DIRECTORY_FILE: directoryFile() });
    g = new GroupDriver(t, t.conversation('groupChat'), [anna, bram, cem, dewi]);
    await g.setUp(); // Anna sets the group up (createdBy, the stored conversation reference)...
    await g.startCycle(); // ...starts the week...
    await runWeek(g, { personal9: 'Anna wil leren delegeren', personal10: 'Anna kreeg energie van de groep', contribution: 'De overdracht tussen diensten' }, { decider: anna }); // ...and decides the proposal.
    // After the week's first session every member without a Prof-traject got a private offer.
    await t.app.scheduler.runDue();
    await t.app.outbox.drain(30_000);
    annaChat = new PersonalChat(t, anna);
    await annaChat.say('notitie Een notitie van Anna zelf');
    await annaChat.say('taal nl');
    await annaChat.press('verantwoording.traject.save', { learningNeeds: 'Delegeren', talents: 'Coachen', weeks: '20' });
    const card = (await annaChat.say('verantwoording')).cards[0];
    await annaChat.press('verantwoording.time.save', { ...actionData(card, 'verantwoording.time.open'), hours: '3' });
    await t.send({ ...message(t.conversation('groupChat'), anna, 'x'), type: 'invoke', name: 'composeExtension/submitAction', id: randomUUID(), value: { commandId: 'bewaarInVerantwoording', commandContext: 'message', data: { noteText: 'Bewaard bericht', link: 'https://teams.microsoft.com/l/message/1' } } });
    await new PersonalChat(t, bram).say('notitie Bram houdt dit bij');
    // Anna plans the talentontwikkelgesprek with Dewi, Mia hers with Cem; both account for what they facilitated.
    await annaChat.press('review.plan.save', { reportId: 'aad-dewi', date: TOMORROW, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    await annaChat.press('review.facilitated.save', { reviewId: reviewId('aad-anna', 'aad-dewi', TOMORROW), facilitated: 'Tijd vrijgemaakt voor de weekcyclus.' });
    miaChat = new PersonalChat(t, mia);
    await miaChat.press('review.plan.save', { reportId: 'aad-cem', date: TOMORROW, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    await miaChat.press('review.phase.pick', { reviewId: reviewId('aad-mia', 'aad-cem', TOMORROW), phase: 'actie' });
    await miaChat.press('review.facilitated.save', { reviewId: reviewId('aad-mia', 'aad-cem', TOMORROW), facilitated: 'Een rustige ruimte geregeld.' });
    await miaChat.press('review.plan.save', { reportId: 'aad-c2', date: TOMORROW, timeZone: 'Europe/Amsterdam', prepDays: '3' }, 'plan-card');
    await t.app.scheduler.runDue(); // both prep cards go out, through the outbox
    await t.app.outbox.drain(30_000);
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
    expect(data.groups).toEqual([{ id: g.groupId, name: 'Team Zorg', member: true, membership: { member: true, since: expect.any(String) }, setUpByMe: true }]);
    // Nothing of anyone else: not Bram's note, not the other members' contributions.
    expect(JSON.stringify(data)).not.toContain('Bram houdt dit bij');
    expect(JSON.stringify(data)).not.toContain('Informatie staat verspreid');
  });

  it('exports the talentontwikkelgesprekken: Anna\'s as a manager in full, Cem\'s as the report', async () => {
    const annaData = await get('aad-anna', '/export');
    expect(annaData.talentReviews).toEqual({
      asManager: [expect.objectContaining({ id: reviewId('aad-anna', 'aad-dewi', TOMORROW), reportId: 'aad-dewi', reportName: 'Dewi', date: TOMORROW, facilitated: 'Tijd vrijgemaakt voor de weekcyclus.', prepSentAt: expect.any(String) })],
      asReport: [],
      plannedBy: [],
    });
    const cemData = await get('aad-cem', '/export');
    expect(cemData.talentReviews).toEqual({
      asManager: [],
      asReport: [expect.objectContaining({ reviewId: reviewId('aad-mia', 'aad-cem', TOMORROW), managerId: 'aad-mia', date: TOMORROW, prepSentAt: expect.any(String), phaseProposal: { phase: 'actie', at: expect.any(String) } })],
      // The managers her partition keeps as having planned a conversation about her: who, nothing more.
      plannedBy: ['aad-mia'],
    });
    // Bram's export has nothing of Cem's conversation; Mia's record is not Cem's to read.
    expect((await get('aad-bram', '/export')).talentReviews).toEqual({ asManager: [], asReport: [], plannedBy: [] });
    expect(JSON.stringify(cemData)).not.toContain('Een rustige ruimte geregeld.');
  });

  it('has private messages and prep cards in the outbox before the erasure', async () => {
    const docs = (await allDocuments(t.cosmos)).outbox as { about?: string[]; target?: { kind: string; conversationId?: string } }[];
    const inGroupChat = (j: (typeof docs)[number]) => j.target?.conversationId?.startsWith('19:') === true;
    for (const there of ['29:anna', '29:cem', '29:bram']) expect(JSON.stringify(docs)).toContain(there);
    // A prep card is rendered when it is sent, so its job names the report it is about and the manager in
    // whose chat it is while it waits, and holds nothing of the card. Changed in stop 61: once sent, it
    // names nobody (its key is keyed, `keyedKey`), so the erasure has nothing of it to find.
    const prepJobs = docs.filter((j) => !inGroupChat(j) && j.target?.kind !== 'person' && (j as { keyedKey?: true }).keyedKey);
    expect(prepJobs.length).toBeGreaterThanOrEqual(3);
    expect(prepJobs.flatMap((j) => j.about ?? [])).toEqual([]);
    expect(prepJobs.map((j) => j.target?.conversationId)).toEqual(prepJobs.map(() => '~ended'));
    // Each report's notice of the planned conversation names their manager: it is about the manager.
    expect(docs.filter((j) => j.target?.kind === 'person').flatMap((j) => j.about ?? []).sort()).toEqual(['aad-anna', 'aad-mia', 'aad-mia']);
    // The group's session summaries are rendered when they are sent: their jobs name nobody.
    const summaries = docs.filter((j) => (j as { render?: { kind: string } }).render?.kind === 'weekCycle.sessionSummary');
    expect(summaries.length).toBeGreaterThan(0);
    expect(summaries.flatMap((j) => j.about ?? [])).toEqual([]);
    expect(JSON.stringify(docs)).not.toContain('met Cem');
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
    expect(Object.keys(docs).sort()).toEqual(expect.arrayContaining(['jobs', 'personal', 'sessions', 'reviews', 'polls', 'outbox', 'pollAnswers', 'installations']));
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
    // Talent reviews: Anna's as a manager are gone; Mia's with Cem keeps only Mia's own account.
    const reviews = (docs.reviews as { reportId: string }[]).filter((r) => r.reportId !== 'aad-c2');
    expect(reviews).toEqual([
      expect.objectContaining({ managerId: 'aad-mia', reportId: 'erased', reportName: 'Oud-deelnemer', date: TOMORROW, facilitated: 'Een rustige ruimte geregeld.' }),
    ]);
    expect(reviews[0]).not.toHaveProperty('managerPhasePick');
    // Mia's prep card about Cemal is his, not Cem's: it stays, whatever the names have in common.
    const jobs = docs.outbox as { about?: string[]; target?: { kind: string } }[];
    // And Cemal's notice that Mia planned his conversation names her: it is about her. Dewi's, naming Anna, went with Anna.
    // Every prep card job in Mia's chat still waiting is about her too (her erasure finds them): the two
    // rebuilds. The card about Cemal, sent, names nobody since stop 61 (`keyedKey`).
    expect(jobs.flatMap((j) => j.about ?? []).filter((a) => a !== 'erased').sort()).toEqual(['aad-mia', 'aad-mia', 'aad-mia']);
    // Her two messages that showed a prep card about Cem are rebuilt in place, by jobs about no one but Mia.
    expect(jobs.filter((j) => j.about?.includes('erased')).map((j) => j.target?.kind)).toEqual(['update', 'update']);
    // The outbox kept Bram's and Dewi's private messages and 1:1 chats, and Cemal's notice of his planned conversation (opened
    // with his Entra id); nothing addressed to Anna or Cem, nor Mia's prep card about Cem, nor Dewi's notice naming Anna.
    const outbox = docs.outbox as { type: string; target?: { kind: string; userId?: string } }[];
    expect(outbox.filter((j) => j.target?.kind === 'person').map((j) => j.target!.userId).sort()).toEqual(['29:bram', '29:dewi', 'aad-c2']);
    expect(outbox.filter((j) => j.type === 'personalConversation')).toHaveLength(4);
    // Left in personal partitions: Bram's note, the remaining members' membership indexes, and the
    // reports' indexes of managers who planned a conversation: Mia for Cemal; Anna is gone from Dewi's.
    // Beside them the receipt of Anna's confirm press, which names nobody (its own partition).
    const personal = docs.personal as { userId: string; type: string; managerIds?: string[] }[];
    // Bram's and Dewi's active weeks (their Prof-traject's count, stop 46) are theirs and stay.
    expect(personal.map((r) => `${r.userId}:${r.type}`).sort()).toEqual(['aad-bram:activeWeek', 'aad-bram:membershipIndex', 'aad-bram:note', 'aad-c2:reviewManagers', 'aad-dewi:activeWeek', 'aad-dewi:membershipIndex', 'aad-dewi:reviewManagers', '~erasure-receipts:erasureReceipt']);
    expect(personal.filter((r) => r.type === 'reviewManagers').map((r) => [r.userId, r.managerIds])).toEqual(expect.arrayContaining([['aad-c2', ['aad-mia']], ['aad-dewi', []]]));
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
