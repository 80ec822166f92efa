/**
 * Found in review, stop 49: L&O's answer form (voorstellen -> Antwoorden) under hostile input.
 * The promise: a refused answer comes back with the words and the reason next to the field, in
 * the user's language; nothing stored; a press delivered again stores once.
 *
 * A shared proposal is put in the store as a share would leave it (its schema checked), so the
 * test needs no session. Hanna (Dutch client) and Iris (English client, nothing chosen) are HR.
 */
import { execute, TestUser, user } from '../support/activities';
import { field } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { cardText } from '../support/group-driver';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';
import { documentProblems } from '../../src/store/document-schemas';
import { sharedProposalId } from '../../src/domain/proposal/proposal-to-lo';
import en from '../../src/i18n/locales/en/proposal-to-lo.json';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna');
const iris = user('Iris');
const ANSWER = 'proposalToLo.answer';

describe('L&O answer form under hostile input', () => {
  let t: TestApp;
  const id = sharedProposalId('tenant-1', 'g-probe_w1_p');
  const chat = (who: TestUser) => t.conversation('personal', `a:personal-${who.name.toLowerCase()}`);
  const localeOf = (who: TestUser) => (who === iris ? 'en-US' : 'nl-NL');
  const press = async (who: TestUser, verb: string, data: Record<string, unknown>, activityId?: string) => {
    const res = await t.send({ ...execute(chat(who), who, verb, data, 'card-1', activityId), locale: localeOf(who) });
    expect(res.status).toBe(200);
    return res.body.value;
  };
  const stored = async () => (await t.store.container('installations').item(id, 'tenant-1').read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna,aad-iris' }, '2026-11-23T08:00:00Z');
    const doc = {
      id,
      type: 'proposalToLo',
      tenantId: 'tenant-1',
      groupId: 'g-probe',
      proposalId: 'g-probe_w1_p',
      groupName: 'Team Zorg',
      proposal: { verdict: 'adapt', source: 'decision', text: 'Samen overdragen aan het bed.', reason: 'Iedereen hoort hetzelfde', firstStep: 'Rooster aanpassen' },
      decidedAt: '2026-11-20T10:00:00.000Z',
      sharedAt: '2026-11-20T11:00:00.000Z',
      revision: 1,
      keys: [],
      noticedAt: '2026-11-20T11:00:01.000Z',
    };
    expect(documentProblems('installations', doc)).toEqual([]);
    await t.store.container('installations').items.create(doc);
  });
  afterAll(() => t.stop());

  it.each([
    ['only spaces and line breaks', ' \n \t '],
    ['only zero-width, joiners and the Braille blank', '\u200B\u200C\u200D\u2800\u3164\uFEFF'],
  ])('a blank-looking answer (%s) comes back in English for an English client, reason next to the field, nothing stored', async (_name, answer) => {
    const form = await press(iris, 'proposalToLo.open', { id });
    expect(cardText(form)).toContain('Samen overdragen aan het bed.');
    const before = await stored();
    const card = await press(iris, ANSWER, { ...actionData(form, ANSWER), answer });
    expect(cardProblems(card)).toEqual([]);
    expect(field(card, 'answer')).toEqual({ value: answer, next: en.proposalToLo.reason.required });
    expect(cardText(card)).toContain(en.proposalToLo.notSent);
    expect((await stored())._etag).toBe(before._etag);
  });

  it.each([
    ['just over the limit', 2001],
    ['far over the limit (past the verb\'s transport bound)', 25_000],
  ])('an answer %s comes back whole with the real limit, nothing stored', async (_name, length) => {
    const form = await press(hanna, 'proposalToLo.open', { id });
    const answer = '\u0627'.repeat(length);
    const before = await stored();
    const card = await press(hanna, ANSWER, { ...actionData(form, ANSWER), answer });
    expect(cardProblems(card)).toEqual([]);
    expect(field(card, 'answer')).toEqual({ value: answer, next: `Hoogstens 2.000 tekens; dit zijn er ${length.toLocaleString('nl-NL')}.` });
    expect((await stored())._etag).toBe(before._etag);
  });

  it('a card whose own data is broken (no revision) keeps the words, with why nothing was stored', async () => {
    const form = await press(hanna, 'proposalToLo.open', { id });
    const { rev: _rev, ...data } = actionData(form, ANSWER)!;
    const before = await stored();
    const card = await press(hanna, ANSWER, { ...data, answer: 'WOORDEN-ZONDER-REV' });
    expect(JSON.stringify(card)).toContain('WOORDEN-ZONDER-REV');
    expect((await stored())._etag).toBe(before._etag);
  });

  it('emoji, right-to-left text and control characters: stored as shown, without the controls; the same press twice stores once', async () => {
    const form = await press(hanna, 'proposalToLo.open', { id });
    const data = { ...actionData(form, ANSWER), answer: '  Dank! 👍🏾 شكرا\u0007 — we plannen het in. \u200B' };
    const rev = (await stored()).revision;
    const sent = await press(hanna, ANSWER, data, 'lo-same');
    await press(hanna, ANSWER, data, 'lo-same');
    // The record's group is not in the store: since stop 58 the card says it is saved, not sent to the group.
    expect(cardText(sent)).toContain('Antwoord opgeslagen voor Team Zorg');
    const after = await stored();
    expect(after.revision).toBe(rev + 1);
    expect(after.answer.text).toBe('Dank! 👍🏾 شكرا — we plannen het in.');
    expect(documentProblems('installations', after)).toEqual([]);
  });

  it('a stale form (another L&O answer came first) keeps the words and shows what is stored, in English', async () => {
    const form = await press(iris, 'proposalToLo.open', { id });
    const other = await press(hanna, 'proposalToLo.open', { id });
    await press(hanna, ANSWER, { ...actionData(other, ANSWER), answer: 'HANNA-EERST' });
    const card = await press(iris, ANSWER, { ...actionData(form, ANSWER), answer: 'IRIS-LATER' });
    expect(field(card, 'answer')?.value).toBe('IRIS-LATER');
    expect(cardText(card)).toContain(en.proposalToLo.answeredMeanwhile);
    expect(cardText(card)).toContain('HANNA-EERST');
    expect((await stored()).answer.text).toBe('HANNA-EERST');
  });
});
