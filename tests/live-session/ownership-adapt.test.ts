/**
 * Found in review, stop 49 (ownership): an AI draft "adapted" by one character.
 *
 * The group asks the AI for a proposal; all three members judge it "oneens". Adopting it as it is
 * is refused against those judgements, and so is the AI's text pasted as "own words" (a paste
 * counts as adopting it: adapt-with-proposal-text-is-adoption.test.ts). The same text with its
 * final full stop left out was taken as the group's own words: the decision was "aangepast", and
 * the session summary (and from there the verantwoording, the prep card, L&O's share and HR's
 * report, which read the same decision) showed the AI's words as the group's, with no AI mark.
 *
 * What must hold: a near-copy (only case, spaces or punctuation changed) is adopting the AI draft
 * as it is, under the same rule (refused here, the reason next to the own words, the inputs kept,
 * nothing stored); words the group really adapts from an AI draft are stored as such
 * (`basedOnAiDraft`) and say so wherever the decided text shows: "Aangepast door de groep, op
 * basis van een concept van AI" (the live card, the summary, HR's report card and downloads).
 */
import { parse } from 'csv-parse/sync';
import { TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { aiSettings, FakeAzureOpenAi, startFakeAzureOpenAi } from '../support/fake-azure-openai';
import { aiDraft, groupWithAiDraft } from '../support/ai-fixtures';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { reportCard } from '../support/hr-report';
import { startTestApp, TestApp } from '../support/test-app';

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna'); // HR/L&O
const AI_TEXT = 'AI-TEKST: elke overdracht begint aan een vaste tafel met een checklist, en wie te laat is schrijft het op.';
const ONE_CHAR_OFF = AI_TEXT.slice(0, -1);
const NEAR_COPIES = [ONE_CHAR_OFF, AI_TEXT.toUpperCase(), AI_TEXT.replace(', en', ' en').replace(/\s+/g, '  '), `"${AI_TEXT}"`];
const ADAPTED = 'AI-TEKST: elke overdracht begint aan een vaste tafel met een checklist; wie te laat is, meldt het aan de teamleider.';
const ADAPTED_LABEL = 'Aangepast door de groep, op basis van een concept van AI';

describe('an AI draft adapted by one character, and one adapted for real', () => {
  let ai: FakeAzureOpenAi;
  let t: TestApp;
  let g: GroupDriver;
  let proposalId = '';
  const stored = async () => (await t.store.container('sessions').item(proposalId, g.groupId).read()).resource;

  beforeAll(async () => {
    ai = await startFakeAzureOpenAi();
    t = await startTestApp({ ...aiSettings(ai, { timeoutMs: 2000, retries: 0 }), HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    g = await groupWithAiDraft(t, ai, '19:ownership-adapt@thread.v2', aiDraft(AI_TEXT));
    proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram, cem]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'disagree', reason: 'Dit klopt niet voor ons' });
  }, 120_000);
  afterAll(async () => {
    await t?.stop();
    await ai?.close();
  });

  const decision = () => ({ ...g.ids(), proposalId, decisionReason: 'Zo doen we het', firstStep: 'Tafel neerzetten' });

  it('refuses the AI text with only case, spaces or punctuation changed as "own words" against three "oneens"', async () => {
    // Adopting the AI's text against three "oneens" is refused, also as a paste in "own words".
    await g.press(cem, 'proposal.decide', { ...decision(), decision: 'accept', adoptedText: '' });
    await g.press(cem, 'proposal.decide', { ...decision(), decision: 'adapt', adoptedText: AI_TEXT });
    expect((await stored()).decision).toBeUndefined();
    for (const nearCopy of NEAR_COPIES) {
      const res = await g.press(cem, 'proposal.decide', { ...decision(), decision: 'adapt', adoptedText: nearCopy });
      const text = cardText(res.value);
      expect({ nearCopy, refused: text.includes('Dit is de tekst van het voorstel zoals hij er staat, niet in jullie eigen woorden') }).toEqual({ nearCopy, refused: true });
      // The member's inputs come back with the reason.
      expect(JSON.stringify(res.value)).toContain('Tafel neerzetten');
      expect((await stored()).decision).toBeUndefined();
    }
  });

  it("stores words adapted from the AI draft as such, and the live card and the summary say so", async () => {
    const res = await g.press(cem, 'proposal.decide', { ...decision(), decision: 'adapt', adoptedText: ADAPTED });
    const p = await stored();
    expect(p.decision).toMatchObject({ verdict: 'adapt', text: ADAPTED, basedOnAiDraft: true, judged: { agree: 0, doubt: 0, disagree: 3 } });
    expect(p.ai.status).toBe('drafted');
    expect(cardProblems(res.value)).toEqual([]);
    expect(cardText(res.value)).toContain(`${ADAPTED_LABEL}\n${ADAPTED}`);

    await g.end(anna);
    await t.app.outbox.drain(10_000);
    const summary = t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).find((c) => /Samenvatting/.test(cardText(c.card)))!.card;
    expect(cardProblems(summary)).toEqual([]);
    const text = cardText(summary);
    const decided = text.slice(text.indexOf('Besluit van de groep'), text.indexOf(ADAPTED) + ADAPTED.length);
    expect(decided).toContain(ADAPTED);
    expect({ decided, saysAi: /door AI|by AI|van AI/.test(decided) }).toEqual({ decided, saysAi: true });
    expect(decided).toContain(`${ADAPTED_LABEL}\n${ADAPTED}`);
  });

  it("HR's report card and its downloads say it was adapted from an AI draft, not drafted by AI", async () => {
    t.clock.set('2026-11-30T10:00:00Z');
    const card = await reportCard(t, t.conversation('channel', '19:hr-channel@thread.tacv2'), hanna, 'rapport 2026-11-01 2026-11-30');
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(`${ADAPTED_LABEL}\n${ADAPTED}`);
    expect(text).not.toContain('Opgesteld door AI, aangenomen door de groep');
    const links = card.actions.map((a: { url: string }) => new URL(a.url));
    const rows: Record<string, string>[] = parse(await (await fetch(`${t.app.url}${links[0].pathname}${links[0].search}`)).text(), { columns: true });
    const value = (metric: string) => rows.find((r) => r.section === 'adoptedProposal' && r.metric === metric && r.key === 'Team Zorg 2026-11-23')?.value;
    expect([value('proposal'), value('draftedByAi'), value('adaptedFromAiDraft')]).toEqual([ADAPTED, 'false', 'true']);
    const summary = await (await fetch(`${t.app.url}${links[1].pathname}${links[1].search}`)).text();
    expect(summary).toContain(`- Team Zorg, 23 nov 2026: ${ADAPTED_LABEL}: ${ADAPTED}`);
  });
});
