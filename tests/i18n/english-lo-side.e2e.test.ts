/**
 * Stop 48 review (English newcomer): HR/L&O who chose English ("language en") works through stop 46's
 * and 47's features in their own chat: `proposals` (list, answer form, a refused empty and a
 * refused too-long answer, the sent card) and `offer` (overview, a theme's form, a refused link).
 * No Dutch reaches them, every refusal keeps the inputs with the reason next to the field (the
 * TextBlock right after the input), and every card is valid.
 */
import { message, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { waitUntil } from '../outbox/wait-until';
import { actionData, PersonalChat } from '../verantwoording/support';
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON under test */

const [anna, bram, cem] = MEMBERS as [TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const ANSWERS = ['Handover', 'Information gets lost', 'No fixed time', 'Shorter and complete', 'A form', 'A fixed table'];

/** Dutch words no English text of the app uses (the test's own content is English). */
const DUTCH = /\b(het|een|niet|jouw|jij|jullie|voor|naar|wordt|groep|voorstel(len)?|gedeeld|antwoord(en)?|bewaard|opslaan|versturen|geen|deze|dit|nog|wat|wie|met|zijn|heeft|ook|aanbod|wissen|terug|tekens|opgesteld|aangenomen|aangepast|besloten|reden|eerste|stap)\b/i;
const dutchIn = (card: unknown) => {
  const text = cardText(card);
  const m = text.match(DUTCH);
  return m ? `"${m[0]}" in: ${text.slice(Math.max(0, (m.index ?? 0) - 60), (m.index ?? 0) + 60)}` : undefined;
};

/** The TextBlock right after the input with this id (withFieldError), if any. */
function reasonNextTo(card: any, id: string): string | undefined {
  let found: string | undefined;
  const walk = (n: unknown): void => {
    if (found !== undefined || !n || typeof n !== 'object') return;
    if (Array.isArray(n)) {
      const i = n.findIndex((x: any) => x && typeof x === 'object' && x.id === id && String(x.type).startsWith('Input.'));
      if (i >= 0 && n[i + 1]?.type === 'TextBlock') found = n[i + 1].text;
      return n.forEach(walk);
    }
    Object.values(n as Record<string, unknown>).forEach(walk);
  };
  walk(card);
  return found;
}

/** The value of the input with this id. */
function inputValue(card: any, id: string): unknown {
  let found: unknown;
  const walk = (n: unknown): void => {
    if (!n || typeof n !== 'object') return;
    if (Array.isArray(n)) return n.forEach(walk);
    const o = n as Record<string, unknown>;
    if (o.id === id && String(o.type).startsWith('Input.')) found = o.value;
    Object.values(o).forEach(walk);
  };
  walk(card);
  return found;
}

describe('HR/L&O in English: proposals and offer', () => {
  let t: TestApp;
  let hr: PersonalChat;
  let g: GroupDriver;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z', { sharedCardIntervalMs: 0 });
    hr = new PersonalChat(t, hanna);
    g = await new GroupDriver(t, t.conversation('groupChat', '19:probe-en-lo@thread.v2'), [anna, bram, cem]).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    await t.send(message(g.conv, anna, 'language en'));
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of [anna, bram]) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: 'Good idea' });
    await g.press(cem, 'proposal.decide', { ...g.ids(), proposalId, decision: 'adapt', decisionReason: 'Because everyone hears the same', adoptedText: 'We do the handover together at the bedside.', firstStep: 'Change the roster' });
    await g.end(anna);
    await waitUntil('the summary', () => t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).some((c) => /Summary/.test(cardText(c.card))));
    await g.press(bram, 'proposalToLo.share', { groupId: g.groupId, proposalId });
    await t.app.outbox.drain(10_000);
    await hr.say('language en');
  }, 120_000);
  afterAll(() => t?.stop());

  it('proposals: the list, the form, refusals and the sent card speak English, with the reason next to the field', async () => {
    const said = await hr.say('proposals');
    expect(said.cards).toHaveLength(1);
    const list = said.cards[0];
    const form = await hr.press('proposalToLo.open', actionData(list, 'proposalToLo.open')!);
    const send = actionData(form, 'proposalToLo.answer')!;

    const empty = await hr.press('proposalToLo.answer', { ...send, answer: '   ' });
    expect(reasonNextTo(empty, 'answer')).toBe('Write an answer.');

    const tooLong = 'y'.repeat(MAX_LO_ANSWER_LENGTH + 1);
    const long = await hr.press('proposalToLo.answer', { ...send, answer: tooLong });
    expect(inputValue(long, 'answer')).toBe(tooLong);
    expect(reasonNextTo(long, 'answer')).toBe(`At most ${MAX_LO_ANSWER_LENGTH.toLocaleString('en-GB')} characters; this is ${(MAX_LO_ANSWER_LENGTH + 1).toLocaleString('en-GB')}.`);

    const sent = await hr.press('proposalToLo.answer', { ...send, answer: 'We will put this in the training plan.' });
    expect(cardText(sent)).toContain('Answer sent to');

    const cards = [list, form, empty, long, sent];
    for (const c of cards) expect(cardProblems(c)).toEqual([]);
    expect(cards.map(dutchIn).filter(Boolean)).toEqual([]);
  }, 60_000);

  it('offer: the overview, a form and a refused link speak English, with the inputs kept and the reason next to the field', async () => {
    const said = await hr.say('offer');
    expect(said.cards).toHaveLength(1);
    const overview = said.cards[0];
    const form = await hr.press('loOffer.open', { ...actionData(overview, 'loOffer.open'), theme: 'digitaal' });
    const save = actionData(form, 'loOffer.save')!;
    const refused = await hr.press('loOffer.save', { ...save, offerText: 'A course on digital charting', offerLink: 'http://example.org/course' });
    expect(inputValue(refused, 'offerText')).toBe('A course on digital charting');
    expect(inputValue(refused, 'offerLink')).toBe('http://example.org/course');
    expect(reasonNextTo(refused, 'offerLink')).toBeTruthy();
    const cards = [overview, form, refused];
    for (const c of cards) expect(cardProblems(c)).toEqual([]);
    expect(cards.map(dutchIn).filter(Boolean)).toEqual([]);
  }, 60_000);
});
