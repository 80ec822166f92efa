/**
 * The manager's team account form, refused for its words, keeps the "also to my own manager"
 * toggle as the press sent it (found in review, stop 49). The send reads both the text "true" and
 * a client's JSON `true` as ticked; the refused form must show both ticked, or a second press
 * sends to nobody above. Unticked (the text "false", JSON `false`, or left out) stays unticked.
 *
 * Directory: Mia manages Anna and Eva, Olga manages Mia.
 */
import { TestUser, user } from '../support/activities';
import { buttonData, field, inputValue } from '../support/card-fields';
import { cardProblems } from '../support/card-validator';
import { TestApp } from '../support/test-app';
import { cardAfterCommand, pressIn, startMiasTeamApp } from './support/proposal-put-before';

const mia = user('Mia');
const SEND = 'review.teamAccount.send';

describe('a refused team account keeps the toggle as sent', () => {
  let t: TestApp;
  const press = (who: TestUser, data: Record<string, unknown>) => pressIn(t, who, SEND, data);
  const openForm = (who: TestUser) => cardAfterCommand(t, who, 'teamverantwoording');
  const kept = async (managerId: string) =>
    (await t.store.container('personal').items.query({ query: "SELECT * FROM c WHERE c.type = 'teamAccount'", parameters: [] }, { partitionKey: managerId }).fetchAll()).resources;

  beforeAll(async () => {
    t = await startMiasTeamApp();
  });
  afterAll(() => t.stop());

  it('keeps the ticked toggle when a client sends it as a JSON boolean and the words are refused', async () => {
    const form = await openForm(mia);
    const card = await press(mia, { ...buttonData(form, SEND), text: '   ', alsoOwnManager: true });
    expect(field(card, 'text')?.next).toBe('Schrijf eerst wat je wilt vertellen.');
    // The verb reads `true` as ticked; the refused form must show it ticked, or a second press sends to nobody above.
    expect(inputValue(card, 'alsoOwnManager')).toBe('true');
  });

  it.each([
    ['the text "true"', 'true', 'true'],
    ['the text "false"', 'false', 'false'],
    ['JSON false', false, 'false'],
    ['left out', undefined, 'false'],
  ])('shows the toggle sent as %s as the send reads it; nothing kept', async (_name, alsoOwnManager, shown) => {
    const form = await openForm(mia);
    const before = (await kept('aad-mia')).length;
    const card = await press(mia, { ...buttonData(form, SEND), text: '', ...(alsoOwnManager === undefined ? {} : { alsoOwnManager }) });
    expect(cardProblems(card)).toEqual([]);
    expect(field(card, 'text')?.next).toBe('Schrijf eerst wat je wilt vertellen.');
    expect(inputValue(card, 'alsoOwnManager')).toBe(shown);
    expect((await kept('aad-mia')).length).toBe(before);
  });
});
