/**
 * Stop 47: a group shares a proposal it adopted with L&O ("inspraak ten behoeve van innovatie"),
 * and L&O answers the group. Before, an adopted proposal reached no one but, through one member,
 * that member's own manager.
 *
 * Clock: Monday 23 November 2026. Anna, Bram and Cem (group A, English) adapt a proposal in their
 * own words; Dewi, Eva and Finn (group B, Dutch) adopt one; group C (Anna, Bram, Cem in another
 * chat) rejects one. Hanna and Iris are HR/L&O.
 * 1. A's summary has "Share with L&O"; Bram's press previews what L&O sees (no member's name, no
 *    answer); he shares; the chat is told once; the record names nobody. Hanna types `voorstellen`,
 *    sees it, answers; A's chat gets the answer in English; a later look shows it shared and answered.
 * 2. In group B, two members share at once and one press is delivered again: one record, one notice.
 * 3. C's rejected proposal: no button, a forged share refused, nothing stored; a member who left,
 *    and a card pressed from another chat: refused, nothing stored.
 * 4. An answer over the limit comes back with the words and the reason; a stale form comes back
 *    with the words and what is stored; nothing stored either time.
 */
import { execute, membersRemoved, message, TestUser, user } from '../support/activities';
import { cardProblems } from '../support/card-validator';
import { cardText, GroupDriver, MEMBERS } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData, PersonalChat } from '../verantwoording/support';
import { MAX_LO_ANSWER_LENGTH } from '../../src/domain/proposal/proposal-to-lo';
import { documentProblems } from '../../src/store/document-schemas';
import { until } from './support-shared-proposal';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const [anna, bram, cem, dewi, eva, finn] = MEMBERS as [TestUser, TestUser, TestUser, TestUser, TestUser, TestUser];
const hanna = user('Hanna');
const iris = user('Iris');
const ANSWERS = ['Overdracht', 'Info raakt kwijt', 'Geen vaste tijd', 'Korter en completer', 'Formulier', 'Een vaste tafel'];
const OWN_WORDS = 'GROEPSWOORDEN: de overdracht doen we samen aan het bed.';
const REASON = 'REDEN: iedereen hoort hetzelfde';
const FIRST_STEP = 'EERSTE-STAP: rooster aanpassen';
const JUDGEMENT = 'OORDEEL-PER-PERSOON';
const LO_ANSWER = 'We nemen dit op in het *scholingsplan*, zie [hier](https://example.org); bel ons gerust.';

/** Every way the app could name a member: names, Entra ids, Teams ids. */
const identities = (people: TestUser[]) => people.flatMap((p) => [p.name, p.aadObjectId, p.id]);

/** Whether a TextRun (never read as Markdown) shows exactly `text`. */
const hasTextRun = (card: unknown, text: string) => JSON.stringify(card).includes(JSON.stringify({ type: 'TextRun', text }).slice(1, -1));

describe('a group shares its adopted proposal with L&O, and L&O answers the group', () => {
  let t: TestApp;
  let hr: PersonalChat;
  const shared = async (): Promise<any[]> => (await t.store.container('installations').items.query("SELECT * FROM c WHERE c.type = 'proposalToLo'").fetchAll()).resources;
  const cardsIn = (g: GroupDriver, from = 0) => t.connector.cards((c) => c.method === 'POST' && c.conversationId === g.conv.id).slice(from);
  const summaryOf = (g: GroupDriver, title: RegExp) => until(() => cardsIn(g).find((c) => title.test(cardText(c.card))), 'summary');

  /** A group that judges its proposal and decides on it, then closes the session; returns the summary's message id and card. */
  async function decided(chatId: string, members: TestUser[], decision: Record<string, string>, language: 'nl' | 'en' = 'nl') {
    const g = await new GroupDriver(t, t.conversation('groupChat', chatId), members).answeredOnDayOne(ANSWERS, { checkIn: 4 });
    if (language === 'en') await t.send(message(g.conv, members[0]!, 'taal en'));
    const proposalId = `${g.groupId}_w1_p`;
    for (const who of members.slice(0, 2)) await g.press(who, 'proposal.judge', { ...g.ids(), proposalId, opinion: 'agree', reason: JUDGEMENT });
    await g.press(members[2]!, 'proposal.decide', { ...g.ids(), proposalId, decisionReason: REASON, ...decision });
    await g.end(members[0]);
    const summary = await summaryOf(g, /Samenvatting|Summary/);
    return { g, proposalId, summaryId: summary.call.id, summary: summary.card };
  }

  let a: Awaited<ReturnType<typeof decided>>;
  let b: Awaited<ReturnType<typeof decided>>;
  let c: Awaited<ReturnType<typeof decided>>;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris' }, '2026-11-23T08:00:00Z');
    hr = new PersonalChat(t, hanna);
    a = await decided('19:plo-a@thread.v2', [anna, bram, cem], { decision: 'adapt', adoptedText: OWN_WORDS, firstStep: FIRST_STEP }, 'en');
    b = await decided('19:plo-b@thread.v2', [dewi, eva, finn], { decision: 'accept', adoptedText: '', firstStep: 'B-STAP' });
    c = await decided('19:plo-c@thread.v2', [anna, bram, cem], { decision: 'reject', adoptedText: '', firstStep: '' });
  }, 120_000);
  afterAll(() => t?.stop());

  it('shares on behalf of the group, names nobody, and brings L&O\'s answer back to the group in its language', async () => {
    // The summary of the adapted proposal carries the button, in the group's language.
    expect(cardProblems(a.summary)).toEqual([]);
    const button = actionData(a.summary, 'proposalToLo.preview');
    expect(button).toEqual({ groupId: a.g.groupId, proposalId: a.proposalId });
    expect(cardText(a.summary)).toContain('Share with L&O');

    // Bram's press: exactly what L&O will see, nothing of a member.
    const preview = (await a.g.press(bram, 'proposalToLo.preview', button!, a.summaryId)).value;
    expect(cardProblems(preview)).toEqual([]);
    const previewText = cardText(preview);
    expect(previewText).toContain(OWN_WORDS);
    expect(previewText).toContain(REASON);
    // The first step names who does what (stop 49): it stays with the group, and the preview says so.
    expect(previewText).not.toContain(FIRST_STEP);
    expect(previewText).toContain('The first step (who does what, when) stays in the group.');
    expect(previewText).toContain('Team Zorg');
    for (const absent of [...identities([anna, bram, cem]), JUDGEMENT, ...ANSWERS.slice(1, 5)]) expect(previewText).not.toContain(absent);
    expect(await shared()).toEqual([]);

    const before = cardsIn(a.g).length;
    const done = (await a.g.press(bram, 'proposalToLo.share', actionData(preview, 'proposalToLo.share')!, a.summaryId)).value;
    expect(cardProblems(done)).toEqual([]);
    expect(cardText(done)).toContain('Shared with L&O on');

    // The whole group sees it was shared, once, naming nobody.
    // Queued in the outbox by the press (sent right away in production; here when the test lets it go).
    await t.app.outbox.drain(10_000);
    const notice = await until(() => cardsIn(a.g, before).find((x) => cardText(x.card).includes('Shared with L&O on')), 'notice');
    expect(cardProblems(notice.card)).toEqual([]);
    for (const absent of identities([anna, bram, cem])) expect(cardText(notice.card)).not.toContain(absent);

    // One document in the tenant's partition, naming no member, valid by its schema.
    const docs = await shared();
    expect(docs).toHaveLength(1);
    expect(docs[0].tenantId).toBe('tenant-1');
    expect(documentProblems('installations', docs[0])).toEqual([]);
    for (const absent of [...identities([anna, bram, cem]), JUDGEMENT]) expect(JSON.stringify(docs[0])).not.toContain(absent);

    // L&O, in its own chat: the list, newest first, without a member's name.
    const said = await hr.say('voorstellen');
    expect(said.cards).toHaveLength(1);
    const list = said.cards[0];
    expect(cardProblems(list)).toEqual([]);
    expect(cardText(list)).toContain(OWN_WORDS);
    expect(cardText(list)).toContain('Team Zorg');
    for (const absent of identities([anna, bram, cem])) expect(cardText(list)).not.toContain(absent);

    const form = await hr.press('proposalToLo.open', actionData(list, 'proposalToLo.open')!);
    expect(cardProblems(form)).toEqual([]);
    const beforeAnswer = cardsIn(a.g).length;
    const sent = await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer: LO_ANSWER });
    expect(cardProblems(sent)).toEqual([]);
    expect(cardText(sent)).toContain('Antwoord verstuurd');

    // The group's chat gets it in the group's language (English), the words as plain text.
    await t.app.outbox.drain(10_000);
    const answerCard = await until(() => cardsIn(a.g, beforeAnswer).find((x) => cardText(x.card).includes('L&O answers your proposal')), 'answer card');
    expect(cardProblems(answerCard.card)).toEqual([]);
    expect(hasTextRun(answerCard.card, LO_ANSWER)).toBe(true);
    expect(cardText(answerCard.card)).not.toContain('L&O antwoordt');
    expect((await shared())[0].answer.text).toBe(LO_ANSWER);
    expect(documentProblems('installations', (await shared())[0])).toEqual([]);

    // A member who looks again sees it shared and answered, and no second share button.
    const again = (await a.g.press(anna, 'proposalToLo.preview', button!, a.summaryId)).value;
    expect(cardText(again)).toContain('Shared with L&O on');
    expect(hasTextRun(again, LO_ANSWER)).toBe(true);
    expect(actionData(again, 'proposalToLo.share')).toBeUndefined();
  });

  it('stores one record and posts one notice when two members share at once and a press is delivered again', async () => {
    const button = actionData(b.summary, 'proposalToLo.preview')!;
    expect(button).toBeDefined();
    const before = cardsIn(b.g).length;
    const press = (who: TestUser, id?: string) => t.send(execute(b.g.conv, who, 'proposalToLo.share', button, b.summaryId, id));
    const results = await Promise.all([press(dewi, 'share-dewi'), press(eva), press(dewi, 'share-dewi')]);
    for (const r of results) expect(cardText(r.body.value)).toContain('Gedeeld met L&O op');
    await press(finn);
    await t.app.outbox.drain(10_000);
    await until(() => cardsIn(b.g, before).find((x) => cardText(x.card).includes('Gedeeld met L&O op')), 'notice');
    expect(cardsIn(b.g, before).filter((x) => cardText(x.card).includes('Gedeeld met L&O op'))).toHaveLength(1);
    expect((await shared()).filter((d) => d.groupId === b.g.groupId)).toHaveLength(1);
    // The AI's text would be labelled as adopted; this group adopted its own text (no AI): the group's words.
    expect((await shared()).find((d) => d.groupId === b.g.groupId).proposal.source).toBe('decision');
  });

  it('refuses a rejected proposal, a member who left and a card pressed from another chat: nothing stored', async () => {
    expect(actionData(c.summary, 'proposalToLo.preview')).toBeUndefined();
    const count = (await shared()).length;
    const forged = (await c.g.press(anna, 'proposalToLo.share', { groupId: c.g.groupId, proposalId: c.proposalId }, c.summaryId)).value;
    expect(cardText(forged)).toContain('Alleen een voorstel dat de groep heeft aangenomen of aangepast');

    // Cem leaves group B's sibling: group A (English). His press of the card after he left: refused.
    await t.send(membersRemoved(a.g.conv, anna, [{ id: cem.id, aadObjectId: cem.aadObjectId, name: cem.name }]));
    const left = (await a.g.press(cem, 'proposalToLo.preview', { groupId: a.g.groupId, proposalId: a.proposalId }, a.summaryId)).value;
    expect(cardText(left)).toContain('Only a current member of this group');
    expect(cardText(left)).not.toContain(OWN_WORDS);

    // Group B's card forwarded to group C's chat: the action names another group; nothing read or stored.
    const elsewhere = (await c.g.press(anna, 'proposalToLo.share', { groupId: b.g.groupId, proposalId: b.proposalId }, 'forwarded')).value;
    expect(cardText(elsewhere)).not.toContain('Gedeeld met L&O op');
    expect((await shared()).length).toBe(count);
    expect((await shared()).some((d) => d.groupId === c.g.groupId)).toBe(false);
  });

  it('brings an answer over the limit back with the words and the reason, and a stale form back with what is stored', async () => {
    const id = (await shared()).find((d) => d.groupId === b.g.groupId).id;
    const form = await hr.press('proposalToLo.open', { id });
    const tooLong = 'x'.repeat(MAX_LO_ANSWER_LENGTH + 1);
    const refused = await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer: tooLong });
    expect(cardProblems(refused)).toEqual([]);
    const input = JSON.stringify(refused);
    expect(input).toContain(tooLong);
    expect(cardText(refused)).toContain(`Hoogstens ${MAX_LO_ANSWER_LENGTH.toLocaleString('nl-NL')} tekens; dit zijn er ${(MAX_LO_ANSWER_LENGTH + 1).toLocaleString('nl-NL')}.`);
    expect((await shared()).find((d) => d.id === id).answer).toBeUndefined();

    // Iris answers from her own form; Hanna's form, opened before, then comes back with her words and Iris's.
    const irisChat = new PersonalChat(t, iris);
    const irisForm = await irisChat.press('proposalToLo.open', { id });
    await irisChat.press('proposalToLo.answer', { ...actionData(irisForm, 'proposalToLo.answer'), answer: 'IRIS-ANTWOORD' });
    const stale = await hr.press('proposalToLo.answer', { ...actionData(form, 'proposalToLo.answer'), answer: 'HANNA-ANTWOORD' });
    expect(cardProblems(stale)).toEqual([]);
    expect(JSON.stringify(stale)).toContain('HANNA-ANTWOORD');
    expect(cardText(stale)).toContain('Nu opgeslagen: IRIS-ANTWOORD');
    expect((await shared()).find((d) => d.id === id).answer.text).toBe('IRIS-ANTWOORD');
  });
});
