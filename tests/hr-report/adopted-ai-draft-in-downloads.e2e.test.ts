import { parse } from 'csv-parse/sync';
import { user } from '../support/activities';
import { cardText } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const hanna = user('Hanna'); // HR/L&O

const group = {
  id: 'grp-facilitair',
  type: 'group',
  groupId: 'grp-facilitair',
  tenantId: 'tenant-1',
  conversationId: '19:facilitair@thread.v2',
  conversationKind: 'groupChat',
  name: 'Facilitair',
  members: [],
  schedule: { days: [1, 2, 3, 4], startTime: '09:00', timeZone: 'Europe/Amsterdam' },
  language: 'nl',
  plannedWeeks: 6,
  conversationRef: { conversation: { id: '19:facilitair@thread.v2', tenantId: 'tenant-1' } },
  cyclesStarted: 1,
  createdBy: 'aad-x',
  createdAt: '2026-10-01T08:00:00.000Z',
};

function proposal(id: string, ai: 'drafted' | 'none', decision: { verdict: 'accept' | 'adapt'; text: string; at: string }) {
  return {
    id,
    type: 'proposal',
    groupId: group.id,
    groupName: group.name,
    cycleId: `${group.id}_${id}`,
    sessionId: `${group.id}_${id}_s3`,
    title: '',
    ai: ai === 'drafted' ? { status: 'drafted', draft: { title: 'Concept', problem: 'Probleem', proposal: decision.text, firstStep: 'Stap' } } : { status: 'none' },
    decision: { ...decision, reason: 'Besproken', firstStep: 'Een stap.', judged: { agree: 3, doubt: 0, disagree: 0 }, decidedBy: 'aad-x' },
    createdAt: decision.at,
    updatedAt: decision.at,
  };
}

/**
 * Found in review, stop 41 (the rest of "an adopted AI draft keeps its label"). HR's report card
 * says "Opgesteld door AI, aangenomen door de groep" before an AI draft a group adopted as it is;
 * the two downloads did not: the summary and the CSV gave the AI's words as the group's. What must
 * hold: the summary says it before the text, the CSV has a `draftedByAi` row per adopted proposal,
 * and a text in the group's own words (adapted) carries no such mark.
 */
describe("HR's downloads: an AI draft adopted as it is", () => {
  let t: TestApp;
  let card: any; // eslint-disable-line @typescript-eslint/no-explicit-any -- card JSON under test

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-30T10:00:00Z');
    const sessions = t.store.container('sessions');
    for (const doc of [
      group,
      proposal('p-ai', 'drafted', { verdict: 'accept', text: 'Een vaste overdrachtstafel bij de balie.', at: '2026-11-10T10:00:00.000Z' }),
      proposal('p-own', 'drafted', { verdict: 'adapt', text: 'Wij zetten zelf een tafel neer.', at: '2026-11-12T10:00:00.000Z' }),
    ]) await sessions.items.create(doc);
    card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-11-30');
  });
  afterAll(() => t.stop());

  it('marks it in the summary and the CSV, and not the adapted text', async () => {
    expect(cardText(card)).toContain('Opgesteld door AI, aangenomen door de groep');
    const links = card.actions.map((a: { url: string }) => new URL(a.url));
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${links[0].pathname}${links[0].search}`)).text(), { columns: true });
    const value = (metric: string, key: string) => rows.find((r) => r.section === 'adoptedProposal' && r.metric === metric && r.key === key)?.value;
    expect([value('proposal', 'Facilitair 2026-11-10'), value('draftedByAi', 'Facilitair 2026-11-10')]).toEqual(['Een vaste overdrachtstafel bij de balie.', 'true']);
    expect([value('proposal', 'Facilitair 2026-11-12'), value('draftedByAi', 'Facilitair 2026-11-12')]).toEqual(['Wij zetten zelf een tafel neer.', 'false']);
    const summary = await (await fetch(`${t.app.url}${links[1].pathname}${links[1].search}`)).text();
    expect(summary).toContain('- Facilitair, 10 nov 2026: Opgesteld door AI, aangenomen door de groep: Een vaste overdrachtstafel bij de balie.');
    expect(summary).toContain('- Facilitair, 12 nov 2026: Wij zetten zelf een tafel neer.');
  });
});
