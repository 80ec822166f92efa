import { cardText, MEMBERS } from '../support/group-driver';
import { malformed, success } from '../support/fake-azure-openai';
import { groupAtQuestionSix, startAppWithAi } from '../support/ai-fixtures';
import { cardProblems, MAX_CARD_BYTES } from '../support/card-validator';

/**
 * Model output that is hostile for a card, through the real app and the local Azure OpenAI server
 * (written as a review probe at stop 50). Whatever the model writes, the shared card keeps its AI label,
 * shows the text only as plain text (never Markdown, never a link, a mention or an action), stays
 * valid and within Teams' size limit, and the proposal records no decision the group did not take.
 */
const base = { assumptions: ['a'], risks: ['r'], questionsToCheck: ['q'] };
/** Every string in a card where Teams reads Markdown (TextBlock text, FactSet values, action titles). */
function markdownStrings(node: unknown, out: string[] = []): string[] {
  if (Array.isArray(node)) node.forEach((n) => markdownStrings(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (o.type === 'TextBlock' && typeof o.text === 'string') out.push(o.text);
    if (typeof o.title === 'string') out.push(o.title);
    if (typeof o.value === 'string' && o.title !== undefined) out.push(o.value);
    Object.values(o).forEach((v) => markdownStrings(v, out));
  }
  return out;
}
function actions(node: unknown, out: Record<string, unknown>[] = []): Record<string, unknown>[] {
  if (Array.isArray(node)) node.forEach((n) => actions(n, out));
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.type === 'string' && o.type.startsWith('Action.')) out.push(o);
    Object.values(o).forEach((v) => actions(v, out));
  }
  return out;
}

describe('hostile model output on the shared card', () => {
  let env: Awaited<ReturnType<typeof startAppWithAi>>;
  beforeAll(async () => { env = await startAppWithAi({ sharedCardIntervalMs: 0 }); });
  afterAll(() => env.stop());

  async function draftWith(name: string, behaviour: Parameters<typeof env.ai.script>[0]) {
    const { ai, t } = env;
    const g = await groupAtQuestionSix(t, `19:hostile-output-${name.replace(/\W+/g, '-')}@thread.v2`);
    ai.script(behaviour);
    await g.press(MEMBERS[1]!, 'proposal.draft', g.ids());
    await t.app.background.idle();
    const proposal = (await t.cosmos.container('sessions').items.query({ query: "SELECT * FROM c WHERE c.groupId = @g AND c.type = 'proposal'", parameters: [{ name: '@g', value: g.groupId }] }).fetchAll()).resources[0];
    return { g, card: g.sharedCard(), proposal };
  }

  const hostile = [
    ['a markdown link and an image', '[Klik hier om te bevestigen](https://evil.example/login) ![x](https://evil.example/p.png) **De groep besluit dit voorstel aan te nemen.**'],
    // A mention of nobody in the group: a draft naming a member is not shown at all (draft-naming-a-member-withheld.test.ts).
    ['a Teams mention and HTML', '<at>Directie</at> <b>Besloten</b> <a href="https://evil.example">Bevestig</a> <script>alert(1)</script>'],
    ['bidi overrides and zero-width characters', 'Voorstel \u202Eteg nee\u202C \u200B\u2066verborgen\u2069 \uFEFFtekst'],
    ['an injected app message', 'Gemaakt door de groep: de groep heeft besloten. ✅ Besluit opgeslagen. [Aannemen](https://evil.example)'],
  ] as const;

  it.each(hostile)('shows %s only as plain text, under the AI label, with no link or action of the model', async (name, text) => {
    const { card, proposal } = await draftWith(name, success({ proposal: text, assumptions: [text], risks: ['r'], questionsToCheck: ['q'] }));
    const shown = cardText(card);
    expect(shown).toContain('Gemaakt door AI: beoordeel het zelf');
    expect(cardProblems(card)).toEqual([]);
    // The model's text is never where Teams reads Markdown.
    expect(markdownStrings(card).filter((s) => s.includes('evil.example') || s.includes('<at>') || s.includes('Besloten'))).toEqual([]);
    expect(actions(card).filter((a) => JSON.stringify(a).includes('evil.example'))).toEqual([]);
    expect(JSON.stringify(card)).not.toMatch(/"msteams"\s*:\s*\{[^}]*entities/);
    expect(proposal.decision).toBeUndefined();
    expect(proposal.ai.status).toBe('drafted');
  }, 60_000);

  it.each([
    ['30 000 characters', success({ ...base, proposal: 'x'.repeat(30_000) }), 'AI gaf een te lang antwoord'],
    ['only white space', success({ ...base, proposal: ' \n\t  ' }), 'AI gaf een onbruikbaar antwoord'],
    ['only zero-width characters', success({ ...base, proposal: '\u200B\u200C\u200D\u2060\uFEFF' }), 'AI gaf een onbruikbaar antwoord'],
    ['JSON of the wrong shape', malformed({ voorstel: 'GEHACKT' }), 'AI gaf een onbruikbaar antwoord'],
    ['JSON with extra keys', malformed({ ...base, proposal: 'GEHACKT', decision: 'accept' }), 'AI gaf een onbruikbaar antwoord'],
    ['an object where a string is expected', malformed({ ...base, proposal: { text: 'GEHACKT' } }), 'AI gaf een onbruikbaar antwoord'],
    ['a number array item', malformed({ ...base, proposal: 'GEHACKT', risks: [42] }), 'AI gaf een onbruikbaar antwoord'],
    ['HTML instead of JSON', malformed('<html><body>GEHACKT</body></html>'), 'AI gaf een onbruikbaar antwoord'],
  ] as const)('refuses %s with its reason and shows none of it', async (name, behaviour, says) => {
    const { card, proposal } = await draftWith(name, behaviour);
    const shown = cardText(card);
    expect(shown).toContain(says);
    expect(shown).toContain('Vraag AI opnieuw');
    expect(shown).not.toContain('GEHACKT');
    expect(JSON.stringify(proposal)).not.toContain('GEHACKT');
    expect(cardProblems(card)).toEqual([]);
  }, 60_000);

  // Text in another script than the group's: the model is told to write Dutch, but nothing checks
  // it. The longest draft the schema lets through, in CJK or emoji. Teams counts a bot message's
  // size in UTF-16 and refuses one over about 100 KB (413 MessageSizeTooBig); Microsoft's "Format
  // your bot messages" advises staying within 80 KB, the limit the card validator applies
  // (MAX_CARD_BYTES). The 28 KB in UTF-8 bytes seen elsewhere is the Workflows connector's limit,
  // not a bot's. CJK is 2 bytes per character in UTF-16 (3 in UTF-8), emoji 4 in both.
  it.each([
    ['CJK', (n: number) => '改进交接流程'.repeat(n).slice(0, n)],
    ['emoji', (n: number) => '🔥'.repeat(Math.floor(n / 2))],
  ])('keeps the message with the longest %s draft within 80 KB in UTF-16', async (name, fill) => {
    const { t } = env;
    const bytes: number[] = [];
    t.connector.faults = [(req) => {
      const json = JSON.stringify(req.body ?? {});
      if (json.includes('Gemaakt door AI')) bytes.push(Buffer.byteLength(json, 'utf16le'));
      return undefined;
    }];
    let card: object;
    try {
      ({ card } = await draftWith(`size-${name}`, success({ proposal: fill(2000), assumptions: Array(6).fill(fill(400)), risks: Array(6).fill(fill(400)), questionsToCheck: Array(6).fill(fill(400)) })));
    } finally {
      t.connector.faults = [];
    }
    expect(cardText(card)).toContain('Gemaakt door AI');
    expect(cardText(card)).toContain(fill(2000));
    // The card itself, schema and size (UTF-16, MAX_CARD_BYTES), and the whole message Teams receives.
    expect(cardProblems(card)).toEqual([]);
    expect(bytes.length).toBeGreaterThan(0);
    expect(Math.max(...bytes)).toBeLessThanOrEqual(MAX_CARD_BYTES);
    expect(t.logs.join('')).not.toContain(fill(20));
  }, 60_000);
});
