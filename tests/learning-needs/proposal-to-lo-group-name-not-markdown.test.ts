/**
 * Found in review, stop 47 (L&O's side). A group's name is typed by its members (the setup form, or
 * the chat's own name, which anyone in the chat can change). Every card of the group escapes it
 * where Teams reads Markdown (`escapeMarkdown(view.groupName)` in the session, summary, cycle and
 * plan headings). L&O's answer form put it unescaped into its heading ("Antwoord aan {{group}}"),
 * and so did the card after sending ("Antwoord verstuurd aan {{group}}"): a group named
 * "[Klik hier voor het scholingsbudget](https://example.org/x)" showed L&O a live link, under the
 * app's own heading, in HR's 1:1 chat with the bot.
 *
 * L&O opens the list, the answer form and sends an answer for such a group. What must hold: on
 * each card the group's name shows as typed and never becomes a link or formatting: in a TextBlock
 * (read as Markdown) it is escaped, or it sits in a TextRun (never read as Markdown).
 */
import { createTranslator } from '../../src/i18n/i18n';
import { SharedProposal } from '../../src/domain/proposal/proposal-to-lo';
import { escapeMarkdown } from '../../src/teams/cards/card-kit';
import { loAnswerFormCard, loAnswerSentCard } from '../../src/teams/cards/proposal-to-lo/lo-answer-form.card';
import { loProposalsCard } from '../../src/teams/cards/proposal-to-lo/lo-proposals.card';
import { cardProblems } from '../support/card-validator';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const NAME = '[Klik hier voor het scholingsbudget](https://example.org/x) *dringend*';
const shared: SharedProposal = {
  id: 'plo_x', tenantId: 't', groupId: 'g', proposalId: 'g_w1_p', groupName: NAME,
  proposal: { verdict: 'adapt', source: 'decision', text: 'De overdracht samen aan bed.', reason: 'Reden', firstStep: 'Stap' },
  decidedAt: '2026-11-23T10:00:00.000Z', sharedAt: '2026-11-24T10:00:00.000Z', revision: 2,
  answer: { text: 'Goed idee.', at: '2026-11-25T10:00:00.000Z', key: 'k' }, keys: ['k'],
};

/** Every TextBlock's text (what Teams reads as Markdown) and every TextRun's (read as typed). */
function texts(node: any, out = { markdown: [] as string[], runs: [] as string[] }) {
  if (Array.isArray(node)) node.forEach((n) => texts(n, out));
  else if (node && typeof node === 'object') {
    if (node.type === 'TextBlock' && typeof node.text === 'string') out.markdown.push(node.text);
    if (node.type === 'TextRun' && typeof node.text === 'string') out.runs.push(node.text);
    Object.values(node).forEach((v) => texts(v, out));
  }
  return out;
}

describe.each(['nl', 'en'] as const)("the group's name on L&O's cards (%s)", (language) => {
  const t = createTranslator().t(language);
  it.each([
    ['the answer form', () => loAnswerFormCard({ shared, key: 'k', language, timeZone: 'Europe/Amsterdam' }, t)],
    ['the card after sending', () => loAnswerSentCard(shared, t, language)],
    ['the list', () => loProposalsCard({ items: [shared], total: 1, skip: 0, language, timeZone: 'Europe/Amsterdam' }, t)],
  ])('%s shows no link or emphasis from the name', (_what, build) => {
    const card = build();
    const { markdown, runs } = texts(card);
    // A live link or emphasis: "](" or "*" not preceded by a backslash.
    expect(markdown.filter((m) => /(?<!\\)\]\(https:\/\/example\.org\/x\)/.test(m) || /(?<!\\)\*dringend/.test(m))).toEqual([]);
    // Shown, as typed: in a TextRun, or escaped in Markdown.
    expect(runs.some((r) => r.includes(NAME)) || markdown.some((m) => m.includes(escapeMarkdown(NAME)))).toBe(true);
    expect(cardProblems(card)).toEqual([]);
  });

  it.each([
    ['the answer form', () => loAnswerFormCard({ shared, key: 'k', language, timeZone: 'Europe/Amsterdam' }, t)],
    ['the card after sending', () => loAnswerSentCard(shared, t, language)],
  ])('%s keeps the name in its heading, escaped', (_what, build) => {
    const heading = (build().body as any[]).find((e) => e.type === 'TextBlock' && e.style === 'heading');
    expect(heading.text).toContain(escapeMarkdown(NAME));
  });
});
