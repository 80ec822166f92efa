/**
 * Found in review, stop 66 (probe own-lo-answer-shows-nothing).
 *
 * L&O's answer form refused spaces and the invisible characters `trimText` drops, but not an answer
 * of only characters that show nothing on a screen: a lone variation selector (U+FE0F), tag
 * characters (U+E0041..E007F), the musical format characters (U+1D173..). Such an answer replaced a
 * real stored one, and the group's chat got "Antwoord van L&O:" and nothing.
 * Must hold: refused as an empty answer is, next to the field with what was typed, in L&O's language;
 * the stored answer and its document unchanged (same ETag).
 */
import { execute, user } from '../support/activities';
import { field } from '../support/card-fields';
import { startTestApp, TestApp } from '../support/test-app';
import { actionData } from '../verantwoording/support';
import { sharedProposalId } from '../../src/domain/proposal/proposal-to-lo';
import nl from '../../src/i18n/locales/nl/proposal-to-lo.json';

/* eslint-disable @typescript-eslint/no-explicit-any -- card JSON and stored documents under test */

const hanna = user('Hanna');
const ANSWER = 'proposalToLo.answer';
const REAL_ANSWER = 'ECHT ANTWOORD: we nemen het op in het scholingsplan.';

describe('an L&O answer that shows nothing', () => {
  let t: TestApp;
  const id = sharedProposalId('tenant-1', 'g-shows-nothing_w1_p');
  const press = async (verb: string, data: Record<string, unknown>) => {
    const res = await t.send({ ...execute(t.conversation('personal', 'a:personal-hanna'), hanna, verb, data, 'card-1'), locale: 'nl-NL' });
    expect(res.status).toBe(200);
    return res.body.value;
  };
  const stored = async () => (await t.store.container('installations').item(id, 'tenant-1').read()).resource;

  beforeAll(async () => {
    t = await startTestApp({ HR_USER_IDS: 'aad-hanna' }, '2026-11-23T08:00:00Z');
    await t.store.container('installations').items.create({
      id, type: 'proposalToLo', tenantId: 'tenant-1', groupId: 'g-shows-nothing', proposalId: 'g-shows-nothing_w1_p', groupName: 'Team Zorg',
      proposal: { verdict: 'adapt', source: 'decision', text: 'Samen overdragen aan het bed.', reason: 'Iedereen hoort hetzelfde' },
      decidedAt: '2026-11-20T10:00:00.000Z', sharedAt: '2026-11-20T11:00:00.000Z', revision: 2, keys: ['k-old'],
      answer: { text: REAL_ANSWER, at: '2026-11-21T09:00:00.000Z', key: 'k-old' },
      noticedAt: '2026-11-20T11:00:01.000Z',
    });
  });
  afterAll(() => t?.stop());

  it.each([
    ['a lone variation selector', '\uFE0F'],
    ['tag characters', '\u{E0041}\u{E0042}\u{E007F}'],
    ['musical format characters', '\u{1D173}\u{1D174}'],
    ['tag characters between spaces and a zero-width space', ' \u200B\u{E0041}\u{E007F} '],
  ])('an answer of only %s is refused next to the field; the real answer stays', async (_name, answer) => {
    const form = await press('proposalToLo.open', { id });
    const before = await stored();
    const card = await press(ANSWER, { ...actionData(form, ANSWER), answer });
    const after = await stored();
    expect({ field: field(card, 'answer'), storedAnswer: after.answer.text, etagKept: after._etag === before._etag }).toEqual({
      field: { value: answer, next: nl.proposalToLo.reason.required },
      storedAnswer: REAL_ANSWER,
      etagKept: true,
    });
  }, 60_000);
});
